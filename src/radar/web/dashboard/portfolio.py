"""The dashboard's data: one row per alliance, read in a fixed number of queries.

Pages read the latest stored `Assessment` per alliance (its payload is
`Assessment.to_dict()`, docs/assessment-schema.md). A handful of facts the
payload does not carry (last direct contact, last check-in, its scores) come
from correlated subqueries on the alliance query, so the number of queries
stays the same whether the portfolio has three alliances or a thousand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypedDict

from django.db.models import OuterRef, Q, QuerySet, Subquery

from radar.engine.vocab import Category
from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
from radar.portfolio.models import Alliance, Assessment, CheckIn, Interaction
from radar.web.dashboard.summary import Summary, latest_summaries, summarize
from radar.web.days import day_after
from radar.web.present import band_of, parse_date

CATEGORIES = tuple(c.value for c in Category)

# Two-way contact with the partner: a held meeting the partner attended (or whose
# attendance was not recorded), a call that happened, or a message from them.
_WRITTEN = ("email", "message")
DIRECT_CONTACT = (
    (Q(kind="meeting", cancelled=False) & (Q(partner_attended__gt=0) | Q(partner_invited=0)))
    | Q(kind="call", cancelled=False)
    | Q(kind__in=_WRITTEN, direction="inbound")
)

# Review cadence: monthly for strategic (tier 1) alliances, quarterly for the rest.
REVIEW_EVERY_DAYS = {1: 31, 2: 92, 3: 92}
DEFAULT_REVIEW_DAYS = 92


@dataclass
class Row:
    """What the dashboard shows for one alliance."""

    alliance: Alliance
    summary: Summary | None
    last_contact: datetime | None = None
    last_checkin: date | None = None
    next_review: date | None = None
    review_overdue: bool = False
    checkin_manual: int | None = None
    checkin_computed: float | None = None
    checkin_comment: str = ""
    checkin_neutral: bool = False  # a neutral reviewer has looked at that check-in

    @property
    def name(self) -> str:
        return self.alliance.name

    @property
    def tier(self) -> int:
        return self.alliance.tier

    @property
    def as_of(self) -> str:
        """ISO day of the assessment shown ("" when none)."""
        return "" if self.summary is None else self.summary.as_of

    def has_category(self, category: str) -> bool:
        """Has negative signals (confirmed or watched) in `category`."""
        return bool(
            self.confirmed_by_category.get(category) or self.watching_by_category.get(category)
        )

    @property
    def awaits_review(self) -> bool:
        return awaits_neutral_review(self)

    @property
    def assessed(self) -> bool:
        return self.summary is not None

    @property
    def score(self) -> float | None:
        return None if self.summary is None else self.summary.score

    @property
    def band(self) -> int:
        return band_of(self.score)

    @property
    def trend(self) -> str:
        return "" if self.summary is None else self.summary.trend

    @property
    def phase(self) -> str:
        if self.summary is None:
            return self.alliance.declared_phase or ""
        return self.summary.phase

    @property
    def recommendation(self) -> str:
        return "" if self.summary is None else self.summary.action

    @property
    def headline(self) -> str:
        return "" if self.summary is None else self.summary.headline

    @property
    def history(self) -> tuple[float, ...]:
        return () if self.summary is None else self.summary.history

    @property
    def baseline(self) -> float | None:
        return None if self.summary is None else self.summary.baseline

    @property
    def confirmed_by_category(self) -> Mapping[str, int]:
        return {} if self.summary is None else self.summary.confirmed_by_category

    @property
    def watching_by_category(self) -> Mapping[str, int]:
        return {} if self.summary is None else self.summary.watching_by_category

    @property
    def confirmed_total(self) -> int:
        return sum(self.confirmed_by_category.values())

    @property
    def signal_total(self) -> int:
        return self.confirmed_total + sum(self.watching_by_category.values())

    @property
    def systemic(self) -> bool:
        return self.summary is not None and self.summary.systemic

    @property
    def cadence(self) -> tuple[Mapping[str, Any], ...]:
        return () if self.summary is None else self.summary.cadence

    @property
    def owner(self) -> str:
        return self.alliance.owner_display

    def active_categories(self) -> list[tuple[str, int, int]]:
        """(category, confirmed, watching) for categories with negative signals."""
        return [
            (c, self.confirmed_by_category.get(c, 0), self.watching_by_category.get(c, 0))
            for c in CATEGORIES
            if self.confirmed_by_category.get(c) or self.watching_by_category.get(c)
        ]

    def heat_cells(self) -> list[tuple[str, str, int]]:
        """(category, score as text or "", band); text is formatted here because
        the template's floatformat is the slowest part of a large dashboard."""
        scores = {} if self.summary is None else self.summary.category_scores
        cells = []
        for c in CATEGORIES:
            score = scores.get(c)
            cells.append((c, "" if score is None else f"{float(score):.1f}", band_of(score)))
        return cells


class OccurredAt(TypedDict):
    """A row of `.values("occurred_at")` on interactions."""

    occurred_at: datetime


def store_facts(
    cutoff: date | None,
) -> tuple[QuerySet[Interaction, OccurredAt], QuerySet[CheckIn]]:
    """(last direct contact, check-ins newest first) of the alliance `OuterRef("pk")`,
    up to `cutoff`, to use as subqueries."""
    contacts = Interaction.objects.filter(DIRECT_CONTACT, alliance=OuterRef("pk"))
    checkins = CheckIn.objects.filter(alliance=OuterRef("pk"))
    if cutoff is not None:  # a backtest sees nothing dated after its day
        contacts = contacts.filter(occurred_at__lt=day_after(cutoff))
        checkins = checkins.filter(held_on__lte=cutoff)
    last_contact = contacts.order_by("-occurred_at").values("occurred_at")[:1]
    return last_contact, checkins.order_by("-held_on", "-pk")


