"""Calendar months of stored instants, cut in the portfolio's own time zone.

The engine works per calendar month, and "which month" depends on the time
zone: a call at 23:30 UTC on 31 January is a February call in Berlin. Months
are cut in `settings.TIME_ZONE` (RADAR_TIME_ZONE), the zone Django makes
current by default.

PostgreSQL truncates natively (`date_trunc` on `AT TIME ZONE`). Django's
SQLite backend truncates with a Python function called once per row, which
dominates the cost of a monthly aggregation over a million interactions, so
for zones with a fixed UTC offset (UTC itself, the default, and zones
without daylight saving time) SQLite gets a plain SQL expression instead.
Zones with daylight saving time use Django's (correct but slower) path.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from django.db import connection
from django.utils import timezone


def month_sql(column: str, zone: tzinfo) -> str:
    """SQL for the first day of the calendar month (in `zone`) of the instant `column`:
    a date on PostgreSQL, 'YYYY-MM-01' text on SQLite; read the result with `as_month`.

    Parameter-free (the zone is written in as a literal), so statements that use it
    can be built once per zone.
    """
    if connection.vendor == "sqlite":
        offset = fixed_offset_minutes(zone)
        if offset == 0:
            # Django stores UTC text "YYYY-MM-DD HH:MM:SS" on SQLite.
            return f"substr({column}, 1, 7) || '-01'"
        if offset is not None:
            return f"strftime('%%Y-%%m-01', {column}, '{offset:+d} minutes')"
    # Django's own truncation (a Python function per row on SQLite), made literal.
    # (sql, params) since Django 4.2; django-stubs still says str.
    found: Any = connection.ops.datetime_trunc_sql("month", column, (), str(zone))
    sql, params = found
    sql = sql % tuple(sql_literal(str(param)) for param in params)
    return f"substr({sql}, 1, 10)" if connection.vendor == "sqlite" else f"CAST({sql} AS date)"


def sql_literal(text: str) -> str:
    """`text` as a SQL string literal, for statements run with parameters (% doubled)."""
    return "'" + text.replace("'", "''").replace("%", "%%") + "'"


def as_month(value: date | datetime | str) -> date:
    """The first day of the month from whatever `month_sql` produced."""
    if isinstance(value, str):
        return date(int(value[:4]), int(value[5:7]), 1)
    if isinstance(value, datetime):
        value = value.date()
    return value.replace(day=1)


def end_of_day(day: date) -> datetime:
    """The first instant after `day` ends, in the current time zone (exclusive bound)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def start_of_month(month: date) -> datetime:
    """The first instant of `month` (any day in it) in the current time zone."""
    return timezone.make_aware(datetime.combine(month.replace(day=1), time.min))


@functools.lru_cache(maxsize=8)
def fixed_offset_minutes(zone: tzinfo) -> int | None:
    """The zone's UTC offset in minutes when it never changes, else None."""
    offsets = set()
    for year in range(1990, 2041):
        for month in (1, 4, 7, 10):
            offset = zone.utcoffset(datetime(year, month, 1, 12))
            offsets.add(offset)
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    return 0 if offset is None else int(offset.total_seconds() // 60)
