"""Pass one: read every file, check every cell, key and reference.

Nothing is written here. Rows are streamed and forgotten; only keys are
kept (hashed for the big tables) to find duplicates and check references.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from radar.ingest.base import Problem
from radar.ingest.bundle import spec
from radar.ingest.bundle.catalogue import Catalogue, Key
from radar.ingest.bundle.rows import Problems, RowParser, where
from radar.ingest.bundle.source import Source, SourceError
from radar.ingest.bundle.tables import TABLES, Ref, Row, Table, ident

BIG = {"interactions", "metric_values", "interaction_participants"}
Keep = Callable[[Table, Row], bool] | None  # None: keep every row
ALLIANCE = Ref("alliance", ("alliance",))
PROGRESS_EVERY = 5000


def key_function(table: Table, cat: Catalogue) -> Callable[[Row], tuple[Any, ...]]:
    """The row's key in names (not ids), as duplicates are judged; compiled per table."""
    ix = table.ix
    sources = dict(table.fields)
    env: dict[str, Any] = {"N": cat.alliance_names, "IX": ix, "IDENT": ident, "CAT": cat}
    parts: list[str] = []
    for k, name in enumerate(table.key):
        source = sources.get(name)
        if name == "email|name":
            e, n = ix["email"], ix["name"]
            parts.append(f"(IDENT(row[{e}]) if row[{e}] else row[{n}])")
        elif isinstance(source, Ref) and source.kind == "alliance":
            parts.append(f"N.get(row[{ix[source.columns[0]]}])")
        elif isinstance(source, Ref):
            env[f"R{k}"] = source
            parts.append(f"CAT.canonical(R{k}, row, IX)")
        elif isinstance(source, str):
            parts.append(f"row[{ix[source]}]")
        else:
            env[f"F{k}"] = source
            parts.append(f"F{k}(row, IX)")
    exec(f"def key(row):\n    return ({', '.join(parts)},)", env)
    key: Callable[[Row], tuple[Any, ...]] = env["key"]
    return key


def _describe(ref: Ref, row: Row, ix: dict[str, int]) -> str:
    shown = [f'"{row[ix[c]]}"' for c in ref.columns]
    if ref.kind == "alliance":
        return f"unknown alliance {shown[0]} (not in alliances.csv nor in the store)"
    if ref.kind == "partner":
        return f"unknown partner {shown[0]} (add it to partners.csv)"
    if ref.kind == "user":
        return f"unknown user {shown[0]}; left empty"
    target = {"metric": "metrics.csv", "survey": "surveys.csv", "decision": "decisions.csv"}
    where_from = target.get(ref.kind, f"{ref.kind}s.csv")
    if ref.columns[0] == "alliance":
        rest = ", ".join(shown[1:])
        return (
            f"unknown {ref.kind} {rest} for alliance {shown[0]} "
            f"(not in {where_from} nor in the store)"
        )
    return f"unknown {ref.kind} {', '.join(shown)}"


