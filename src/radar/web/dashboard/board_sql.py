"""The dashboard's filters, sorts, totals and attention ranking, in SQL.

The Python definitions they mirror, over rows read in full, are the reference:
radar.web.dashboard.listing (SORTS and the filters), radar.web.dashboard.portfolio.next_review,
radar.web.views.dashboard.summary and radar.web.dashboard.attention.items_for / grouped.
tests/web/dashboard/test_board.py compares the two on a varied portfolio, for every sort
and filter, on SQLite and PostgreSQL.

One statement answers the page (`statement`): the totals of the filtered
portfolio, a page of ids and the top of the queue, all built on the same
`facts`: the filtered active alliances with their standing and the two store
facts the standing cannot hold because they change without a re-assessment
(the last direct contact before tomorrow, the latest check-in up to today).
Those are correlated subqueries, an index seek each per alliance. The facts and
the conditions built on them are MATERIALIZED (SQLite 3.35+, PostgreSQL 12+),
so nothing is evaluated twice per alliance: inlined, as the ORM inlines
annotations, the subqueries ran up to a dozen times per alliance (at 10,000
alliances 0.3-0.4 s); three statements over the same facts cost 150 ms of CPU,
this one 90 ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf, Trim

from radar.portfolio.models import Alliance, CheckIn
from radar.web.dashboard.attention import DIVERGENCE_POINTS, KINDS, NO_CONTACT_DAYS
from radar.web.dashboard.listing import Listing
from radar.web.dashboard.portfolio import DEFAULT_REVIEW_DAYS, REVIEW_EVERY_DAYS, store_facts

OWNER_SHOWN = Case(  # Alliance.owner_display, in SQL: the owner filter and its menu
    When(
        owner__isnull=False,
        then=Coalesce(
            NullIf(Trim(Concat("owner__first_name", Value(" "), "owner__last_name")), Value("")),
            "owner__username",
        ),
    ),
    default="owner_name",
    output_field=CharField(),
)


def _facts(listing: Listing, today: date) -> QuerySet[Any]:
    """The filtered active alliances, one row of plain named columns each."""
    last_contact, checkins = store_facts(today)
    qs = Alliance.objects.filter(active=True).alias(
        owner_shown=OWNER_SHOWN,
        phase_shown=Coalesce("standing__phase", "declared_phase", Value("")),
    )
    if listing.tier:
        qs = qs.filter(tier=int(listing.tier))
    if listing.owner:
        qs = qs.filter(owner_shown=listing.owner)
    if listing.phase:
        qs = qs.filter(phase_shown=listing.phase)
    if listing.category:
        qs = qs.filter(standing__signal_categories__contains=f" {listing.category} ")
    every = Case(
        *(When(tier=tier, then=Value(days)) for tier, days in REVIEW_EVERY_DAYS.items()),
        default=Value(DEFAULT_REVIEW_DAYS),
        output_field=IntegerField(),
    )
    return qs.order_by().values(
        alliance=F("pk"),
        alliance_name=F("name"),
        alliance_tier=F("tier"),
        started=F("started_on"),
        owner_name_shown=F("owner_shown"),
        phase=F("phase_shown"),
        score=F("standing__score"),
        assessed_on=F("standing__as_of"),
        systemic=F("standing__systemic"),
        confirmed=F("standing__confirmed_total"),
        signal_count=F("standing__signal_total"),
        action=F("standing__action"),
        flag_count=F("standing__flag_count"),
        flag_kinds=F("standing__flag_kinds"),
        review_flag_due=F("standing__review_due"),
        every_days=every,
        last_contact=Subquery(last_contact),
        checkin_id=Subquery(checkins.values("pk")[:1]),
    )


def _plus_days(day: str, days: str) -> str:
    """SQL for the date `day` plus `days` days (both SQL expressions)."""
    if connection.vendor == "sqlite":
        return f"date({day}, '+' || {days} || ' days')"
    return f"({day} + {days})"


def _flagged(kind: str) -> str:
    """SQL: the engine raised a cadence flag of this attention kind (radar.portfolio.flag_kinds)."""
    assert kind in KINDS  # a fixed word, never user input
    return f"flag_kinds LIKE '%% {kind} %%'"  # %% : the statement has parameters


def _priority() -> str:
    """SQL: the priority of an alliance's most urgent attention kind (attention.KINDS)."""
    conditions = (
        ("systemic", "systemic"),
        ("pattern", "confirmed > 0"),
        ("decision", _flagged("decision")),
        ("divergence", f"({_flagged('divergence')} OR divergence_due = 1)"),
        ("review", f"({_flagged('review')} OR review_due = 1)"),
        ("contact", f"({_flagged('contact')} OR contact_due = 1)"),
        ("agreement", _flagged("agreement")),
        ("ritual", _flagged("ritual")),
    )
    whens = " ".join(f"WHEN {sql} THEN {KINDS[kind][1]}" for kind, sql in conditions)
    return f"CASE {whens} ELSE {KINDS['other'][1]} END"


