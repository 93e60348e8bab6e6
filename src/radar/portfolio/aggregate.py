"""Monthly interaction statistics, aggregated in the database.

One GROUP BY pass over `Interaction` per (alliance, calendar month) gives
every count, sum and mean of `PeriodStats`; one more pass over participants
gives the distinct partner people per month. Two queries whatever the number
of alliances or interactions. Evaluations read whole months from the totals
kept at write time (radar.portfolio.rollup), which are built with these same
queries, so both ways give the same PeriodStats.

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

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from django.db import connections
from django.db.models import Avg, Count, Max, Q, QuerySet, Sum
from django.utils import timezone

from radar.engine.records import PeriodStats
from radar.engine.vocab import Direction, InteractionKind, Ritual, Side
from radar.portfolio.models import Alliance, Interaction, InteractionParticipant
from radar.portfolio.months import as_month, end_of_day, month_of, start_of_month

WRITTEN_KINDS = (InteractionKind.EMAIL.value, InteractionKind.MESSAGE.value)
HELD = Q(kind=InteractionKind.MEETING.value, cancelled=False)
CALL = Q(kind=InteractionKind.CALL.value, cancelled=False)
INBOUND = Q(kind__in=WRITTEN_KINDS, direction=Direction.INBOUND.value)
OUTBOUND = Q(kind__in=WRITTEN_KINDS, direction=Direction.OUTBOUND.value)
DIRECT_CONTACT = (HELD & (Q(partner_attended__gt=0) | Q(partner_invited=0))) | CALL | INBOUND
RITUALS = tuple(r for r in Ritual if r is not Ritual.NONE)
RITUAL_COLUMNS = tuple((r, f"n_ritual_{r.value}") for r in RITUALS)

Key = tuple[int, date]


def _measures() -> dict[str, Any]:
    # Named n_* because an annotation may not reuse a field name (tone, blaming, …).
    measures: dict[str, Any] = {
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


def measure_names() -> tuple[str, ...]:
    """The names of the aggregates `month_rows` computes, in order."""
    return tuple(_measures())


def monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance, ascending by month, for interactions up to `as_of`.

    Whole months come from the totals kept at write time (radar.portfolio.rollup,
    refreshed first for any alliance written to since); only the month of
    `as_of`, when `as_of` is not its last day, is aggregated here, from its
    first instant to the end of `as_of`.
    """
    from radar.portfolio import rollup

    rollup.refresh(alliances)
    before = end_of_day(as_of)
    month, next_day = as_of.replace(day=1), as_of + timedelta(days=1)
    if next_day.day == 1:  # as_of ends its month: every month is whole
        rows, people = rollup.stored_rows(alliances, until=next_day), {}
    else:
        start = start_of_month(month)
        rows = rollup.stored_rows(alliances, until=month)
        rows += month_rows(
            Interaction.objects.filter(
                alliance__in=alliances, occurred_at__gte=start, occurred_at__lt=before
            )
        )
        people = partner_people(Q(contact__alliance__in=alliances), before, since=start)
    return stats_from_rows(rows, people)


def live_monthly_stats(alliances: QuerySet[Alliance], as_of: date) -> dict[int, list[PeriodStats]]:
    """The same as `monthly_stats`, recomputed from every interaction (no kept totals).

    The reference the kept totals are tested against, and what they are built from.
    """
    before = end_of_day(as_of)
    rows = month_rows(Interaction.objects.filter(alliance__in=alliances, occurred_at__lt=before))
    return stats_from_rows(rows, partner_people(Q(contact__alliance__in=alliances), before))


def month_rows(interactions: QuerySet[Interaction]) -> list[dict[str, Any]]:
    """Raw aggregates per (alliance, month): alliance_id, month and the n_* measures."""
    rows = (
        interactions.annotate(month=month_of("occurred_at"))
        .values("alliance_id", "month")
        .annotate(**_measures())
        .order_by()
    )
    return raw_rows(rows)


def stats_from_rows(
    rows: list[dict[str, Any]], people: dict[Key, int]
) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance from raw month rows; a row may carry its own "people"."""
    zone = timezone.get_current_timezone()  # once: it is a context-local lookup
    result: dict[int, list[PeriodStats]] = {}
    for row in rows:
        key = (row["alliance_id"], as_month(row["month"]))
        count = row["people"] if "people" in row else people.get(key, 0)
        result.setdefault(key[0], []).append(_period(key[1], row, count, zone))
    for periods in result.values():
        periods.sort(key=lambda p: p.period)
    return result


def partner_people(
    contacts: Q, before: datetime | None = None, since: datetime | None = None
) -> dict[Key, int]:
    """Distinct partner contacts who took part, per (alliance, month), in [since, before)."""
    chosen = InteractionParticipant.objects.filter(
        contacts,  # drives the join from the few contacts
        interaction__cancelled=False,
        attended=True,
        contact__side=Side.PARTNER.value,
    )
    if before is not None:
        chosen = chosen.filter(interaction__occurred_at__lt=before)
    if since is not None:
        chosen = chosen.filter(interaction__occurred_at__gte=since)
    rows = (
        chosen.annotate(month=month_of("interaction__occurred_at"))
        .values("contact__alliance_id", "month")
        .annotate(people=Count("contact_id", distinct=True))
        .order_by()
    )
    return {(row["contact__alliance_id"], as_month(row["month"])): row["people"] for row in rows}


def raw_rows(query: QuerySet[Any, Any]) -> list[dict[str, Any]]:
    """Run a values() query on a plain cursor, skipping Django's per-value converters.

    Those converters (parse a SQLite date-time string, make it aware, for eight
    date-time columns of every row) were a noticeable share of the load time;
    the few values that need converting are converted by `instant` and `as_month`.
    """
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def instant(value: datetime | str | None) -> datetime | None:
    """An aware UTC datetime from a raw MAX(occurred_at) (text on SQLite, datetime elsewhere)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _period(month: date, row: dict[str, Any], people: int, zone: tzinfo) -> PeriodStats:
    last = instant(row["n_last_contact"])
    return PeriodStats(
        period=month,
        meetings_scheduled=row["n_meetings_held"] + row["n_meetings_cancelled"],
        meetings_held=row["n_meetings_held"],
        meetings_cancelled=row["n_meetings_cancelled"],
        partner_invited=int(row["n_partner_invited"] or 0),
        partner_attended=int(row["n_partner_attended"] or 0),
        ours_invited=int(row["n_ours_invited"] or 0),
        ours_attended=int(row["n_ours_attended"] or 0),
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
        rituals=_rituals(row, zone),
    )


def _rituals(row: dict[str, Any], zone: tzinfo) -> dict[Ritual, date]:
    held: dict[Ritual, date] = {}
    for ritual, column in RITUAL_COLUMNS:
        when = instant(row[column])
        if when is not None:
            held[ritual] = when.astimezone(zone).date()
    return held


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]
