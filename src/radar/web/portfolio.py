"""The dashboard's data: one row per alliance, read in a fixed number of queries.

Pages read the latest stored `Assessment` per alliance (its payload is
`Assessment.to_dict()`, docs/assessment-schema.md). A handful of facts the
payload does not carry (last direct contact, last check-in, its scores) come
from correlated subqueries on the alliance query, so the number of queries
stays the same whether the portfolio has three alliances or a thousand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from radar.engine.vocab import Category
from radar.portfolio.models import Alliance, Assessment, CheckIn, Interaction
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


@dataclass
class Row:
    """What the dashboard shows for one alliance."""

    alliance: Alliance
    payload: Mapping[str, Any] | None
    last_contact: datetime | None = None
    last_checkin: date | None = None
    next_review: date | None = None
    review_overdue: bool = False
    checkin_manual: int | None = None
    checkin_computed: float | None = None
    confirmed_by_category: dict[str, int] = field(default_factory=dict)
    watching_by_category: dict[str, int] = field(default_factory=dict)
    category_scores: dict[str, float | None] = field(default_factory=dict)

    @property
    def assessed(self) -> bool:
        return self.payload is not None

    @property
    def score(self) -> float | None:
        return None if self.payload is None else float(self.payload["score"])

    @property
    def band(self) -> int:
        return band_of(self.score)

    @property
    def trend(self) -> str:
        return "" if self.payload is None else str(self.payload.get("trend", ""))

    @property
    def phase(self) -> str:
        if self.payload is None:
            return self.alliance.declared_phase or ""
        return str(self.payload["phase"]["phase"])

    @property
    def recommendation(self) -> str:
        return "" if self.payload is None else str(self.payload["recommendation"]["action"])

    @property
    def headline(self) -> str:
        return "" if self.payload is None else str(self.payload["recommendation"]["headline"])

    @property
    def history(self) -> list[float]:
        if self.payload is None:
            return []
        return [float(p["score"]) for p in self.payload.get("score_history", [])]

    @property
    def baseline(self) -> float | None:
        return None if self.payload is None else self.payload.get("baseline_score")

    @property
    def confirmed_total(self) -> int:
        return sum(self.confirmed_by_category.values())

    @property
    def signal_total(self) -> int:
        return self.confirmed_total + sum(self.watching_by_category.values())

    @property
    def systemic(self) -> bool:
        return bool(self.payload and self.payload.get("systemic"))

    @property
    def cadence(self) -> list[Mapping[str, Any]]:
        return [] if self.payload is None else list(self.payload.get("cadence", []))

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

    def heat_cells(self) -> list[tuple[str, float | None, int]]:
        return [
            (c, self.category_scores.get(c), band_of(self.category_scores.get(c)))
            for c in CATEGORIES
        ]


def annotated_alliances(
    qs: QuerySet[Alliance] | None = None, cutoff: date | None = None
) -> QuerySet[Alliance]:
    """Alliances with last contact and the latest check-in (up to `cutoff`), in one query."""
    qs = Alliance.objects.filter(active=True) if qs is None else qs
    contacts = Interaction.objects.filter(DIRECT_CONTACT, alliance=OuterRef("pk"))
    checkins = CheckIn.objects.filter(alliance=OuterRef("pk"))
    if cutoff is not None:  # a backtest sees nothing dated after its day
        contacts = contacts.filter(occurred_at__date__lte=cutoff)
        checkins = checkins.filter(held_on__lte=cutoff)
    last_contact = contacts.order_by("-occurred_at").values("occurred_at")[:1]
    checkins = checkins.order_by("-held_on", "-pk")
    return qs.select_related("owner", "partner").annotate(
        last_contact_at=Subquery(last_contact),
        last_checkin_on=Subquery(checkins.values("held_on")[:1]),
        checkin_manual=Subquery(checkins.values("manual_score")[:1]),
        checkin_computed=Subquery(checkins.values("computed_score")[:1]),
    )


def latest_payloads(alliances: QuerySet[Alliance]) -> dict[int, dict[str, Any]]:
    """The latest stored assessment payload of each alliance, in one query."""
    newest = Assessment.objects.filter(alliance=OuterRef("alliance")).order_by("-as_of")
    rows = Assessment.objects.filter(
        alliance__in=alliances.values("pk"), as_of=Subquery(newest.values("as_of")[:1])
    ).values_list("alliance_id", "payload")
    return {alliance_id: payload for alliance_id, payload in rows}


def build_row(alliance: Alliance, payload: Mapping[str, Any] | None, today: date) -> Row:
    row = Row(alliance=alliance, payload=payload)
    row.last_contact = getattr(alliance, "last_contact_at", None)
    row.last_checkin = getattr(alliance, "last_checkin_on", None)
    row.checkin_manual = getattr(alliance, "checkin_manual", None)
    row.checkin_computed = getattr(alliance, "checkin_computed", None)
    row.next_review, row.review_overdue = _next_review(alliance, row, today)
    if payload is not None:
        for signal in payload.get("signals", []):
            if signal.get("polarity") != "negative":
                continue
            bucket = row.confirmed_by_category if signal["confirmed"] else row.watching_by_category
            bucket[signal["category"]] = bucket.get(signal["category"], 0) + 1
        for cat in payload.get("categories", []):
            row.category_scores[cat["category"]] = cat.get("score")
    return row


def _next_review(alliance: Alliance, row: Row, today: date) -> tuple[date | None, bool]:
    """From the engine's review flag when it has one, else last check-in + cadence."""
    for flag in row.cadence:
        if "review" in str(flag.get("code", "")) and flag.get("due"):
            due = parse_date(flag["due"])
            return due, due is not None and due < today
    every = timedelta(days=REVIEW_EVERY_DAYS.get(alliance.tier, 92))
    if row.last_checkin is None:
        return None, True
    due = row.last_checkin + every
    return due, due < today


def portfolio_rows(
    today: date,
    alliances: QuerySet[Alliance] | None = None,
    payloads: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[Row]:
    """Rows for every (active) alliance; stored payloads unless `payloads` is given
    (a backtest passes its own). Store facts are cut at `today` (no future meetings)."""
    qs = annotated_alliances(alliances, cutoff=today)
    listed = list(qs)
    if payloads is None:
        payloads = latest_payloads(qs)
        missing = [a for a in listed if a.pk not in payloads]
        if missing:
            payloads = {**payloads, **assess_missing(missing, today)}
    return [build_row(a, payloads.get(a.pk), today) for a in listed]


def assess_missing(alliances: Iterable[Alliance], today: date) -> dict[int, dict[str, Any]]:
    """Evaluate and store alliances with no assessment yet (first visit after an import).

    When the engine cannot assess them the page still renders: they show as
    "not assessed" rather than failing the whole dashboard.
    """
    from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio

    try:
        fresh = evaluate_portfolio(today, alliance_ids=[a.pk for a in alliances])
    except (NotImplementedError, EvaluationFailed):
        return {}
    return {a.alliance_id: a.to_dict() for a in fresh}


def divergence(row: Row) -> float | None:
    """Reviewer's manual score minus the computed one, from the latest check-in."""
    if row.checkin_manual is None or row.checkin_computed is None:
        return None
    return float(row.checkin_manual) - float(row.checkin_computed)