class Validator:
    def __init__(
        self,
        source: Source,
        cat: Catalogue,
        zone: tzinfo,
        problems: Problems,
        keep: Keep,
        progress: Callable[[int], None],
    ):
        self.source, self.cat, self.zone = source, cat, zone
        self.problems, self.keep, self.progress = problems, keep, progress
        self.counts: dict[str, int] = {}

    def run(self, present: set[str]) -> dict[str, int]:
        for table in TABLES:
            if table.entity.file in present:
                try:
                    self._table(table, present)
                except SourceError as exc:
                    self.problems.error(exc.problem)
        return self.counts

    def _table(self, table: Table, present: set[str]) -> None:
        with self.source.table(table.entity) as data:
            parser = RowParser(table.entity, data.header, data.file, self.zone, self.problems)
            if not parser.usable:
                return
            big = table.name in BIG
            remember = table.provides and (
                table.provides != "interaction" or spec.PARTICIPANTS.file in present
            )
            seen: dict[Any, int] = {}
            deferred: list[tuple[int, Ref, Key]] = []
            # Required alliance references are checked inline: there is one per row.
            refs = [r for r in table.refs() if r.kind != "alliance" or r.optional]
            alliance_columns = [
                table.ix[r.columns[0]]
                for r in table.refs()
                if r.kind == "alliance" and not r.optional
            ]
            natural_key = key_function(table, self.cat)
            names = self.cat.alliance_names
            keep = self.keep
            ix, cat, file, count, pending = table.ix, self.cat, data.file, 0, 0
            for number, cells in data.rows:
                pending += 1
                if pending == PROGRESS_EVERY:
                    self.progress(pending)
                    pending = 0
                row = parser.parse(number, cells)
                if row is None:
                    continue
                if table.prepare:
                    table.prepare(row, ix, cat.alliance_names)
                if table.name == "alliances":
                    self._alliance(row, number, file)
                if keep is not None and not keep(table, row):
                    continue
                count += 1
                ok = True
                for i in alliance_columns:
                    if row[i] not in names:
                        self._bad_ref(ALLIANCE, row, ix, file, number)
                        ok = False
                for ref in refs:
                    if row[ix[ref.columns[-1]]] in ("", None):
                        continue  # blank: allowed unless the column is required
                    key = cat.canonical(ref, row, ix)
                    if key is None:  # unknown alliance, reported once by its own reference
                        if ref.kind == "alliance":
                            self._bad_ref(ref, row, ix, file, number)
                        ok = False
                    elif ref.deferred:
                        deferred.append((number, ref, key))
                    elif not cat.knows(ref.kind, key):
                        ok = self._bad_ref(ref, row, ix, file, number) and ok
                if not ok or table.ordinal:
                    continue
                key = natural_key(row)
                token = hash(key) if big else key
                first = seen.setdefault(token, number)
                if first != number:
                    key_names = ", ".join(table.entity.key)
                    shown = ", ".join(f'"{v}"' for v in key)
                    message = (
                        f"duplicate key ({key_names}) = ({shown}), "
                        f"first seen in {where(file, first)}"
                    )
                    self.problems.error(Problem(file, where(file, number), message))
                elif remember:
                    self._provide(table, row, key)
            self.progress(pending)
            for number, ref, key in deferred:
                if not cat.knows(ref.kind, key):
                    message = f'unknown contact "{key[-1]}" (not in this alliance\'s contacts)'
                    column = ref.columns[-1]
                    self.problems.error(Problem(file, where(file, number), message, column))
            self.counts[table.name] = count

    def _bad_ref(self, ref: Ref, row: Row, ix: dict[str, int], file: str, number: int) -> bool:
        message = _describe(ref, row, ix)
        if ref.warn_only:
            self.problems.warn(f"{file}, {where(file, number)}: {message}")
            return True
        self.problems.error(Problem(file, where(file, number), message, ref.columns[-1]))
        return False

    def _alliance(self, row: Row, number: int, file: str) -> None:
        name, slug = row[0], row[1]
        owner = self.cat.alliance_names.get(slug)
        if owner is not None and owner != name:
            message = f'slug "{slug}" is already used by alliance "{owner}"'
            self.problems.error(Problem(file, where(file, number), message, "slug"))
            return
        self.cat.alliance_names.setdefault(name, name)
        self.cat.alliance_names[slug] = name

    def _provide(self, table: Table, row: Row, key: tuple[Any, ...]) -> None:
        kind, cat = table.provides, self.cat
        if kind == "interaction":
            cat.add(kind, hash(key))
        elif kind == "contact":
            alliance = key[0]
            email = row[table.ix["email"]]
            if email:
                cat.add(kind, (alliance, ident(email)))
            cat.add(kind, (alliance, row[table.ix["name"]]))
        else:
            cat.add(kind, key)