def annotated_alliances(
    qs: QuerySet[Alliance] | None = None, cutoff: date | None = None
) -> QuerySet[Alliance]:
    """Alliances with last contact and the latest check-in (up to `cutoff`), in one query."""
    qs = Alliance.objects.filter(active=True) if qs is None else qs
    # Only the columns the pages show: a thousand model instances are built per visit.
    fields = ("name", "slug", "tier", "owner_name", "declared_phase", "active", "started_on")
    owner = ("partner__name", "owner__username", "owner__first_name", "owner__last_name")
    return with_store_facts(qs.select_related("owner", "partner").only(*fields, *owner), cutoff)


def with_store_facts(qs: QuerySet[Alliance], cutoff: date | None) -> QuerySet[Alliance]:
    """`qs` with the facts `build_row` reads besides the assessment (the last direct
    contact, the latest check-in's day, scores and comment, up to `cutoff`), as
    subqueries of the same query."""
    last_contact, checkins = store_facts(cutoff)
    return qs.annotate(
        last_contact_at=Subquery(last_contact),
        last_checkin_on=Subquery(checkins.values("held_on")[:1]),
        checkin_manual=Subquery(checkins.values("manual_score")[:1]),
        checkin_computed=Subquery(checkins.values("computed_score")[:1]),
        checkin_comment=Subquery(checkins.values("score_comment")[:1]),
        checkin_neutral=Subquery(checkins.values("neutral_reviewer")[:1]),
    )


def latest_payloads(alliances: QuerySet[Alliance]) -> dict[int, dict[str, Any]]:
    """The latest stored assessment payload of each alliance, in one query."""
    newest = Assessment.objects.filter(alliance=OuterRef("alliance")).order_by("-as_of")
    rows = Assessment.objects.filter(
        alliance__in=alliances.values("pk"), as_of=Subquery(newest.values("as_of")[:1])
    ).values_list("alliance_id", "payload")
    return {alliance_id: payload for alliance_id, payload in rows}


def build_row(alliance: Alliance, summary: Summary | None, today: date) -> Row:
    row = Row(alliance=alliance, summary=summary)
    row.last_contact = getattr(alliance, "last_contact_at", None)
    row.last_checkin = getattr(alliance, "last_checkin_on", None)
    row.checkin_manual = getattr(alliance, "checkin_manual", None)
    row.checkin_computed = getattr(alliance, "checkin_computed", None)
    row.checkin_comment = getattr(alliance, "checkin_comment", None) or ""
    row.checkin_neutral = bool(getattr(alliance, "checkin_neutral", False))
    row.next_review, row.review_overdue = next_review(
        row.cadence, alliance.tier, row.last_checkin, alliance.started_on, today
    )
    return row


def next_review(
    cadence: Iterable[Mapping[str, Any]],
    tier: int,
    last_checkin: date | None,
    started_on: date | None,
    today: date,
) -> tuple[date | None, bool]:
    """(due, overdue): from the engine's review flag when it has one, else last check-in
    + cadence."""
    for flag in cadence:
        if flag.get("code") == "review_overdue" and flag.get("due"):
            due = parse_date(flag["due"])
            return due, due is not None and due < today
    every = timedelta(days=REVIEW_EVERY_DAYS.get(tier, DEFAULT_REVIEW_DAYS))
    start = last_checkin or started_on  # never reviewed: one cycle after it began
    if start is None:
        return None, False
    due = start + every
    return due, due < today


def portfolio_rows(
    today: date,
    alliances: QuerySet[Alliance] | None = None,
    payloads: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[Row]:
    """Rows for every (active) alliance from stored assessments, or from `payloads`
    (a backtest passes its own). Store facts are cut at `today` (no future meetings)."""
    base = Alliance.objects.filter(active=True) if alliances is None else alliances
    qs = annotated_alliances(base, cutoff=today)
    listed = list(qs)
    if payloads is None:
        summaries = latest_summaries(base)  # the plain query: no subqueries to repeat
        missing = [a for a in listed if a.pk not in summaries]
        if missing:
            fresh = assess_missing(missing, today)
            summaries.update({pk: summarize(p) for pk, p in fresh.items()})
    else:
        summaries = {pk: summarize(p) for pk, p in payloads.items()}
    return [build_row(a, summaries.get(a.pk), today) for a in listed]


# A page visit assesses at most this many new alliances itself; a big import is
# assessed by `radar evaluate` (or the import), not by one unlucky page view.
MAX_INLINE_ASSESSMENTS = 50


def assess_missing(alliances: Iterable[Alliance], today: date) -> dict[int, dict[str, Any]]:
    """Evaluate and store alliances with no assessment yet (first visit after an import).

    When the engine cannot assess them the page still renders: they show as
    "not assessed" rather than failing the whole dashboard.
    """
    ids = [a.pk for a in alliances][:MAX_INLINE_ASSESSMENTS]
    try:
        fresh = evaluate_portfolio(today, alliance_ids=ids)
    except (NotImplementedError, EvaluationFailed):
        return {}
    return {a.alliance_id: a.to_dict() for a in fresh}


def awaits_neutral_review(row: Row, points: float = 2.0) -> bool:
    """The manager's score is `points` or more from the radar's and nobody else has looked."""
    gap = divergence(row)
    return gap is not None and abs(gap) >= points and not row.checkin_neutral


def divergence(row: Row) -> float | None:
    """Reviewer's manual score minus the computed one, from the latest check-in."""
    if row.checkin_manual is None or row.checkin_computed is None:
        return None
    return float(row.checkin_manual) - float(row.checkin_computed)
