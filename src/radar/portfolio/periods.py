"""The PeriodStats an evaluation reads: kept whole months plus the open month.

Whole months come from the totals kept at write time (radar.portfolio.activity);
the month still running on the evaluation date is aggregated live
(radar.portfolio.activity_stats). Its own module because it needs both, and the
kept totals are themselves built with the live aggregation: activity depends on
activity_stats, this on both, and nothing depends back.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection

from radar.engine.records import PeriodStats
from radar.portfolio import activity, activity_stats
from radar.portfolio.activity_stats import Alliances
from radar.portfolio.months import as_month, end_of_day, start_of_month


def monthly_stats(alliances: Alliances, as_of: date) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance, ascending by month, for interactions up to `as_of`.

    Whole months come from the totals kept at write time (radar.portfolio.activity,
    refreshed first for any alliance written to since); only the month of
    `as_of`, when `as_of` is not its last day, is aggregated here, from its
    first instant to the end of `as_of`. One statement reads both.
    """
    activity.refresh(alliances)
    month, next_day = as_of.replace(day=1), as_of + timedelta(days=1)
    if next_day.day == 1:  # as_of ends its month: every month is whole
        sql, params = activity.stored_rows_query(alliances, until=next_day)
    else:
        kept, kept_params = activity.stored_rows_query(alliances, until=month)
        live, live_params = activity_stats.month_rows_query(
            alliances, since=start_of_month(month), before=end_of_day(as_of)
        )
        sql, params = f"{kept} UNION ALL {live}", [*kept_params, *live_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return activity_stats.stats_from_rows(
        [(alliance_id, as_month(month), *rest) for alliance_id, month, *rest in rows]
    )
