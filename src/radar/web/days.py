"""A day's bounds as moments, for filtering timestamps by date.

`occurred_at__date__lte=day` makes the database turn every row's timestamp into
a date first: on SQLite that is a Python function called per row (a third of
the alliance page's query time) and no index can serve it. `occurred_at__lt=
day_after(day)` selects the same rows (`__date` uses the current time zone, and
so does this) as a plain comparison.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def day_start(day: date) -> datetime:
    """Midnight at the start of `day`, in the current time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def day_after(day: date) -> datetime:
    """Midnight at the end of `day`: `moment < day_after(day)` iff moment's date <= day."""
    return day_start(day + timedelta(days=1))
