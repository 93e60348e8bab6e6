"""Reading the rows a bundle table may update: all of them, or those of a chunk's keys.

Rows come back as (pk, values…) in the form an import compares with what it
would write: Python values on PostgreSQL; on SQLite the stored text as is,
because Django's per-value converters would cost more than the rest of a
re-import, and the parameters an import writes are that same text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db import connection, models

from radar.ingest.bundle.tables import Table

FETCH = 10_000


def _raw(field: Any, column: str) -> str:
    """A column as stored on SQLite: an expression has no declared type, so
    the sqlite3 module's date and bool converters (set up by Django) skip it."""
    if isinstance(field, models.DateField | models.BooleanField):
        kind = "INTEGER" if isinstance(field, models.BooleanField) else "TEXT"
        return f"CAST({column} AS {kind})"
    return column


class StoredRows:
    """SELECTs of one table's rows, in the writer's field order."""

    def __init__(self, table: Table, fields: Sequence[Any], attnames: Sequence[str]):
        self.table, self.fields, self.attnames = table, list(fields), list(attnames)
        self.native = connection.vendor == "sqlite"
        meta = table.model._meta
        qn = connection.ops.quote_name
        self.db_table = qn(meta.db_table)
        self.pk = qn(meta.pk.column)
        by_attname = {f.attname: f.column for f in meta.concrete_fields}
        self.columns = [qn(by_attname[a]) for a in attnames]
        shown = [_raw(f, f"t.{c}") if self.native else f"t.{c}" for f, c in zip(
            self.fields, self.columns, strict=True)]  # fmt: skip
        self.select = f"SELECT t.{self.pk}, {', '.join(shown)} FROM {self.db_table} t"

    def all(self) -> Iterator[tuple[Any, ...]]:
        """Every stored row (ordinal tables in key order, so duplicates count up)."""
        if not self.native:
            model = self.table.model
            order = [*self.table.key, "pk"] if self.table.ordinal else ["pk"]
            query = model._default_manager.order_by(*order).values_list("pk", *self.attnames)
            yield from query.iterator(chunk_size=FETCH)
            return
        qn = connection.ops.quote_name
        meta = self.table.model._meta
        by_name = {f.attname: f.column for f in meta.concrete_fields} | {"pk": meta.pk.column}
        order = [*self.table.key, "pk"] if self.table.ordinal else ["pk"]
        ordering = ", ".join(f"t.{qn(by_name[name])}" for name in order)
        yield from self._fetch(f"{self.select} ORDER BY {ordering}", [])

    def max_pk(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX({self.pk}) FROM {self.db_table}")
            (found,) = cursor.fetchone()
        return int(found or 0)

    def exists(self) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {self.db_table} LIMIT 1")
            return cursor.fetchone() is not None

    def by_keys(
        self, positions: Sequence[int], keys: list[tuple[Any, ...]], where: str
    ) -> Iterator[tuple[Any, ...]]:
        """Stored rows whose key columns (`positions` in field order) equal one of `keys`.

        A join with the keys as a VALUES list: one probe of the key's unique
        index per key, whatever order the file's rows come in.
        """
        if not keys:
            return iter(())
        keys = sorted(keys)
        width = len(positions)
        names = [f"k{i}" for i in range(width)]
        one = "(" + ", ".join(["%s"] * width) + ")"
        values = ", ".join([one] * len(keys))
        on = " AND ".join(
            f"t.{self.columns[p]} = k.{n}" for p, n in zip(positions, names, strict=True)
        )
        sql = f"{self.select} JOIN (VALUES {values}) AS k({', '.join(names)}) ON {on}"
        if self.native:
            # SQLite names VALUES columns column1, column2, … and ignores the alias list.
            sql = f"{self.select} JOIN (VALUES {values}) AS k ON " + " AND ".join(
                f"t.{self.columns[p]} = k.column{i + 1}" for i, p in enumerate(positions)
            )
        if where:
            sql += f" WHERE {where}"
        return self._fetch(sql, [v for key in keys for v in key])

    def matching(self, where: str) -> Iterator[tuple[Any, ...]]:
        return self._fetch(f"{self.select} WHERE {where}", [])

    def _fetch(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(FETCH):
                yield from chunk
