"""Validate the rows of a health sheet into plain records (no database writes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from radar.ingest.base import Problem
from radar.ingest.dates import DateError, parse_date
from radar.ingest.mapping import Directory
from radar.ingest.spreadsheet.items import (
    Dated,
    ItemError,
    dated_item,
    metric_pairs,
    split_items,
)
from radar.ingest.tabular import Table, cell
from radar.portfolio.models import Alliance


@dataclass
class SheetRow:
    number: int
    alliance: Alliance
    day: date
    score: int | None = None
    notes: str = ""
    last_contact: date | None = None
    deliverables: list[Dated] = field(default_factory=list)
    milestones: list[Dated] = field(default_factory=list)
    metrics: list[tuple[str, str, float]] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    actions: list[Dated] = field(default_factory=list)


class RowReader:
    def __init__(self, table: Table, mapping: dict[int, str], directory: Directory, dayfirst: bool):
        self.table = table
        self.columns = {f: i for i, f in mapping.items()}
        self.directory = directory
        self.dayfirst = dayfirst
        self.problems: list[Problem] = []
        self._keys: dict[tuple[int, date], int] = {}

    def read(self) -> list[SheetRow]:
        rows = []
        for number, cells in self.table.rows:
            row = self._row(number, cells)
            if row is not None:
                rows.append(row)
        return rows

    def _problem(self, number: int, field_name: str, message: str) -> None:
        heading = self.table.headings[self.columns[field_name]] if field_name else ""
        self.problems.append(Problem(self.table.name, f"row {number}", message, heading))

    def _get(self, cells: list[object], field_name: str) -> object:
        index = self.columns.get(field_name)
        return None if index is None else cell(cells, index)

    def _date(self, number: int, cells: list[object], field_name: str) -> date | None:
        value = self._get(cells, field_name)
        if value is None:
            return None
        try:
            return parse_date(value, dayfirst=self.dayfirst)
        except DateError as exc:
            self._problem(number, field_name, str(exc))
            return None

    def _row(self, number: int, cells: list[object]) -> SheetRow | None:
        before = len(self.problems)
        name = self._get(cells, "partner")
        alliance = None
        if name is None:
            self._problem(number, "partner", "the partner is empty")
        else:
            alliance = self.directory.alliance_by_name(str(name))
            if alliance is None:
                self._problem(number, "partner", self.directory.why_unknown(str(name)))
        day = self._date(number, cells, "date")
        last_contact = self._date(number, cells, "last_contact")
        if day is None and "date" not in self.columns:
            day = last_contact
        if day is None and len(self.problems) == before:
            self._problem(number, "date" if "date" in self.columns else "", "the row has no date")
        score = self._score(number, cells)
        lists = {
            f: self._dated(number, cells, f) for f in ("deliverables", "milestones", "actions")
        }
        metrics: list[tuple[str, str, float]] = []
        try:
            metrics = metric_pairs(self._get(cells, "metrics"))
        except ItemError as exc:
            self._problem(number, "metrics", str(exc))
        if alliance is None or day is None or len(self.problems) > before:
            return None
        earlier = self._keys.setdefault((alliance.pk, day), number)
        if earlier != number:
            message = f"repeats row {earlier} (same partner and date {day})"
            self._problem(number, "", message)
            return None
        return SheetRow(
            number,
            alliance,
            day,
            score,
            str(self._get(cells, "notes") or ""),
            last_contact,
            lists["deliverables"],
            [m for m in lists["milestones"]],
            metrics,
            split_items(self._get(cells, "signals")),
            lists["actions"],
        )

    def _score(self, number: int, cells: list[object]) -> int | None:
        value = self._get(cells, "score")
        if value is None:
            return None
        text = str(value).split("/")[0].strip()
        try:
            score = float(text)
        except ValueError:
            score = -1
        if not 1 <= score <= 5 or score != int(score):  # also refuses nan and inf
            self._problem(number, "score", f"{value!r} is not a health score from 1 to 5")
            return None
        return int(score)

    def _dated(self, number: int, cells: list[object], field_name: str) -> list[Dated]:
        items = []
        for item in split_items(self._get(cells, field_name)):
            try:
                items.append(dated_item(item, self.dayfirst))
            except ItemError as exc:
                self._problem(number, field_name, str(exc))
        return items
