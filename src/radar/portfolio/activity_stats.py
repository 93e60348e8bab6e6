"""Monthly interaction statistics, aggregated in the database.

One statement per (alliance, calendar month) gives every count, sum and mean
of `PeriodStats`: a GROUP BY pass over `Interaction`, joined with the distinct
partner people and the executive sponsors' meetings from the participants,
whatever the number of alliances or interactions. It is plain SQL, its text
built once per database and time zone, because compiling the same aggregates
through the ORM on every call cost more than running them (two thirds of a
one-alliance re-score). Evaluations read whole months from the totals kept at
write time (radar.portfolio.activity, read through radar.portfolio.periods),
which are built with this same statement, so both ways give the same
PeriodStats; tests compare both with an ORM spelling of these definitions.

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

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from operator import itemgetter
from typing import Any

from django.db import connection, connections
from django.db.models import QuerySet
from django.utils import timezone

from radar.engine.records import REPLY_FLOOR_HOURS, PeriodStats
from radar.engine.vocab import ContactRole, Direction, InteractionKind, Ritual, Side
from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant
from radar.portfolio.months import fixed_offset_minutes, month_sql, sql_literal

RITUALS = tuple(r for r in Ritual if r is not Ritual.NONE)

# Which alliances: a list of ids, or a queryset of alliances (read as a subquery).
Alliances = Sequence[int] | QuerySet[Alliance]


def _conditions() -> dict[str, str]:
    """The definitions above as SQL over the interaction `i` (literals: our own constants)."""
    meeting, call = (
        sql_literal(InteractionKind.MEETING.value),
        sql_literal(InteractionKind.CALL.value),
    )
    written = ", ".join(
        sql_literal(k.value) for k in (InteractionKind.EMAIL, InteractionKind.MESSAGE)
    )
    held = f"i.kind = {meeting} AND NOT i.cancelled"
    inbound = f"i.kind IN ({written}) AND i.direction = {sql_literal(Direction.INBOUND.value)}"
    outbound = f"i.kind IN ({written}) AND i.direction = {sql_literal(Direction.OUTBOUND.value)}"
    return {
        "held": held,
        "cancelled": f"i.kind = {meeting} AND i.cancelled",
        "call": f"i.kind = {call} AND NOT i.cancelled",
        "inbound": inbound,
        "outbound": outbound,
        "direct": (
            f"({held} AND (i.partner_attended > 0 OR i.partner_invited = 0))"
            f" OR (i.kind = {call} AND NOT i.cancelled) OR ({inbound})"
        ),
    }


def _measures(vendor: str) -> dict[str, str]:
    """Stored column name -> its aggregate over the interactions `i` of one month."""
    c = _conditions()
    # GREATEST is spelled MAX(a, b) on SQLite.
    greatest = "MAX" if vendor == "sqlite" else "GREATEST"
    log_hours = f"LN({greatest}(i.reply_hours, {REPLY_FLOOR_HOURS!r}))"
    replied = f"{c['inbound']} AND i.reply_hours IS NOT NULL"
    measures = {
        "meetings_held": f"COUNT(i.id) FILTER (WHERE {c['held']})",
        "meetings_cancelled": f"COUNT(i.id) FILTER (WHERE {c['cancelled']})",
        "partner_invited": f"SUM(i.partner_invited) FILTER (WHERE {c['held']})",
        "partner_attended": f"SUM(i.partner_attended) FILTER (WHERE {c['held']})",
        "ours_invited": f"SUM(i.ours_invited) FILTER (WHERE {c['held']})",
        "ours_attended": f"SUM(i.ours_attended) FILTER (WHERE {c['held']})",
        "calls": f"COUNT(i.id) FILTER (WHERE {c['call']})",
        "emails_inbound": f"COUNT(i.id) FILTER (WHERE {c['inbound']})",
        "emails_outbound": f"COUNT(i.id) FILTER (WHERE {c['outbound']})",
        "partner_reply_hours": f"AVG(i.reply_hours) FILTER (WHERE {c['inbound']})",
        "our_reply_hours": f"AVG(i.reply_hours) FILTER (WHERE {c['outbound']})",
        "partner_words": f"AVG(i.word_count) FILTER (WHERE {c['inbound']})",
        "tone": "AVG(i.tone)",
        "toned": "COUNT(i.tone)",
        "blaming": "COUNT(i.id) FILTER (WHERE i.blaming)",
        "defensive": "COUNT(i.id) FILTER (WHERE i.defensive)",
        "last_contact": f"MAX(i.occurred_at) FILTER (WHERE {c['direct']})",
    }
    for ritual in RITUALS:
        held_there = f"{c['held']} AND i.ritual = {sql_literal(ritual.value)}"
        measures[f"ritual_{ritual.value}"] = f"MAX(i.occurred_at) FILTER (WHERE {held_there})"
    measures["partner_replies"] = f"COUNT(i.reply_hours) FILTER (WHERE {c['inbound']})"
    measures["partner_reply_log"] = f"AVG({log_hours}) FILTER (WHERE {replied})"
    measures["partner_reply_log_sq"] = f"AVG(POWER({log_hours}, 2)) FILTER (WHERE {replied})"
    return measures


# The aggregates of a month, in the order rows carry them (and ActivityMonth stores
# them under these names); the names are the same on every database.
MEASURES = tuple(_measures("sqlite"))
# A month row: these, then MEASURES (the shape `stats_from_rows` reads).
PEOPLE = ("partner_people", "sponsor_invited", "sponsor_attended")
MONTH_ROW = ("alliance_id", "month", *PEOPLE, *MEASURES)


@functools.lru_cache(maxsize=16)
def _month_rows_sql(vendor: str, zone: tzinfo) -> str:
    """One SELECT of month rows (MONTH_ROW) for the vendor and the zone months are cut in.

    Built once per (vendor, zone): only the filters change between calls, through
    the `{interactions}` (over `i`) and `{participants}` (over `p`, its contact `c`
    and interaction `i`) slots, each used as the WHERE of its own part.
    """
    month = month_sql("i.occurred_at", zone)
    table = connection.ops.quote_name
    interaction, contact = table(Interaction._meta.db_table), table(Contact._meta.db_table)
    participant = table(InteractionParticipant._meta.db_table)
    participants = (
        f"FROM {participant} p JOIN {contact} c ON c.id = p.contact_id "
        f"JOIN {interaction} i ON i.id = p.interaction_id "
        f"WHERE {{participants}} AND NOT i.cancelled AND c.side = {sql_literal(Side.PARTNER.value)}"
    )
    measures = ", ".join(f"{sql} AS {name}" for name, sql in _measures(vendor).items())
    sponsor = sql_literal(ContactRole.EXECUTIVE_SPONSOR.value)
    meeting = sql_literal(InteractionKind.MEETING.value)
    # Partner people and sponsor meetings count for the contact's alliance; a month
    # of them without interactions of that alliance is left out, as it always was.
    return (
        "SELECT m.alliance_id AS alliance_id, m.month AS month, "
        "COALESCE(pp.people, 0) AS partner_people, "
        "COALESCE(sp.invited, 0) AS sponsor_invited, "
        "COALESCE(sp.attended, 0) AS sponsor_attended, "
        f"{', '.join('m.' + name for name in MEASURES)} FROM ("
        f"SELECT i.alliance_id AS alliance_id, {month} AS month, {measures} "
        f"FROM {interaction} i WHERE {{interactions}} GROUP BY 1, 2) m "
        "LEFT JOIN ("
        f"SELECT c.alliance_id AS alliance_id, {month} AS month, "
        f"COUNT(DISTINCT p.contact_id) AS people {participants} AND p.attended GROUP BY 1, 2"
        ") pp ON pp.alliance_id = m.alliance_id AND pp.month = m.month "
        "LEFT JOIN ("
        f"SELECT c.alliance_id AS alliance_id, {month} AS month, "
        "COUNT(DISTINCT p.interaction_id) AS invited, "
        "COUNT(DISTINCT p.interaction_id) FILTER (WHERE p.attended) AS attended "
        f"{participants} AND p.invited AND i.kind = {meeting} AND c.role = {sponsor} GROUP BY 1, 2"
        ") sp ON sp.alliance_id = m.alliance_id AND sp.month = m.month"
    )


def alliance_filter(column: str, alliances: Alliances) -> tuple[str, list[Any]]:
    """`column IN (…)`: the ids, or the queryset as a subquery; and its parameters."""
    if isinstance(alliances, QuerySet):
        sql, params = alliances.order_by().values("id").query.sql_with_params()
        return f"{column} IN ({sql})", list(params)
    ids = [int(pk) for pk in alliances]
    if not ids:
        return "FALSE", []
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", ids


def month_rows_query(
    alliances: Alliances, since: datetime | None = None, before: datetime | None = None
) -> tuple[str, list[Any]]:
    """The SELECT of the month rows (MONTH_ROW) of `alliances` over interactions in
    [since, before), and its parameters; months are cut in the current time zone."""
    sql = _month_rows_sql(connection.vendor, timezone.get_current_timezone())
    bounds, bound_params = "", []
    adapt = connection.ops.adapt_datetimefield_value
    if since is not None:
        bounds += " AND i.occurred_at >= %s"
        bound_params.append(adapt(since))
    if before is not None:
        bounds += " AND i.occurred_at < %s"
        bound_params.append(adapt(before))
    chosen, params = alliance_filter("i.alliance_id", alliances)
    contacts, contact_params = alliance_filter("c.alliance_id", alliances)
    sql = sql.format(interactions=chosen + bounds, participants=contacts + bounds)
    people = [*contact_params, *bound_params]
    return sql, [*params, *bound_params, *people, *people]


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
