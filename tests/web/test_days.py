"""radar.web.days: a plain range selects exactly the rows `__date` selects, in any time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from radar.portfolio.models import Alliance, Interaction
from radar.web.days import day_after, day_start

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"])
def test_a_range_selects_the_same_rows_as_date(alliance: Alliance, zone: str) -> None:
    moments = [
        datetime(2026, 3, d, h, m, tzinfo=UTC)
        for d in (28, 29, 30)
        for h in (0, 7, 22, 23)
        for m in (0, 45)
    ]
    for n, at in enumerate(moments):
        Interaction.objects.create(alliance=alliance, kind="call", occurred_at=at, subject=f"c{n}")
    day = date(2026, 3, 29)  # Europe's clocks go forward this night
    with timezone.override(zone):
        by_date = set(
            Interaction.objects.filter(occurred_at__date__lte=day).values_list("pk", flat=True)
        )
        by_range = set(
            Interaction.objects.filter(occurred_at__lt=day_after(day)).values_list("pk", flat=True)
        )
        since_date = set(
            Interaction.objects.filter(occurred_at__date__gte=day).values_list("pk", flat=True)
        )
        since_range = set(
            Interaction.objects.filter(occurred_at__gte=day_start(day)).values_list("pk", flat=True)
        )
    assert by_range == by_date and 0 < len(by_date) < len(moments)
    assert since_range == since_date and 0 < len(since_date) < len(moments)
