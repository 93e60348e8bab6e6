"""Pass two: upsert one table's validated rows by natural key.

Existing rows are read once per table (key -> id and a signature of their
values); each incoming row is then created, updated in place or left alone.
Writes are plain multi-row INSERTs and executemany UPDATEs through Django's
connection: building a model instance per row would cost more than the
whole rest of the import at a million rows.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from django.db import connection, models

from radar.ingest.bundle.catalogue import Catalogue
from radar.ingest.bundle.tables import Ref, Row, Table, auto_external_id, ident

Getter = Callable[[Row], Any]
PROGRESS_EVERY = 5000
BULK_ROWS = 50_000  # from this many new rows on, indexes are built after loading
# Indexes that no constraint owns (primary keys stay): name and how to rebuild it.
_SECONDARY_INDEXES = {
    "sqlite": "SELECT name, sql FROM sqlite_master "
    "WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
    "postgresql": "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
    "JOIN pg_class i ON i.oid = x.indexrelid "
    "WHERE x.indrelid = %s::regclass "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
}


def _adapter(field: Any) -> Callable[[Any], Any] | None:
    """How a Python value becomes a query parameter, for types that need it."""
    sqlite = connection.vendor == "sqlite"
    if isinstance(field, models.DateTimeField):
        # Django keeps SQLite date-times as naive UTC text.
        return (lambda v: v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")) if sqlite else None
    if isinstance(field, models.DateField):
        return date.isoformat if sqlite else None
    if isinstance(field, models.JSONField | models.DecimalField):
        return lambda v: field.get_db_prep_save(v, connection)
    return None


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def _raw(field: Any, column: str) -> str:
    """A column as stored on SQLite: an expression has no declared type, so
    the sqlite3 module's date and bool converters (set up by Django) skip it."""
    if isinstance(field, models.DateField | models.BooleanField):
        return (
            f"CAST({column} AS {'INTEGER' if isinstance(field, models.BooleanField) else 'TEXT'})"
        )
    return column


def _signature(values: tuple[Any, ...]) -> int:
    return hash(
        tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in values)
    )


