"""Month arithmetic shared by the generator and the backtest."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def months_between(first: date, later: date) -> int:
    """Whole months from `first`'s month to `later`'s (0 for the same month)."""
    return (later.year - first.year) * 12 + later.month - first.month


def month_starts(first: date, count: int) -> list[date]:
    return [add_months(first, i) for i in range(count)]
