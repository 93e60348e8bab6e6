"""The reference the kept monthly totals are tested against: the same PeriodStats
recomputed from every interaction, with the very queries the totals are built with."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from radar.engine.records import PeriodStats
from radar.portfolio import aggregate
from radar.portfolio.models import Alliance, Interaction
from radar.portfolio.months import end_of_day


def live_monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """The same as `periods.monthly_stats`, recomputed from every interaction (no kept totals)."""
    before = end_of_day(as_of)
    rows = aggregate.month_rows(
        Interaction.objects.filter(alliance__in=alliances, occurred_at__lt=before)
    )
    contacts = Q(contact__alliance__in=alliances)
    people = aggregate.partner_people(contacts, before)
    return aggregate.stats_from_rows(
        aggregate.with_people(rows, people, aggregate.sponsor_attendance(contacts, before))
    )