class TableWriter:
    def __init__(self, table: Table, cat: Catalogue, now: datetime):
        self.table, self.cat = table, cat
        model = table.model
        meta = model._meta
        by_attname = {f.attname: f for f in meta.concrete_fields}
        main = [(a, s) for a, s in table.fields if not (isinstance(s, Ref) and s.deferred)]
        self.deferred = [(a, s) for a, s in table.fields if isinstance(s, Ref) and s.deferred]
        self.attnames = [attname for attname, _ in main]
        self.fields = [by_attname[a] for a in self.attnames]
        self.build = self._compile(main, by_attname)
        self.key_fn = self._key_fn()
        written = set(self.attnames)
        # Columns the bundle does not carry: timestamps and model defaults.
        self.extra: list[tuple[models.Field[Any, Any], Any]] = []
        self.touch: list[tuple[models.Field[Any, Any], Any]] = []
        for field in meta.concrete_fields:
            if field.primary_key or field.attname in written:
                continue
            auto_now = getattr(field, "auto_now", False)
            auto_add = getattr(field, "auto_now_add", False)
            value = now if (auto_now or auto_add) else field.get_default()
            self.extra.append((field, value))
            if auto_now:
                self.touch.append((field, now))
        self.counts: Counter[str] = Counter()
        self.insert_params: Callable[[tuple[Any, ...]], Any] | None = None
        self.native = connection.vendor == "sqlite"
        self.links: list[tuple[Any, Any, Any]] = []  # (own key, successor key, row key)
        self.unchanged_keys: set[Any] = set()

    # -- building a row's values ------------------------------------------------
    def _compile(
        self, main: list[tuple[str, Any]], by_attname: dict[str, Any]
    ) -> Callable[[Row], tuple[Any, ...]]:
        """One straight-line function per table: a row's field values, in order."""
        ix, cat = self.table.ix, self.cat
        alliance_ids = cat.keys.get("alliance", {})
        env: dict[str, Any] = {
            "IX": ix,
            "A": {ref: alliance_ids.get((name,)) for ref, name in cat.alliance_names.items()},
        }
        parts: list[str] = []
        for k, (attname, source) in enumerate(main):
            field = by_attname[attname]
            if isinstance(source, Ref) and source.kind == "alliance" and not source.optional:
                parts.append(f"A.get(row[{ix[source.columns[0]]}])")
            elif isinstance(source, Ref):
                env[f"G{k}"] = self._getter(field, source)
                parts.append(f"G{k}(row)")
            elif callable(source):
                env[f"F{k}"] = source
                parts.append(f"F{k}(row, IX)")
            elif field.null:
                parts.append(f"row[{ix[source]}]")
            else:
                env[f"D{k}"] = field.get_default()
                parts.append(f"(D{k} if row[{ix[source]}] is None else row[{ix[source]}])")
        exec(f"def build(row):\n    return ({', '.join(parts)},)", env)
        build: Callable[[Row], tuple[Any, ...]] = env["build"]
        return build

    def _getter(self, field: models.Field[Any, Any], source: Any) -> Getter:
        ix, cat = self.table.ix, self.cat
        if isinstance(source, Ref):
            ref = source
            return lambda row: cat.id_of(ref.kind, cat.canonical(ref, row, ix))
        if callable(source):
            fn = source
            return lambda row: fn(row, ix)
        index = ix[source]
        if field.null:
            return lambda row: row[index]
        default = field.get_default()
        return lambda row: default if row[index] is None else row[index]

    def _key_fn(self) -> Callable[[tuple[Any, ...]], Any]:
        names = self.attnames
        if "email|name" in self.table.key:
            a, e, n = names.index("alliance_id"), names.index("email"), names.index("name")
            return lambda t: (t[a], ident(t[e]) if t[e] else t[n])
        positions = [names.index(k) for k in self.table.key]
        return lambda t: tuple(t[p] for p in positions)

    # -- existing rows ------------------------------------------------------------
    def existing(self) -> dict[int, tuple[int, int]]:
        """Stored rows by hashed natural key: (id, signature of their values)."""
        found: dict[int, tuple[int, int]] = {}
        seen: Counter[Any] = Counter()
        key_fn = self.key_fn
        blank_ids = self._blank_id_key()
        for pk, *values in self._stored_rows():
            t = tuple(values)
            key = key_fn(t) if blank_ids is None else blank_ids(t)
            if self.table.ordinal:
                seen[key] += 1
                key = (*key, seen[key])
            found[hash(key)] = (pk, _signature(t))
        return found

    def _stored_rows(self) -> Iterator[tuple[Any, ...]]:
        model = self.table.model
        order = [*self.table.key, "pk"] if self.table.ordinal else ["pk"]
        if not self.native:
            query = model._default_manager.order_by(*order).values_list("pk", *self.attnames)
            yield from query.iterator(chunk_size=10_000)
            return
        # SQLite: read the stored text as is and compare it with the parameters
        # an import would write; Django's per-value converters would cost more
        # than the rest of a re-import.
        qn = connection.ops.quote_name
        meta = model._meta
        columns = [qn(meta.pk.column)] + [_raw(f, qn(f.column)) for f in self.fields]
        by_name = {f.attname: f.column for f in meta.concrete_fields} | {"pk": meta.pk.column}
        ordering = ", ".join(qn(by_name[name]) for name in order)
        sql = f"SELECT {', '.join(columns)} FROM {qn(meta.db_table)} ORDER BY {ordering}"
        with connection.cursor() as cursor:
            cursor.execute(sql)
            while chunk := cursor.fetchmany(10_000):
                yield from chunk

    def _blank_id_key(self) -> Callable[[tuple[Any, ...]], Any] | None:
        """Interactions stored without external_id are found by their derived id."""
        if self.table.name != "interactions":
            return None
        names, key_fn, alliances = self.attnames, self.key_fn, self.cat.alliance_by_id
        a, k, o, d, s, src, e = (
            names.index(n)
            for n in (
                "alliance_id",
                "kind",
                "occurred_at",
                "direction",
                "subject",
                "source",
                "external_id",
            )
        )

        native = self.native

        def key(t: tuple[Any, ...]) -> Any:
            if t[e]:
                return key_fn(t)
            at = datetime.fromisoformat(t[o]).replace(tzinfo=UTC) if native else t[o]
            derived = auto_external_id(alliances[t[a]], t[k], at, t[d], t[s])
            return (t[a], t[src], derived)

        return key

    @contextmanager
    def _bulk_load(self, expected: int) -> Iterator[None]:
        """Load a big empty table without its secondary indexes, then build them
        once (sorted): much cheaper than maintaining them row by row. Inside the
        import's transaction, so a rollback or failure restores them."""
        if expected < BULK_ROWS or connection.vendor not in ("sqlite", "postgresql"):
            yield
            return
        table = self.table.model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(_SECONDARY_INDEXES[connection.vendor], [table])
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        yield
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Pending deferred foreign-key checks block CREATE INDEX: run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _, sql in indexes:
                cursor.execute(sql)
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    # -- the upsert ---------------------------------------------------------------------
    def write(
        self, rows: Iterator[Row], progress: Callable[[int], None], expected: int = 0
    ) -> Counter[str]:
        """Upsert the rows; `expected` (rows counted by validation) picks the bulk path."""
        existing = self.existing()
        seen: Counter[Any] = Counter()
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        batch = 5000
        build, key_fn, ordinal = self.build, self.key_fn, self.table.ordinal
        # Compare as stored: Python values, or on SQLite the parameters' text.
        compared = self._params(self.fields, []) if self.native else None
        pending = 0
        if not existing and not self.deferred:
            # An empty table (a first import): every row is new, no keys to compare.
            with self._bulk_load(expected):
                for chunk in _chunks(rows, batch):
                    inserts.extend(build(row) for row in chunk)
                    progress(len(inserts))
                    self._insert(inserts)
            return self.counts
        for row in rows:
            t = build(row)
            c = t if compared is None else compared(t)
            key = key_fn(c)
            if ordinal:
                seen[key] += 1
                key = (*key, seen[key])
            if self.deferred:
                self._link(row, key)
            found = existing.get(hash(key))
            if found is None:
                inserts.append(t)
                if len(inserts) >= batch:
                    self._insert(inserts)
            elif self.table.create_only or found[1] == _signature(c):
                self.counts["unchanged"] += 1
                if self.deferred:
                    self.unchanged_keys.add(key)
            else:
                updates.append((*t, found[0]))
                if len(updates) >= batch:
                    self._update(updates)
            pending += 1
            if pending == PROGRESS_EVERY:
                progress(pending)
                pending = 0
        self._insert(inserts)
        self._update(updates)
        progress(pending)
        if self.deferred:
            self._write_links()
        return self.counts

    def _params(self, fields: list[Any], extra: list[Any]) -> Callable[[tuple[Any, ...]], Any]:
        """Compile: a row's values (plus constant extras) -> query parameters."""
        env: dict[str, Any] = {}
        parts = []
        for i, field in enumerate(fields):
            adapt = _adapter(field)
            if adapt is None:
                parts.append(f"t[{i}]")
            else:
                env[f"A{i}"] = adapt
                parts.append(f"(None if t[{i}] is None else A{i}(t[{i}]))")
        for k, (field, value) in enumerate(extra):
            adapt = _adapter(field)
            env[f"X{k}"] = adapt(value) if adapt is not None and value is not None else value
            parts.append(f"X{k}")
        exec(f"def params(t):\n    return ({', '.join(parts)},)", env)
        params: Callable[[tuple[Any, ...]], Any] = env["params"]
        return params

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.insert_params is None:
            self.insert_params = self._params(self.fields, self.extra)
        fields = self.fields + [f for f, _ in self.extra]
        to_params = self.insert_params
        params = [to_params(r) for r in rows]
        qn = connection.ops.quote_name
        columns = ", ".join(qn(f.column) for f in fields)
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        sql = f"INSERT INTO {qn(self.table.model._meta.db_table)} ({columns}) VALUES "
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # SQLite's executemany loops in C; one statement is prepared once.
                cursor.executemany(sql + one, params)
            else:
                # PostgreSQL: COPY streams rows without building (and parsing) a
                # statement with tens of thousands of placeholders.
                table = qn(self.table.model._meta.db_table)
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for r in params:
                        copy.write_row(r)
        self.counts["created"] += len(rows)
        rows.clear()

    def _update(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        fields = self.fields + [f for f, _ in self.touch]
        to_params = self._params(self.fields, self.touch)
        params = [(*to_params(r), r[-1]) for r in rows]
        qn = connection.ops.quote_name
        sets = ", ".join(f"{qn(f.column)} = %s" for f in fields)
        meta = self.table.model._meta
        sql = f"UPDATE {qn(meta.db_table)} SET {sets} WHERE {qn(meta.pk.column)} = %s"
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)
        self.counts["updated"] += len(rows)
        rows.clear()

    # -- references to rows of the same file (contact successors) --------------------
    def _link(self, row: Row, key: Any) -> None:
        ix, cat = self.table.ix, self.cat
        for _, ref in self.deferred:
            email = row[ix["email"]]
            alliance = cat.alliance_names[row[ix["alliance"]]]
            own = (alliance, ident(email) if email else row[ix["name"]])
            self.links.append((own, cat.canonical(ref, row, ix), key))

    def _write_links(self) -> None:
        ((attname, ref),) = self.deferred
        self.cat.load(ref.kind)
        model = self.table.model
        current = dict(model._default_manager.values_list("pk", attname))
        changes: list[tuple[Any, int]] = []
        for own, target, key in self.links:
            pk = self.cat.id_of(ref.kind, own)
            wanted = self.cat.id_of(ref.kind, target)
            if pk is None or current.get(pk) == wanted:
                continue
            changes.append((wanted, pk))
            if key in self.unchanged_keys:
                self.counts["unchanged"] -= 1
                self.counts["updated"] += 1
                self.unchanged_keys.discard(key)
        if changes:
            meta = model._meta
            qn = connection.ops.quote_name
            column = meta.get_field(attname.removesuffix("_id")).column
            sql = (
                f"UPDATE {qn(meta.db_table)} SET {qn(column)} = %s WHERE {qn(meta.pk.column)} = %s"
            )
            with connection.cursor() as cursor:
                cursor.executemany(sql, changes)
