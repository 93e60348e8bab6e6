"""Filtering and sorting the dashboard from query-string parameters (works without JS)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from radar.web.portfolio import CATEGORIES, Row

PHASES = ("formation", "growth", "maturity", "decline", "renewal")

_FAR = date(9999, 12, 31)
_PAST = datetime(1, 1, 1)

SORTS: dict[str, Callable[[Row], Any]] = {
    "name": lambda r: r.alliance.name.lower(),
    "score": lambda r: (r.score is None, r.score or 0.0),
    "tier": lambda r: (r.alliance.tier, r.alliance.name.lower()),
    "phase": lambda r: (r.phase or "~", r.alliance.name.lower()),
    "signals": lambda r: (r.confirmed_total, r.signal_total),
    "contact": lambda r: r.last_contact.replace(tzinfo=None) if r.last_contact else _PAST,
    "review": lambda r: r.next_review or _FAR,
    "recommendation": lambda r: (r.recommendation or "~", r.alliance.name.lower()),
    "owner": lambda r: (r.owner.lower() or "~", r.alliance.name.lower()),
}
DEFAULT_SORT = "score"


@dataclass(frozen=True)
class Listing:
    tier: str = ""
    owner: str = ""
    phase: str = ""
    category: str = ""
    sort: str = DEFAULT_SORT
    descending: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Listing:
        """Unknown values are ignored rather than failing: it's a bookmarkable URL."""
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
        )

    @property
    def active(self) -> bool:
        return bool(self.tier or self.owner or self.phase or self.category)

    def apply(self, rows: list[Row]) -> list[Row]:
        kept = [r for r in rows if self._keeps(r)]
        kept.sort(key=SORTS[self.sort], reverse=self.descending)
        return kept

    def _keeps(self, row: Row) -> bool:
        if self.tier and str(row.alliance.tier) != self.tier:
            return False
        if self.owner and row.owner != self.owner:
            return False
        if self.phase and row.phase != self.phase:
            return False
        return not (
            self.category
            and not (
                row.confirmed_by_category.get(self.category)
                or row.watching_by_category.get(self.category)
            )
        )

    def params(self, **changes: str) -> dict[str, str]:
        values = {
            "tier": self.tier,
            "owner": self.owner,
            "phase": self.phase,
            "category": self.category,
            "sort": ("-" if self.descending else "") + self.sort,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == DEFAULT_SORT)}

    def sort_param(self, key: str) -> str:
        """Clicking the current column flips the direction."""
        if key == self.sort:
            return key if self.descending else f"-{key}"
        return key

    def aria_sort(self, key: str) -> str:
        if key != self.sort:
            return ""
        return "descending" if self.descending else "ascending"
