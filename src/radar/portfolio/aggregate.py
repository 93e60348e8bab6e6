"""Monthly interaction statistics, aggregated in the database.

One GROUP BY pass over `Interaction` per (alliance, calendar month) gives
every count, sum and mean of `PeriodStats`; one more pass over participants
gives the distinct partner people per month. Two queries whatever the number
of alliances or interactions.

Definitions (they matter for the signals built on them):

- a meeting is *scheduled* when it exists at all, *held* when not cancelled,
  *cancelled* when flagged so; attendance sums count held meetings only;
- *calls* are calls that were not cancelled;
- *e-mails* are written messages (kind e-mail or message): *inbound* from the
  partner to us, *outbound* from us to the partner;
- reply hours and partner words are means over the messages that carry them
  (inbound = the partner's replies, outbound = ours);
- tone, blaming and defensive cover every interaction that carries them
  (notes of meetings and calls as well as messages);
- **direct contact** is two-way contact with the partner: a held meeting that a
  partner attended (or whose attendance was not recorded: nobody invited), a
  call that took place, or a message *from* the partner. An outbound e-mail that
  nobody answers is not contact, and neither is a meeting the partner skipped.
  `last_contact` is the latest such instant in the month;
- per ritual (QBR, steering committee, …) the day it was last held in the month.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Avg, Count, Max, Q, QuerySet, Sum

from radar.engine.records import PeriodStats
from radar.engine.vocab import Direction, InteractionKind, Ritual, Side
from radar.portfolio.models import Alliance, Interaction, InteractionParticipant
from radar.portfolio.months import as_month, end_of_day, local_date, month_of

WRITTEN_KINDS = (InteractionKind.EMAIL.value, InteractionKind.MESSAGE.value)
HELD = Q(kind=InteractionKind.MEETING.value, cancelled=False)
CALL = Q(kind=InteractionKind.CALL.value, cancelled=False)
INBOUND = Q(kind__in=WRITTEN_KINDS, direction=Direction.INBOUND.value)
OUTBOUND = Q(kind__in=WRITTEN_KINDS, direction=Direction.OUTBOUND.value)
DIRECT_CONTACT = (HELD & (Q(partner_attended__gt=0) | Q(partner_invited=0))) | CALL | INBOUND
RITUALS = tuple(r for r in Ritual if r is not Ritual.NONE)

Key = tuple[int, date]


def _measures() -> dict[str, Any]:
    # Named n_* because an annotation may not reuse a field name (tone, blaming, …).
    measures: dict[str, Any] = {
        "n_meetings_scheduled": Count("id", filter=Q(kind=InteractionKind.MEETING.value)),
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
    for ritual in RITUALS:
        measures[f"n_ritual_{ritual.value}"] = Max(
            "occurred_at", filter=HELD & Q(ritual=ritual.value)
        )
    return measures


def monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance, ascending by month, for interactions up to `as_of`."""
    before = end_of_day(as_of)
    rows = (
        Interaction.objects.filter(alliance__in=alliances, occurred_at__lt=before)
        .annotate(month=month_of("occurred_at"))
        .values("alliance_id", "month")
        .annotate(**_measures())
        .order_by()
    )
    people = partner_people(alliances, before)
    result: dict[int, list[PeriodStats]] = {}
    for row in rows:
        key = (row["alliance_id"], as_month(row["month"]))
        result.setdefault(key[0], []).append(_period(key[1], row, people.get(key, 0)))
    for periods in result.values():
        periods.sort(key=lambda p: p.period)
    return result


def partner_people(alliances: QuerySet[Alliance], before: datetime) -> dict[Key, int]:
    """Distinct partner contacts who took part, per (alliance, month)."""
    rows = (
        InteractionParticipant.objects.filter(
            interaction__alliance__in=alliances,
            interaction__occurred_at__lt=before,
            interaction__cancelled=False,
            attended=True,
            contact__side=Side.PARTNER.value,
        )
        .annotate(month=month_of("interaction__occurred_at"))
        .values("interaction__alliance_id", "month")
        .annotate(people=Count("contact_id", distinct=True))
        .order_by()
    )
    return {
        (row["interaction__alliance_id"], as_month(row["month"])): row["people"] for row in rows
    }


def _period(month: date, row: dict[str, Any], people: int) -> PeriodStats:
    last = row["n_last_contact"]
    return PeriodStats(
        period=month,
        meetings_scheduled=row["n_meetings_scheduled"],
        meetings_held=row["n_meetings_held"],
        meetings_cancelled=row["n_meetings_cancelled"],
        partner_invited=row["n_partner_invited"] or 0,
        partner_attended=row["n_partner_attended"] or 0,
        ours_invited=row["n_ours_invited"] or 0,
        ours_attended=row["n_ours_attended"] or 0,
        calls=row["n_calls"],
        emails_inbound=row["n_emails_inbound"],
        emails_outbound=row["n_emails_outbound"],
        partner_reply_hours=_float(row["n_partner_reply_hours"]),
        our_reply_hours=_float(row["n_our_reply_hours"]),
        partner_words=_float(row["n_partner_words"]),
        tone=_float(row["n_tone"]),
        toned=row["n_toned"],
        blaming=row["n_blaming"],
        defensive=row["n_defensive"],
        partner_people=people,
        last_contact=last,
        rituals=_rituals(row),
    )


def _rituals(row: dict[str, Any]) -> dict[Ritual, date]:
    held: dict[Ritual, date] = {}
    for ritual in RITUALS:
        instant = row[f"n_ritual_{ritual.value}"]
        if instant is not None:
            held[ritual] = local_date(instant)
    return held


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
