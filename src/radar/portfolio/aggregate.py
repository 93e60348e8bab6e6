"""Monthly interaction statistics, aggregated in the database.

One GROUP BY pass over `Interaction` per (alliance, calendar month) gives
every count, sum and mean of `PeriodStats`; one more pass over participants
gives the distinct partner people per month. Two queries whatever the number
of alliances or interactions. Evaluations read whole months from the totals
kept at write time (radar.portfolio.rollup, read through
radar.portfolio.periods), which are built with these same queries, so both
ways give the same PeriodStats.

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
- per ritual (QBR, steering committee, …) the day it was last held in the month;
- each partner reply on its own, for small samples: the number of inbound
  messages with a reply time, and the mean of ln(hours) and of its square
  (a reply under 0.1 hour counts as 0.1);
- the partner's executive sponsors: held meetings one was invited to, and held
  meetings one attended (a sponsor who stops coming delegates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from operator import itemgetter
from typing import Any

from django.db import connections
from django.db.models import Avg, Count, F, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Greatest, Ln, Power
from django.utils import timezone

from radar.engine.records import REPLY_FLOOR_HOURS, PeriodStats
from radar.engine.vocab import ContactRole, Direction, InteractionKind, Ritual, Side
from radar.portfolio.models import Interaction, InteractionParticipant
from radar.portfolio.months import (
    as_month,
    fixed_offset_minutes,
    month_of,
)

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
    replied = INBOUND & Q(reply_hours__isnull=False)
    log_hours = Ln(Greatest(F("reply_hours"), Value(REPLY_FLOOR_HOURS)))
    measures["n_partner_replies"] = Count("reply_hours", filter=INBOUND)
    measures["n_partner_reply_log"] = Avg(log_hours, filter=replied)
    measures["n_partner_reply_log_sq"] = Avg(Power(log_hours, 2), filter=replied)
    return measures


def measure_names() -> tuple[str, ...]:
    """The names of the aggregates `month_rows` computes, in order."""
    return tuple(_measures())


def month_rows(interactions: QuerySet[Interaction]) -> list[tuple[Any, ...]]:
    """Raw aggregates per (alliance, month): (alliance_id, month, *the n_* measures in order)."""
    rows = (
        interactions.annotate(month=month_of("occurred_at"))
        .values("alliance_id", "month")
        .annotate(**_measures())
        .order_by()
    )
    found = raw_tuples(rows, ("alliance_id", "month", *measure_names()))
    return [(alliance_id, as_month(month), *rest) for alliance_id, month, *rest in found]


def with_people(
    rows: list[tuple[Any, ...]], people: dict[Key, int], sponsors: dict[Key, tuple[int, int]]
) -> list[tuple[Any, ...]]:
    """Month rows with their distinct partner people and the sponsor meetings (invited,
    attended) inserted after the month."""
    return [
        (a, month, people.get((a, month), 0), *sponsors.get((a, month), (0, 0)), *rest)
        for a, month, *rest in rows
    ]


def stats_from_rows(rows: list[tuple[Any, ...]]) -> dict[int, list[PeriodStats]]:
    """PeriodStats per alliance, ascending by month, from rows shaped
    (alliance_id, month, partner people, sponsor invited, sponsor attended, *the n_*
    measures in order).

    The hot loop of every evaluation (36,000 rows for 1,000 alliances x 36
    months): tuple unpacking and positional arguments instead of a dict and
    helper calls per value (PERIOD_FIELDS pins the order PeriodStats takes them in).
    """
    day_of = local_day_reader(timezone.get_current_timezone())
    result: dict[int, list[PeriodStats]] = {}
    for (
        alliance_id,
        month,
        people,
        sponsor_invited,
        sponsor_attended,
        held,
        cancelled,
        partner_invited,
        partner_attended,
        ours_invited,
        ours_attended,
        calls,
        inbound,
        outbound,
        partner_reply,
        our_reply,
        words,
        tone,
        toned,
        blaming,
        defensive,
        last,
        *rest,
    ) in sorted(rows, key=_by_alliance_and_month):
        rituals, (replies, reply_log, reply_log_sq) = rest[:-3], rest[-3:]
        stats = PeriodStats(
            month,
            held + cancelled,
            held,
            cancelled,
            int(partner_invited or 0),  # a SUM is NULL when there was nothing to sum
            int(partner_attended or 0),
            int(ours_invited or 0),
            int(ours_attended or 0),
            calls,
            inbound,
            outbound,
            None if partner_reply is None else float(partner_reply),
            None if our_reply is None else float(our_reply),
            None if words is None else float(words),
            None if tone is None else float(tone),
            toned,
            blaming,
            defensive,
            people,
            None if last is None else instant(last),
            {r: day_of(when) for r, when in zip(RITUALS, rituals, strict=True) if when is not None},
            replies,
            None if reply_log is None else float(reply_log),
            None if reply_log_sq is None else float(reply_log_sq),
            sponsor_invited,
            sponsor_attended,
        )
        periods = result.get(alliance_id)
        if periods is None:
            result[alliance_id] = [stats]
        else:
            periods.append(stats)
    return result


# The order stats_from_rows passes PeriodStats' fields in (tests keep it equal to the class's).
PERIOD_FIELDS = (
    "period",
    "meetings_scheduled",
    "meetings_held",
    "meetings_cancelled",
    "partner_invited",
    "partner_attended",
    "ours_invited",
    "ours_attended",
    "calls",
    "emails_inbound",
    "emails_outbound",
    "partner_reply_hours",
    "our_reply_hours",
    "partner_words",
    "tone",
    "toned",
    "blaming",
    "defensive",
    "partner_people",
    "last_contact",
    "rituals",
    "partner_replies",
    "partner_reply_log",
    "partner_reply_log_sq",
    "sponsor_invited",
    "sponsor_attended",
)
_by_alliance_and_month = itemgetter(0, 1)


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


def sponsor_attendance(
    contacts: Q, before: datetime | None = None, since: datetime | None = None
) -> dict[Key, tuple[int, int]]:
    """Per (alliance, month) in [since, before): held meetings a partner executive sponsor
    was invited to, and held meetings one attended."""
    chosen = InteractionParticipant.objects.filter(
        contacts,
        interaction__kind=InteractionKind.MEETING.value,
        interaction__cancelled=False,
        invited=True,
        contact__side=Side.PARTNER.value,
        contact__role=ContactRole.EXECUTIVE_SPONSOR.value,
    )
    if before is not None:
        chosen = chosen.filter(interaction__occurred_at__lt=before)
    if since is not None:
        chosen = chosen.filter(interaction__occurred_at__gte=since)
    rows = (
        chosen.annotate(month=month_of("interaction__occurred_at"))
        .values("contact__alliance_id", "month")
        .annotate(
            invited=Count("interaction_id", distinct=True),
            attended=Count("interaction_id", distinct=True, filter=Q(attended=True)),
        )
        .order_by()
    )
    return {
        (row["contact__alliance_id"], as_month(row["month"])): (row["invited"], row["attended"])
        for row in rows
    }


def raw_tuples(
    query: QuerySet[Any, Any], names: Sequence[str] | None = None
) -> list[tuple[Any, ...]]:
    """Run a values() query on a plain cursor, skipping Django's per-value converters;
    rows come back as tuples of the columns `names` in that order (default: as selected).

    Those converters (parse a SQLite date-time string, make it aware, for eight
    date-time columns of every row) were a noticeable share of the load time;
    the few values that need converting are converted by `instant` and `as_month`.
    """
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        found = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    if names is None or found == list(names):
        return rows
    pick = itemgetter(*(found.index(name) for name in names))
    return [pick(row) for row in rows]


def instant(value: datetime | str) -> datetime:
    """An aware UTC datetime from a raw MAX(occurred_at) (text on SQLite, datetime elsewhere)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def local_day_reader(zone: tzinfo) -> Callable[[datetime | str], date]:
    """The calendar day in `zone` of a raw instant (see `instant`).

    In UTC (the default) a naive value, as SQLite returns a stored one, is
    already that day: no aware datetime needs building for it.
    """

    def local_day(value: datetime | str) -> date:
        return instant(value).astimezone(zone).date()

    if fixed_offset_minutes(zone) != 0:
        return local_day

    def utc_day(value: datetime | str) -> date:
        if isinstance(value, datetime) and value.tzinfo is None:
            return value.date()
        return local_day(value)

    return utc_day
