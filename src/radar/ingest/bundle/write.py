"""Upsert one table's checked rows by natural key, a chunk at a time.

Three ways, chosen per table when it starts:

- *whole*: the small tables (partners, alliances, contacts, …, a few rows
  per alliance) read their stored rows once (key -> id and a signature of
  the values);
- *fresh*: a streamed table (interactions and the like) that is empty takes
  every row as new: plain inserts, no look-up. Its unique index is the
  duplicate check; for a big load it is dropped and built once at the end.
  A duplicate key makes the database raise IntegrityError and the importer
  reads the table again the checked way, to say which rows;
- *lookup*: a streamed table that has rows looks up each chunk's keys in the
  database. A key found twice in this import (a row this import created, or
  one it already updated) is a duplicate row in the file.

Each chunk is written at once, so memory does not grow with the file.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from django.db import connection, models

from radar.ingest.bundle import bulk
from radar.ingest.bundle.catalogue import INTERACTION_KEY_INDEX, Catalogue
from radar.ingest.bundle.stored import StoredRows
from radar.ingest.bundle.tables import Ref, Row, Table, auto_external_id, ident
from radar.portfolio import activity

BULK_ROWS = 50_000  # from this many new rows on, indexes are built after loading
Duplicate = Callable[[int, Row], None]
# Which column of a streamed table names the alliance its monthly totals are kept for.
_MARKED_BY = {"interactions": "alliance_id", "interaction_participants": "contact_id"}


def _signature(values: tuple[Any, ...]) -> int:
    return hash(
        tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in values)
    )


class TableWriter:
    def __init__(self, table: Table, cat: Catalogue, now: datetime):
        self.table, self.cat = table, cat
        meta = table.model._meta
        by_attname = {f.attname: f for f in meta.concrete_fields}
        main = [(a, s) for a, s in table.fields if not (isinstance(s, Ref) and s.deferred)]
        self.deferred = [(a, s) for a, s in table.fields if isinstance(s, Ref) and s.deferred]
        self.attnames = [attname for attname, _ in main]
        self.fields = [by_attname[a] for a in self.attnames]
        self.build = self._compile(main, by_attname)
        self.key_fn = self._key_fn()
        written = set(self.attnames)
        # Columns the bundle does not carry: timestamps and model defaults.
        extra: list[tuple[models.Field[Any, Any], Any]] = []
        touch: list[tuple[models.Field[Any, Any], Any]] = []
        for field in meta.concrete_fields:
            if field.primary_key or field.attname in written:
                continue
            auto_now = getattr(field, "auto_now", False)
            auto_add = getattr(field, "auto_now_add", False)
            extra.append((field, now if (auto_now or auto_add) else field.get_default()))
            if auto_now:
                touch.append((field, now))
        self.insert_fields = self.fields + [f for f, _ in extra]
        self.update_fields = self.fields + [f for f, _ in touch]
        self.insert_params = bulk.params_function(self.fields, extra)
        self.update_params = bulk.params_function(self.fields, touch)
        self.native = connection.vendor == "sqlite"
        # Compare as stored: Python values, or on SQLite the parameters' text.
        self.compared = bulk.params_function(self.fields, []) if self.native else None
        self.stored = StoredRows(table, self.fields, self.attnames)
        self.counts: Counter[str] = Counter()
        self.mode = "whole"
        self.existing: dict[Any, tuple[int, int]] = {}
        self.seen: Counter[Any] = Counter()  # ordinal tables: occurrences of each key
        self.links: list[tuple[Any, Any, Any]] = []  # (own key, successor key, row key)
        self.unchanged_keys: set[Any] = set()
        self.rebuild: list[str] = []
        self.start_max = 0
        self.touched = bytearray()
        self.blank: dict[Any, tuple[int, int]] = {}  # interactions stored without an id
        self.key_positions = [self.attnames.index(k) for k in table.key if k in self.attnames]
        self.stack = ExitStack()
        # Streamed tables whose monthly totals are kept: which field names the alliance.
        self.marked_by: int | None = None
        self.note: Callable[[Mapping[str, Any]], None] = lambda row: None

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
                ref = source
                env[f"G{k}"] = lambda row, ref=ref: cat.id_of(ref.kind, cat.canonical(ref, row, ix))
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

    def _key_fn(self) -> Callable[[tuple[Any, ...]], Any]:
        names = self.attnames
        if "email|name" in self.table.key:
            a, e, n = names.index("alliance_id"), names.index("email"), names.index("name")
            return lambda t: (t[a], ident(t[e]) if t[e] else t[n])
        positions = [names.index(k) for k in self.table.key]
        return lambda t: tuple(t[p] for p in positions)

    # -- starting and finishing ------------------------------------------------------
    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stack.close()

    def begin(self, expected: int, checked: bool = False) -> None:
        """Choose how to write (see the module's docstring); `expected` rows may come."""
        table = self.table
        if not table.streamed:
            self.existing = self._all_existing()
        elif not checked and not self.stored.exists():
            self.mode = "fresh"
            if expected >= BULK_ROWS:
                self.rebuild = bulk.drop_indexes(table.model)
        else:
            self.mode = "lookup"
            self.start_max = self.stored.max_pk()
            self.touched = bytearray(self.start_max // 8 + 1)
            self.blank = self._blank_id_rows()
        column = _MARKED_BY.get(table.name)
        if column is not None:
            self.note = self.stack.enter_context(
                activity.bulk_inserting(table.model._meta.db_table)
            )
            self.marked_by = self.attnames.index(column)

    def finish(self) -> Counter[str]:
        """Build what was dropped (IntegrityError on duplicate keys), link successors."""
        bulk.rebuild_indexes(self.rebuild)
        self.stack.close()
        if self.deferred:
            self._write_links()
        return self.counts

    # -- the upsert ---------------------------------------------------------------------
    def write(self, rows: list[tuple[int, Row]], duplicate: Duplicate) -> None:
        if self.mode == "fresh":
            self.insert_prepared(self.prepared(rows))
            return
        built = [(number, row, self.build(row)) for number, row in rows]
        compared = self.compared
        keyed = [(n, r, t, c, self.key_fn(c)) for n, r, t in built
                 for c in (t if compared is None else compared(t),)]  # fmt: skip
        if self.mode == "lookup":
            self._look_up({key for *_, key in keyed})
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        chunk_keys: set[Any] = set()
        for number, row, t, c, plain_key in keyed:
            key = plain_key
            if self.table.ordinal:
                self.seen[key] += 1
                key = (*key, self.seen[key])
            if self.deferred:
                self._link(row, key)
            found = self.existing.get(key)
            if self.mode == "lookup" and (key in chunk_keys or self._taken(found)):
                duplicate(number, row)
                continue
            chunk_keys.add(key)
            if found is None:
                inserts.append(t)
            elif self.table.create_only or found[1] == _signature(c):
                self.counts["unchanged"] += 1
                if self.deferred:
                    self.unchanged_keys.add(key)
            else:
                updates.append((*t, found[0]))
        self._insert(inserts)
        self._update(updates)

    def _taken(self, found: tuple[int, int] | None) -> bool:
        """Whether this import already wrote the stored row (then the key is repeated)."""
        if found is None:
            return False
        pk = found[0]
        if pk > self.start_max:
            return True
        bit = 1 << (pk & 7)
        taken = bool(self.touched[pk >> 3] & bit)
        self.touched[pk >> 3] |= bit
        return taken

    def prepared(self, rows: list[tuple[int, Row]]) -> list[tuple[Any, ...]]:
        """A fresh table's rows as INSERT parameters (no database needed: see forked.py)."""
        build, to_params = self.build, self.insert_params
        return [to_params(build(row)) for _, row in rows]

    def insert_prepared(self, params: list[tuple[Any, ...]]) -> None:
        if not params:
            return
        if self.marked_by is not None:
            column = self.attnames[self.marked_by]
            for value in {r[self.marked_by] for r in params}:
                self.note({column: value})
        with connection.wrap_database_errors:  # COPY's errors become Django's
            bulk.insert(self.table.model, self.insert_fields, params)
        self.counts["created"] += len(params)

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        to_params = self.insert_params
        self.insert_prepared([to_params(r) for r in rows])

    def _update(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        to_params = self.update_params
        params = [(*to_params(r), r[-1]) for r in rows]
        bulk.update(self.table.model, self.update_fields, params)
        self.counts["updated"] += len(rows)

    # -- stored rows -----------------------------------------------------------------
    def _all_existing(self) -> dict[Any, tuple[int, int]]:
        """Stored rows by natural key: (id, signature of their values)."""
        found: dict[Any, tuple[int, int]] = {}
        seen: Counter[Any] = Counter()
        for pk, *values in self.stored.all():
            t = tuple(values)
            key = self.key_fn(t)
            if self.table.ordinal:
                seen[key] += 1
                key = (*key, seen[key])
            found[key] = (pk, _signature(t))
        return found

    def _look_up(self, keys: set[Any]) -> None:
        """The stored rows of one chunk's keys (and those found by a derived id)."""
        found: dict[Any, tuple[int, int]] = {}
        where = INTERACTION_KEY_INDEX if self.table.name == "interactions" else ""
        for pk, *values in self.stored.by_keys(self.key_positions, list(keys), where):
            t = tuple(values)
            found[self.key_fn(t)] = (pk, _signature(t))
        for key in keys & self.blank.keys():
            found.setdefault(key, self.blank[key])
        self.existing = found

    def _blank_id_rows(self) -> dict[Any, tuple[int, int]]:
        """Interactions stored without an external_id, found by the id an import derives."""
        if self.table.name != "interactions":
            return {}
        names = self.attnames
        a, k, o, d, s, src = (
            names.index(n)
            for n in ("alliance_id", "kind", "occurred_at", "direction", "subject", "source")
        )
        alliances, native, found = self.cat.alliance_by_id, self.native, {}
        for pk, *values in self.stored.matching("t.external_id = ''"):
            t = tuple(values)
            at = datetime.fromisoformat(t[o]).replace(tzinfo=UTC) if native else t[o]
            derived = auto_external_id(alliances[t[a]], t[k], at, t[d], t[s])
            found[(t[a], t[src], derived)] = (pk, _signature(t))
        return found

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
            field = model._meta.get_field(attname.removesuffix("_id"))
            bulk.update(model, [field], changes)


def chunks(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk
