"""Turn one table's rows of cell text into typed rows, collecting problems."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from radar.ingest.base import Problem
from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import CellError, parser_for, trims
from radar.ingest.bundle.fastpath import compile_parser

MAX_PROBLEMS = 1000  # kept in full; beyond this they are only counted


class Problems:
    """Problems and warnings of one import, capped so a broken huge file stays cheap."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.omitted = 0
        self.warnings: list[str] = []

    def error(self, problem: Problem) -> None:
        if len(self.errors) < MAX_PROBLEMS:
            self.errors.append(problem)
        else:
            self.omitted += 1

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(message)

    def omit(self, count: int) -> None:
        """Problems counted but not kept."""
        self.omitted += count

    def mark(self) -> tuple[int, int, int]:
        return len(self.errors), self.omitted, len(self.warnings)

    def sort_since(self, mark: tuple[int, int, int]) -> None:
        """Problems found since `mark` (one file's) in row order."""
        self.errors[mark[0] :] = sorted(self.errors[mark[0] :], key=_row_number)

    def since(self, mark: tuple[int, int, int]) -> tuple[list[Problem], int, list[str]]:
        """What was found since `mark` (sent back by a forked reader)."""
        errors, omitted, warnings = mark
        return self.errors[errors:], self.omitted - omitted, self.warnings[warnings:]

    def extend(self, found: tuple[list[Problem], int, list[str]]) -> None:
        errors, omitted, warnings = found
        for problem in errors:
            self.error(problem)
        self.omit(omitted)
        for warning in warnings:
            self.warn(warning)

    def restore(self, mark: tuple[int, int, int]) -> None:
        """Forget what was found since `mark` (a table about to be read again)."""
        errors, self.omitted, warnings = mark
        del self.errors[errors:], self.warnings[warnings:]

    def __bool__(self) -> bool:
        return bool(self.errors)


def _row_number(problem: Problem) -> int:
    _, _, number = problem.location.partition(" ")
    return int(number) if number.isdigit() else 0


def where(file: str, number: int) -> str:
    """Row numbers as a spreadsheet shows them; JSON items by position."""
    return f"item {number}" if ".json:" in file else f"row {number}"


class RowParser:
    """Parses rows of one file against its entity's columns."""

    def __init__(
        self,
        entity: spec.Entity,
        header: list[str],
        file: str,
        zone: tzinfo,
        problems: Problems,
        report: bool = True,
    ):
        self.entity, self.file, self.problems, self.report = entity, file, problems, report
        self.usable = True
        self.plan: list[tuple[spec.Column, int | None, Callable[[str], Any], bool, Any]] = []
        positions: dict[str, int] = {}
        for index, name in enumerate(header):
            if name in positions and report:
                problems.error(Problem(file, where(file, 1), "the column appears twice", name))
                self.usable = False
            positions.setdefault(name, index)
        known = set(entity.column_names)
        for name in header:
            if name and name not in known and report:
                problems.warn(f"{file}: unknown column {name!r} ignored")
        for column in entity.columns:
            position = positions.get(column.name)
            if position is None and column.required:
                if report:
                    message = "required column is missing"
                    problems.error(Problem(file, where(file, 1), message, column.name))
                self.usable = False
            parse = parser_for(column, zone)
            blank: Any = "" if column.type == spec.TEXT else None
            if column.default:
                blank = parse(column.default)
            self.plan.append((column, position, parse, trims(column), blank))
        self.fast = compile_parser(self.plan)

    def parse(self, number: int, cells: list[str]) -> list[Any] | None:
        """The typed row, or None when a cell is wrong (problems are recorded)."""
        try:
            return self.fast(cells)
        except Exception:
            return self.careful(number, cells)

    def careful(self, number: int, cells: list[str]) -> list[Any] | None:
        """Cell by cell, recording a problem for each bad cell."""
        row: list[Any] = []
        ok = True
        width = len(cells)
        for column, position, parse, trim, blank in self.plan:
            raw = cells[position] if position is not None and position < width else ""
            if trim:
                raw = raw.strip()
            if not raw:
                if column.required:
                    ok = False
                    self._error(number, column.name, "a value is required")
                row.append(blank)
                continue
            try:
                row.append(parse(raw))
            except CellError as exc:
                ok = False
                self._error(number, column.name, str(exc))
                row.append(None)
        return row if ok else None

    def _error(self, number: int, column: str, message: str) -> None:
        if self.report:
            self.problems.error(Problem(self.file, where(self.file, number), message, column))