def _ranked(listing: Listing, today: date) -> tuple[str, list[Any]]:
    """SQL and parameters of `WITH … ranked AS (…)`: one row per alliance shown, with
    the columns of `_facts` plus next_review, attention_items and attention_priority."""
    facts, facts_params = _facts(listing, today).query.sql_with_params()
    ops = connection.ops
    silent_since = datetime.combine(today - timedelta(days=NO_CONTACT_DAYS), time(), UTC)
    checkin = connection.ops.quote_name(CheckIn._meta.db_table)
    start = "COALESCE(c.held_on, facts.started)"
    sql = f"""
        WITH facts AS MATERIALIZED ({facts}),
        dated AS (
            SELECT facts.*,
                c.manual_score - c.computed_score AS checkin_gap,
                c.neutral_reviewer AS checkin_neutral,
                COALESCE(facts.review_flag_due, {_plus_days(start, "facts.every_days")})
                    AS next_review
            FROM facts LEFT JOIN {checkin} c ON c.id = facts.checkin_id
        ),
        marked AS (
            SELECT dated.*,
                CASE WHEN assessed_on IS NOT NULL AND NOT {_flagged("contact")}
                    AND (last_contact IS NULL OR last_contact < %s) THEN 1 ELSE 0 END
                    AS contact_due,
                CASE WHEN assessed_on IS NOT NULL AND NOT {_flagged("review")}
                    AND next_review < %s THEN 1 ELSE 0 END AS review_due,
                CASE WHEN assessed_on IS NOT NULL AND NOT {_flagged("divergence")}
                    AND checkin_gap IS NOT NULL AND NOT checkin_neutral
                    AND (checkin_gap >= %s OR checkin_gap <= %s) THEN 1 ELSE 0 END
                    AS divergence_due
            FROM dated
        ),
        ranked AS MATERIALIZED (
            SELECT marked.*,
                CASE WHEN systemic THEN 1 ELSE 0 END + CASE WHEN confirmed > 0 THEN 1 ELSE 0 END
                    + COALESCE(flag_count, 0) + contact_due + review_due + divergence_due
                    AS attention_items,
                {_priority()} AS attention_priority
            FROM marked
        )
    """
    params = [
        *facts_params,
        ops.adapt_datetimefield_value(silent_since),
        ops.adapt_datefield_value(today),
        DIVERGENCE_POINTS,
        -DIVERGENCE_POINTS,
    ]
    return sql, params


