"""Filtering and sorting the dashboard from query-string parameters (works without JS)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from radar.web.dashboard.portfolio import CATEGORIES, Row

R = TypeVar("R")

PHASES = ("formation", "growth", "maturity", "decline", "renewal")

_FAR = date(9999, 12, 31)
_PAST = datetime(1, 1, 1)

# Keys work on dashboard rows (radar.web.dashboard.portfolio.Row) and standing lines
# (radar.web.dashboard.board).
SORTS: dict[str, Callable[[Any], Any]] = {
    "name": lambda r: r.name.lower(),
    "score": lambda r: (r.score is None, r.score or 0.0),
    "tier": lambda r: (r.tier, r.name.lower()),
    "phase": lambda r: (r.phase or "~", r.name.lower()),
    "signals": lambda r: (r.confirmed_total, r.signal_total),
    "contact": lambda r: r.last_contact.replace(tzinfo=None) if r.last_contact else _PAST,
    "review": lambda r: r.next_review or _FAR,
    "recommendation": lambda r: (r.recommendation or "~", r.name.lower()),
    "owner": lambda r: (r.owner.lower() or "~", r.name.lower()),
}
DEFAULT_SORT = "score"
PAGE_SIZE = 50  # rows per page: a thousand-row table helps nobody and renders slowly


@dataclass(frozen=True)
class Page:
    rows: list[Any]  # dashboard rows, or standing lines before they are read in full
    number: int
    pages: int
    start: int  # index of the first row on the page
    total: int

    @property
    def first(self) -> int:
        return self.start + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.start + len(self.rows)

    @property
    def previous(self) -> str:
        return str(self.number - 1) if self.number > 1 else ""

    @property
    def next(self) -> str:
        return str(self.number + 1) if self.number < self.pages else ""


@dataclass(frozen=True)
class Listing:
    tier: str = ""
    owner: str = ""
    phase: str = ""
    category: str = ""
    sort: str = DEFAULT_SORT
    descending: bool = False
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Listing:
        """Unknown values are ignored rather than failing: it's a bookmarkable URL."""
        raw_page = query.get("page", "1")
        page = int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 100_000 else 1
        raw_sort = query.get("sort", DEFAULT_SORT)
        descending = raw_sort.startswith("-")
        sort = raw_sort.lstrip("-")
        return cls(
            tier=query.get("tier", "") if query.get("tier", "") in {"1", "2", "3"} else "",
            owner=query.get("owner", "")[:200],
            phase=query.get("phase", "") if query.get("phase", "") in PHASES else "",
            category=query.get("category", "") if query.get("category") in CATEGORIES else "",
            sort=sort if sort in SORTS else DEFAULT_SORT,
            descending=descending if sort in SORTS else False,
            page=page,
        )

    @property
    def active(self) -> bool:
        return bool(self.tier or self.owner or self.phase or self.category)

    def apply(self, rows: list[R]) -> list[R]:
        """Rows or standing lines kept by the filters, in the chosen order."""
        kept = [r for r in rows if self._keeps(r)]
        kept.sort(key=SORTS[self.sort], reverse=self.descending)
        return kept

    def _keeps(self, row: Row | Any) -> bool:
        if self.tier and str(row.tier) != self.tier:
            return False
        if self.owner and row.owner != self.owner:
            return False
        if self.phase and row.phase != self.phase:
            return False
        return not (self.category and not row.has_category(self.category))

    def page_of(self, rows: list[Any]) -> Page:
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        number = min(self.page, pages)
        start = (number - 1) * PAGE_SIZE
        return Page(rows[start : start + PAGE_SIZE], number, pages, start, len(rows))

    def params(self, **changes: str) -> dict[str, str]:
        """Query parameters for a link; changing a filter or the sort goes back to page 1."""
        values = {
            "tier": self.tier,
            "owner": self.owner,
            "phase": self.phase,
            "category": self.category,
            "sort": ("-" if self.descending else "") + self.sort,
        }
        values.update(changes)
        if "page" in changes:
            values["page"] = changes["page"]
        return {
            k: v
            for k, v in values.items()
            if v and not (k == "sort" and v == DEFAULT_SORT) and not (k == "page" and v == "1")
        }

    def sort_param(self, key: str) -> str:
        """Clicking the current column flips the direction."""
        if key == self.sort:
            return key if self.descending else f"-{key}"
        return key

    def aria_sort(self, key: str) -> str:
        if key != self.sort:
            return ""
        return "descending" if self.descending else "ascending"
