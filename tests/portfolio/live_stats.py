"""The reference the monthly statistics are tested against: the definitions of
radar.portfolio.activity_stats spelled with the ORM (Django's own month truncation in
every zone), recomputed from every interaction, no kept totals, no raw SQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Avg, Count, F, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Greatest, Ln, Power, TruncMonth
from django.utils import timezone

from radar.engine.records import REPLY_FLOOR_HOURS, PeriodStats
from radar.engine.vocab import ContactRole, Direction, InteractionKind, Side
from radar.portfolio import activity_stats
from radar.portfolio.models import Alliance, Interaction, InteractionParticipant
from radar.portfolio.months import end_of_day

WRITTEN = (InteractionKind.EMAIL.value, InteractionKind.MESSAGE.value)
HELD = Q(kind=InteractionKind.MEETING.value, cancelled=False)
CALL = Q(kind=InteractionKind.CALL.value, cancelled=False)
INBOUND = Q(kind__in=WRITTEN, direction=Direction.INBOUND.value)
OUTBOUND = Q(kind__in=WRITTEN, direction=Direction.OUTBOUND.value)
DIRECT_CONTACT = (HELD & (Q(partner_attended__gt=0) | Q(partner_invited=0))) | CALL | INBOUND

Key = tuple[int, date]


def measures() -> dict[str, Any]:
    """The aggregates in activity_stats.MEASURES' order (n_*: an annotation may not reuse a
    field's name)."""
    found: dict[str, Any] = {
        "n_meetings_held": Count("id", filter=HELD),
        "n_meetings_cancelled": Count(
            "id", filter=Q(kind=InteractionKind.MEETING.value, cancelled=True)
        ),
        "n_partner_invited": Sum("partner_invited", filter=HELD),
        "n_partner_attended": Sum("partner_attended", filter=HELD),
        "n_ours_invited": Sum("ours_invited", filter=HELD),
        "n_ours_attended": Sum("ours_attended", filter=HELD),
        "n_calls": Count("id", filter=CALL),
        "n_emails_inbound": Count("id", filter=INBOUND),
        "n_emails_outbound": Count("id", filter=OUTBOUND),
        "n_partner_reply_hours": Avg("reply_hours", filter=INBOUND),
        "n_our_reply_hours": Avg("reply_hours", filter=OUTBOUND),
        "n_partner_words": Avg("word_count", filter=INBOUND),
        "n_tone": Avg("tone"),
        "n_toned": Count("tone"),
        "n_blaming": Count("id", filter=Q(blaming=True)),
        "n_defensive": Count("id", filter=Q(defensive=True)),
        "n_last_contact": Max("occurred_at", filter=DIRECT_CONTACT),
    }
    for ritual in activity_stats.RITUALS:
        found[f"n_ritual_{ritual.value}"] = Max("occurred_at", filter=HELD & Q(ritual=ritual.value))
    replied = INBOUND & Q(reply_hours__isnull=False)
    log_hours = Ln(Greatest(F("reply_hours"), Value(REPLY_FLOOR_HOURS)))
    found["n_partner_replies"] = Count("reply_hours", filter=INBOUND)
    found["n_partner_reply_log"] = Avg(log_hours, filter=replied)
    found["n_partner_reply_log_sq"] = Avg(Power(log_hours, 2), filter=replied)
    assert [name[2:] for name in found] == list(activity_stats.MEASURES)
    return found


def month(field: str) -> TruncMonth:
    return TruncMonth(field, tzinfo=timezone.get_current_timezone())


def first_day(value: datetime | date) -> date:
    return (value.date() if isinstance(value, datetime) else value).replace(day=1)


def month_rows(interactions: QuerySet[Interaction]) -> dict[Key, tuple[Any, ...]]:
    rows = (
        interactions.annotate(month=month("occurred_at"))
        .values("alliance_id", "month")
        .annotate(**measures())
        .order_by()
    )
    names = list(measures())
    return {
        (row["alliance_id"], first_day(row["month"])): tuple(row[n] for n in names) for row in rows
    }


def partner_people(contacts: Q, before: datetime) -> dict[Key, int]:
    rows = (
        InteractionParticipant.objects.filter(
            contacts,
            interaction__cancelled=False,
            attended=True,
            contact__side=Side.PARTNER.value,
            interaction__occurred_at__lt=before,
        )
        .annotate(month=month("interaction__occurred_at"))
        .values("contact__alliance_id", "month")
        .annotate(people=Count("contact_id", distinct=True))
        .order_by()
    )
    return {(r["contact__alliance_id"], first_day(r["month"])): r["people"] for r in rows}


def sponsor_attendance(contacts: Q, before: datetime) -> dict[Key, tuple[int, int]]:
    rows = (
        InteractionParticipant.objects.filter(
            contacts,
            interaction__kind=InteractionKind.MEETING.value,
            interaction__cancelled=False,
            invited=True,
            contact__side=Side.PARTNER.value,
            contact__role=ContactRole.EXECUTIVE_SPONSOR.value,
            interaction__occurred_at__lt=before,
        )
        .annotate(month=month("interaction__occurred_at"))
        .values("contact__alliance_id", "month")
        .annotate(
            invited=Count("interaction_id", distinct=True),
            attended=Count("interaction_id", distinct=True, filter=Q(attended=True)),
        )
        .order_by()
    )
    return {
        (r["contact__alliance_id"], first_day(r["month"])): (r["invited"], r["attended"])
        for r in rows
    }


def live_monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """The same as `periods.monthly_stats`, recomputed from every interaction (no kept totals)."""
    before = end_of_day(as_of)
    found = month_rows(Interaction.objects.filter(alliance__in=alliances, occurred_at__lt=before))
    contacts = Q(contact__alliance__in=alliances)
    people = partner_people(contacts, before)
    sponsors = sponsor_attendance(contacts, before)
    rows = [
        (alliance_id, month, people.get((alliance_id, month), 0), *sponsors.get(key, (0, 0)), *rest)
        for key, rest in found.items()
        for alliance_id, month in [key]
    ]
    return activity_stats.stats_from_rows(rows)
