"""Checking one chunk of a table's rows: cells, references and duplicate keys.

The importer reads each file once, in chunks: a chunk is parsed and checked
here, then written (write.py), inside the import's one transaction. A row
with a problem is reported and left out; when any problem was found the
transaction is rolled back at the end, so nothing is written.

References are checked against the catalogue, which holds what the store
has (the files above this one were written already). Duplicate keys of the
small tables are found with a dict of keys; those of the streamed tables
(interactions and the like: millions of rows) by the writer, against the
database, so memory does not grow with the file (`Duplicates`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from radar.ingest.base import Problem
from radar.ingest.bundle.catalogue import Catalogue, Key
from radar.ingest.bundle.rows import MAX_PROBLEMS, Problems, RowParser, where
from radar.ingest.bundle.tables import Ref, Row, Table, ident

Keep = Callable[[Table, Row], bool] | None  # None: keep every row
Numbered = tuple[int, Row]
ALLIANCE = Ref("alliance", ("alliance",))


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


def duplicate_message(table: Table, key: tuple[Any, ...], file: str, first: int | None) -> str:
    key_names = ", ".join(table.entity.key)
    shown = ", ".join(f'"{v}"' for v in key)
    seen = f"first seen in {where(file, first)}" if first else "seen before in this file"
    return f"duplicate key ({key_names}) = ({shown}), {seen}"


class RowChecker:
    """Parses and checks the rows of one file, chunk by chunk."""

    def __init__(
        self, table: Table, parser: RowParser, cat: Catalogue, problems: Problems, keep: Keep
    ):
        self.table, self.parser, self.cat, self.problems, self.keep = (
            table, parser, cat, problems, keep)  # fmt: skip
        self.file = parser.file
        self.refs = [r for r in table.refs() if r.kind != "alliance" or r.optional]
        # Required alliance references are checked inline: there is one per row.
        self.alliance_columns = [
            table.ix[r.columns[0]] for r in table.refs() if r.kind == "alliance" and not r.optional
        ]
        self.interactions = [r for r in self.refs if r.kind == "interaction"]
        self.natural_key = key_function(table, cat)
        self.seen: dict[Any, int] = {}  # small tables only
        self.deferred: list[tuple[int, Ref, Key]] = []

    def check(self, chunk: Iterable[tuple[int, list[str]]]) -> list[Numbered]:
        """The chunk's rows that passed, typed and prepared.

        Written as one loop with its names bound locally: at millions of rows,
        a function call per row and step costs more than the checks themselves.
        """
        parsed = self._parse(chunk)
        if self.interactions:
            ix = self.table.ix
            wanted = {self.cat.canonical(ref, row, ix) for ref in self.interactions
                      for _, row in parsed}  # fmt: skip
            self.cat.resolve_interactions(wanted - {None})
        if self.refs or not self.table.streamed:
            return [(number, row) for number, row in parsed if self._references(number, row)]
        names, columns = self.cat.alliance_names, self.alliance_columns
        passed = []
        for number, row in parsed:
            unknown = [i for i in columns if row[i] not in names]
            if unknown:
                self._bad_ref(ALLIANCE, row, number)
            else:
                passed.append((number, row))
        return passed

    def _parse(self, chunk: Iterable[tuple[int, list[str]]]) -> list[Numbered]:
        table, keep, ix = self.table, self.keep, self.table.ix
        fast, careful = self.parser.fast, self.parser.careful
        prepare, names = table.prepare, self.cat.alliance_names
        alliances = table.name == "alliances"
        parsed = []
        row: list[Any] | None  # a bare annotation: nothing runs per row
        for number, cells in chunk:
            try:
                row = fast(cells)
            except Exception:
                row = careful(number, cells)
                if row is None:
                    continue
            if prepare:
                prepare(row, ix, names)
            if alliances and not self._alliance(row, number):
                continue
            if keep is not None and not keep(table, row):
                continue
            parsed.append((number, row))
        return parsed

    def _references(self, number: int, row: Row) -> bool:
        ix, cat, names = self.table.ix, self.cat, self.cat.alliance_names
        ok = True
        for i in self.alliance_columns:
            if row[i] not in names:
                self._bad_ref(ALLIANCE, row, number)
                ok = False
        for ref in self.refs:
            if row[ix[ref.columns[-1]]] in ("", None):
                continue  # blank: allowed unless the column is required
            key = cat.canonical(ref, row, ix)
            if key is None:  # unknown alliance, reported once by its own reference
                if ref.kind == "alliance":
                    self._bad_ref(ref, row, number)
                ok = False
            elif ref.deferred:
                self.deferred.append((number, ref, key))
            elif not cat.knows(ref.kind, key):
                ok = self._bad_ref(ref, row, number) and ok
        if not ok or self.table.ordinal or self.table.streamed:
            return ok
        key = self.natural_key(row)
        first = self.seen.setdefault(key, number)
        if first != number:
            message = duplicate_message(self.table, key, self.file, first)
            self.problems.error(Problem(self.file, where(self.file, number), message))
            return False
        return True

    def finish(self) -> None:
        """References to rows later in the same file (contact successors)."""
        for number, ref, key in self.deferred:
            if not self.cat.knows(ref.kind, key):
                message = f'unknown contact "{key[-1]}" (not in this alliance\'s contacts)'
                where_ = where(self.file, number)
                self.problems.error(Problem(self.file, where_, message, ref.columns[-1]))

    def _bad_ref(self, ref: Ref, row: Row, number: int) -> bool:
        message = _describe(ref, row, self.table.ix)
        if ref.warn_only:
            self.problems.warn(f"{self.file}, {where(self.file, number)}: {message}")
            return True
        self.problems.error(Problem(self.file, where(self.file, number), message, ref.columns[-1]))
        return False

    def _alliance(self, row: Row, number: int) -> bool:
        name, slug = row[0], row[1]
        owner = self.cat.alliance_names.get(slug)
        if owner is not None and owner != name:
            message = f'slug "{slug}" is already used by alliance "{owner}"'
            self.problems.error(Problem(self.file, where(self.file, number), message, "slug"))
            return False
        self.cat.alliance_names.setdefault(name, name)
        self.cat.alliance_names[slug] = name
        return True


class Duplicates:
    """Duplicate keys of a streamed table, found by the writer in the database.

    Only the repeated rows are known then; the row each key was first seen in
    is found by reading the file once more, on this failing path only.
    """

    def __init__(self, table: Table, checker: RowChecker, problems: Problems):
        self.table, self.problems = table, problems
        self.natural_key, self.file = checker.natural_key, checker.file
        self.rows: list[tuple[int, tuple[Any, ...]]] = []
        self.omitted = 0

    def __bool__(self) -> bool:
        return bool(self.rows)

    def found(self, number: int, row: Row) -> None:
        if len(self.rows) < MAX_PROBLEMS:
            self.rows.append((number, self.natural_key(row)))
        else:
            self.omitted += 1

    def report(self, rows_again: Iterable[Numbered]) -> None:
        wanted = {key for _, key in self.rows}
        first: dict[tuple[Any, ...], int] = {}
        for number, row in rows_again:
            key = self.natural_key(row)
            if key in wanted and key not in first:
                first[key] = number
                if len(first) == len(wanted):
                    break
        for number, key in self.rows:
            message = duplicate_message(self.table, key, self.file, first.get(key))
            self.problems.error(Problem(self.file, where(self.file, number), message))
        self.problems.omit(self.omitted)