# Each sort of radar.web.dashboard.listing.SORTS as SQL keys over `ranked`: (expression, where
# its NULLs go when ascending: "FIRST", "LAST" or "" for a column never NULL).
_SORTS: dict[str, tuple[tuple[str, str], ...]] = {
    "name": (("lower(alliance_name)", ""),),
    "score": (("score", "LAST"),),
    "tier": (("alliance_tier", ""), ("lower(alliance_name)", "")),
    "phase": (
        ("CASE WHEN phase = '' THEN 1 ELSE 0 END", ""),
        ("phase", ""),
        ("lower(alliance_name)", ""),
    ),
    "signals": (("COALESCE(confirmed, 0)", ""), ("COALESCE(signal_count, 0)", "")),
    "contact": (("last_contact", "FIRST"),),
    "review": (("next_review", "LAST"),),
    "recommendation": (
        ("CASE WHEN COALESCE(action, '') = '' THEN 1 ELSE 0 END", ""),
        ("action", "LAST"),
        ("lower(alliance_name)", ""),
    ),
    "owner": (
        ("CASE WHEN owner_name_shown = '' THEN 1 ELSE 0 END", ""),
        ("lower(owner_name_shown)", ""),
        ("lower(alliance_name)", ""),
    ),
}
_FLIPPED = {"FIRST": "LAST", "LAST": "FIRST", "": ""}


def order_by(listing: Listing) -> str:
    """The listing's ORDER BY keys; ties keep the alliances' own order (tier, name), as
    Python's stable sort keeps it in either direction."""
    keys = []
    for expression, nulls in _SORTS[listing.sort]:
        direction = "DESC" if listing.descending else "ASC"
        where = _FLIPPED[nulls] if listing.descending else nulls
        keys.append(f"{expression} {direction}" + (f" NULLS {where}" if where else ""))
    return ", ".join([*keys, "alliance_tier", "alliance_name", "alliance"])


def attention_order_by(listing: Listing) -> str:
    """The queue's order (radar.web.dashboard.attention.grouped): most urgent kind, most items,
    lowest score (none counts as 9), then the listing's order."""
    return f"attention_priority, attention_items DESC, COALESCE(score, 9), {order_by(listing)}"


TOTALS = ("count", "average", "at_risk", "confirmed", "systemic", "overdue", "as_of", "queued")
AT_RISK_BELOW = 2.5  # bands 1 and 2 (radar.web.present.band_of rounds half points up)


def statement(
    listing: Listing, today: date, page_size: int, queue_size: int
) -> tuple[str, list[Any]]:
    """The dashboard's one statement: each row holds the TOTALS of the filtered
    portfolio, then a part (0: the page, 1: the queue) and an alliance id, in order.
    A page past the last one shows the last one (Listing.page_of), so the offset is
    computed from the count; with nothing shown there is one row, without an alliance."""
    ranked, params = _ranked(listing, today)
    keys, queue_keys = order_by(listing), attention_order_by(listing)
    pages = "CASE WHEN shown = 0 THEN 1 ELSE (shown + %s - 1) / %s END"
    sql = f"""{ranked},
        totals AS (
            SELECT COUNT(*) AS shown, AVG(score),
                COALESCE(SUM(CASE WHEN score < %s THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(confirmed), 0),
                COALESCE(SUM(CASE WHEN systemic THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN next_review < %s THEN 1 ELSE 0 END), 0),
                MAX(assessed_on),
                COALESCE(SUM(CASE WHEN attention_items > 0 THEN 1 ELSE 0 END), 0)
            FROM ranked
        ),
        page AS (
            SELECT alliance, ROW_NUMBER() OVER (ORDER BY {keys}) AS position FROM (
                SELECT * FROM ranked ORDER BY {keys} LIMIT %s
                OFFSET (SELECT (CASE WHEN %s > {pages} THEN {pages} ELSE %s END - 1) * %s
                        FROM totals)
            ) chosen
        ),
        queue AS (
            SELECT alliance, ROW_NUMBER() OVER (ORDER BY {queue_keys}) AS position FROM (
                SELECT * FROM ranked WHERE attention_items > 0 ORDER BY {queue_keys} LIMIT %s
            ) chosen
        )
        SELECT totals.*, chosen.part, chosen.alliance FROM totals LEFT JOIN (
            SELECT 0 AS part, alliance, position FROM page
            UNION ALL SELECT 1, alliance, position FROM queue
        ) chosen ON TRUE
        ORDER BY chosen.part, chosen.position
    """
    size, number = page_size, listing.page
    params += [AT_RISK_BELOW, connection.ops.adapt_datefield_value(today)]
    params += [size, number, size, size, size, size, number, size, queue_size]
    return sql, params


def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
