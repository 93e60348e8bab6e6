"""The loader's fast row -> record conversions give what the plain, named way gives."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count
from django.utils import timezone as django_timezone

from radar.engine.records import PeriodStats
from radar.engine.vocab import Ritual
from radar.portfolio import activity_stats, events
from radar.portfolio import models as m

RITUALS = [r for r in Ritual if r is not Ritual.NONE]
ZONES = ("UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York")


def plain_period(row: tuple[Any, ...], zone: Any) -> PeriodStats:
    """The reference: every field by name, every instant made aware first."""
    _, month, people, sponsor_invited, sponsor_attended, *measures = row
    named = dict(zip(activity_stats.MEASURES, measures, strict=True))

    def aware(value: Any) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def number(value: Any) -> float | None:
        return None if value is None else float(value)

    rituals = {}
    for ritual in RITUALS:
        when = aware(named[f"ritual_{ritual.value}"])
        if when is not None:
            rituals[ritual] = when.astimezone(zone).date()
    return PeriodStats(
        period=month,
        meetings_scheduled=named["meetings_held"] + named["meetings_cancelled"],
        meetings_held=named["meetings_held"],
        meetings_cancelled=named["meetings_cancelled"],
        partner_invited=int(named["partner_invited"] or 0),
        partner_attended=int(named["partner_attended"] or 0),
        ours_invited=int(named["ours_invited"] or 0),
        ours_attended=int(named["ours_attended"] or 0),
        calls=named["calls"],
        emails_inbound=named["emails_inbound"],
        emails_outbound=named["emails_outbound"],
        partner_reply_hours=number(named["partner_reply_hours"]),
        our_reply_hours=number(named["our_reply_hours"]),
        partner_words=number(named["partner_words"]),
        tone=number(named["tone"]),
        toned=named["toned"],
        blaming=named["blaming"],
        defensive=named["defensive"],
        partner_people=people,
        last_contact=aware(named["last_contact"]),
        rituals=rituals,
        partner_replies=named["partner_replies"],
        partner_reply_log=number(named["partner_reply_log"]),
        partner_reply_log_sq=number(named["partner_reply_log_sq"]),
        sponsor_invited=sponsor_invited,
        sponsor_attended=sponsor_attended,
    )


def random_instant(rng: random.Random, month: date) -> object:
    """An instant in one of the shapes a database hands back (or none)."""
    when = datetime(month.year, month.month, 1) + timedelta(minutes=rng.randrange(60 * 24 * 28))
    return rng.choice(
        (
            None,
            None,
            str(when),  # SQLite text, UTC
            when,  # SQLite stored column: naive UTC
            when.replace(tzinfo=UTC),  # PostgreSQL
            when.replace(tzinfo=timezone(timedelta(hours=-5))),
        )
    )


def random_row(rng: random.Random, alliance_id: int, month: date) -> tuple[Any, ...]:
    def total() -> object:
        return rng.choice((None, rng.randrange(9), Decimal(rng.randrange(9))))

    def mean() -> object:
        return rng.choice((None, rng.uniform(0, 50), Decimal("2.5")))

    counts = [rng.randrange(5) for _ in range(2)]
    return (
        alliance_id,
        month,
        rng.randrange(4),
        rng.randrange(3),  # sponsor meetings invited to
        rng.randrange(2),  # ... and attended
        *counts,
        *(total() for _ in range(4)),
        *(rng.randrange(5) for _ in range(3)),
        *(mean() for _ in range(4)),
        *(rng.randrange(5) for _ in range(3)),
        *(random_instant(rng, month) for _ in range(1 + len(RITUALS))),
        rng.randrange(6),  # partner replies
        *(mean() for _ in range(2)),  # mean log hours and its square
    )


def test_the_positional_order_is_the_records_own():
    assert tuple(f.name for f in dataclasses.fields(PeriodStats)) == activity_stats.PERIOD_FIELDS
    assert len(activity_stats.MEASURES) == 17 + len(RITUALS) + 3


@pytest.mark.parametrize("zone_name", ZONES)
def test_rows_convert_as_the_plain_way_does(zone_name):
    rng = random.Random(zone_name)
    months = [date(2025 + i // 12, 1 + i % 12, 1) for i in range(14)]
    rows = [random_row(rng, alliance, month) for alliance in (3, 1, 2) for month in months]
    rng.shuffle(rows)
    zone = ZoneInfo(zone_name)

    with django_timezone.override(zone):
        fast = activity_stats.stats_from_rows(rows)

    expected: dict[int, list[PeriodStats]] = {}
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        expected.setdefault(row[0], []).append(plain_period(row, zone))
    assert fast == expected
    assert list(fast[1][0].rituals.values()) == list(expected[1][0].rituals.values())


@pytest.mark.django_db
def test_plain_cursor_rows_need_the_annotations_last():
    query = m.Decision.objects.annotate(open_actions=Count("actions"))

    assert events._rows(query.values_list("id", "open_actions")) == []
    with pytest.raises(ValueError, match="annotations last"):
        events._rows(query.values_list("open_actions", "id"))
