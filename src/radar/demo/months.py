"""Month arithmetic relative to `as_of` (month 0 is the month of as_of)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta


def month_start(as_of: date, month: int) -> date:
    """First day of the month `month` months from as_of's month (negative = past)."""
    index = as_of.year * 12 + (as_of.month - 1) + month
    return date(index // 12, index % 12 + 1, 1)


def days_in(first: date) -> int:
    return calendar.monthrange(first.year, first.month)[1]


def nth_weekday(first: date, weekday: int, n: int) -> date:
    """The n-th (1-based) given weekday (0 = Monday) of the month starting at `first`."""
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def months_between(as_of: date, day: date) -> int:
    """Relative month of `day` (0 = as_of's month)."""
    return (day.year * 12 + day.month) - (as_of.year * 12 + as_of.month)


def at(day: date, hour: float) -> datetime:
    """A timezone-aware moment on `day` at a fractional hour (UTC)."""
    whole = int(hour)
    minutes = int((hour - whole) * 60)
    return datetime.combine(day, time(min(whole, 23), minutes), tzinfo=UTC)


def workday(day: date) -> date:
    """Move a weekend day to the following Monday."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
