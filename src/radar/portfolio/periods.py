"""The PeriodStats an evaluation reads: kept whole months plus the open month.

Whole months come from the totals kept at write time (radar.portfolio.rollup);
the month still running on the evaluation date is aggregated live
(radar.portfolio.aggregate). Its own module because it needs both, and the
kept totals are themselves built with the live aggregation: rollup depends on
aggregate, this on both, and nothing depends back.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet

from radar.engine.records import PeriodStats
from radar.portfolio import aggregate, rollup
from radar.portfolio.models import Alliance, Interaction
from radar.portfolio.months import end_of_day, start_of_month


def monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance, ascending by month, for interactions up to `as_of`.

    Whole months come from the totals kept at write time (radar.portfolio.rollup,
    refreshed first for any alliance written to since); only the month of
    `as_of`, when `as_of` is not its last day, is aggregated here, from its
    first instant to the end of `as_of`.
    """
    rollup.refresh(alliances)
    before = end_of_day(as_of)
    month, next_day = as_of.replace(day=1), as_of + timedelta(days=1)
    if next_day.day == 1:  # as_of ends its month: every month is whole
        return aggregate.stats_from_rows(rollup.stored_rows(alliances, until=next_day))
    start = start_of_month(month)
    rows = rollup.stored_rows(alliances, until=month)
    partial = aggregate.month_rows(
        Interaction.objects.filter(
            alliance__in=alliances, occurred_at__gte=start, occurred_at__lt=before
        )
    )
    contacts = Q(contact__alliance__in=alliances)
    people = aggregate.partner_people(contacts, before, since=start)
    sponsors = aggregate.sponsor_attendance(contacts, before, since=start)
    return aggregate.stats_from_rows(rows + aggregate.with_people(partial, people, sponsors))
