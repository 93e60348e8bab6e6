"""Month arithmetic relative to the demo's date.

Month 0 is the month in progress on `as_of`: as_of's own month, or the next
one when as_of is the last day of its month. The engine counts a month as
complete on its last day, so on 31 January January is the last complete
month (month -1) and its metrics, surveys and check-ins must be there; read
as month 0 it would be an empty, half-open month to the demo and a complete
one to the engine, and every story would move by a month on such days.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta


def month_start(as_of: date, month: int) -> date:
    """First day of the month `month` months from as_of's month (negative = past)."""
    index = as_of.year * 12 + (as_of.month - 1) + month
    return date(index // 12, index % 12 + 1, 1)


def current(as_of: date) -> date:
    """The first day of month 0 (see the module's docstring)."""
    return month_start(as_of + timedelta(days=1), 0)


def story_month(as_of: date, month: int) -> date:
    """First day of month `month` of the story (0: the month in progress on as_of)."""
    return month_start(current(as_of), month)


def story_month_of(as_of: date, day: date) -> int:
    """The story month `day` falls in (0: the month in progress on as_of)."""
    return months_between(current(as_of), day)


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


# Recurring events are placed relative to the demo's date, not on calendar
# months: with calendar quarters, a demo run in November saw a QBR, a survey
# and a quarterly check-in in the last complete month and one run in
# December did not, so the readings moved with the date. Month -1 (the last
# complete month) is always a quarterly month; the partial current month
# never holds one, whatever day of it the demo runs on.


def quarterly(month: int) -> bool:
    """Months -1, -4, -7 …: QBRs, steering committees, pulse surveys, quarterly check-ins."""
    return month % 3 == 2


def half_yearly(month: int) -> bool:
    """Months -2, -8, -14 …: the health survey."""
    return month % 6 == 4


def yearly(month: int, offset: int) -> bool:
    """One month a year, `offset` months before as_of's month (1-12)."""
    return month % 12 == 12 - offset
