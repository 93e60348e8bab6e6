"""The dashboard read from the standing rows: the whole portfolio light, one page in full.

Each alliance's standing (radar.portfolio.models.Standing) holds what the
dashboard needs from its latest assessment. The filters run in SQL, then one
query reads a few plain columns per matching alliance (no payload, no model
instance) with the store facts the standing cannot hold because they change
without a re-assessment (last direct contact, latest check-in); from those
lines come the counts, the order, the page and the ranking of the attention
queue. Only the alliances shown (one page and the top of the queue) are then
read in full. The number of queries never depends on the portfolio's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from statistics import mean
from typing import Any

from django.db.models import F, QuerySet, Subquery
from django.db.models.functions import Coalesce

from radar.portfolio.models import Alliance, CheckIn
from radar.web.attention import ATTENTION_LIMIT, Group, items_for, kinds_for, rank
from radar.web.listing import Listing
from radar.web.portfolio import (
    MAX_INLINE_ASSESSMENTS,
    Row,
    annotated_alliances,
    assess_missing,
    build_row,
    next_review,
    store_facts,
)
from radar.web.present import band_of, parse_date
from radar.web.summary import latest_summaries

_OWNER = ("owner_name", "owner_id", "owner__first_name", "owner__last_name", "owner__username")
_LINE = (
    "pk",
    "name",
    "tier",
    *_OWNER,
    "declared_phase",
    "started_on",
    "standing__as_of",
    "standing__score",
    "standing__phase",
    "standing__action",
    "standing__systemic",
    "standing__confirmed_total",
    "standing__signal_total",
    "standing__signal_categories",
    "standing__cadence",
    "last_contact_at",
    "latest_checkin",
)


@dataclass(slots=True)
class Line:
    """One alliance as the whole-portfolio pass sees it (the sort keys, counts and
    attention facts of radar.web.portfolio.Row, without the alliance's model)."""

    pk: int
    name: str
    tier: int
    owner: str
    phase: str
    assessed: bool
    as_of: str
    score: float | None
    recommendation: str
    systemic: bool
    confirmed_total: int
    signal_total: int
    signal_categories: str
    cadence: tuple[Mapping[str, Any], ...]
    last_contact: datetime | None
    next_review: date | None
    review_overdue: bool
    checkin_manual: int | None
    checkin_computed: float | None
    checkin_neutral: bool

    @property
    def band(self) -> int:
        return band_of(self.score)

    def has_category(self, category: str) -> bool:
        return f" {category} " in self.signal_categories


def owner_display(owner_name: str, owner_id: int | None, first: str, last: str, user: str) -> str:
    """`Alliance.owner_display` from plain columns."""
    if owner_id is not None:
        return f"{first} {last}".strip() or user
    return owner_name


def _line(values: tuple[Any, ...], checkins: Mapping[int, tuple[Any, ...]], today: date) -> Line:
    (pk, name, tier, *owner, declared, started_on, as_of, score, phase, action) = values[:14]
    systemic, confirmed, signals, categories, cadence, last_contact, checkin = values[14:]
    last_checkin, manual, computed, neutral = checkins.get(checkin, (None, None, None, False))
    flags = tuple(cadence or ())
    due, overdue = next_review(flags, tier, last_checkin, started_on, today)
    assessed = as_of is not None
    return Line(
        pk=pk,
        name=name,
        tier=tier,
        owner=owner_display(*owner),
        phase=phase if assessed else (declared or ""),
        assessed=assessed,
        as_of=as_of.isoformat() if assessed else "",
        score=score,
        recommendation=action or "",
        systemic=bool(systemic),
        confirmed_total=confirmed or 0,
        signal_total=signals or 0,
        signal_categories=categories or "",
        cadence=flags,
        last_contact=last_contact,
        next_review=due,
        review_overdue=overdue,
        checkin_manual=manual,
        checkin_computed=computed,
        checkin_neutral=bool(neutral),
    )


def filtered(listing: Listing) -> QuerySet[Alliance]:
    """Active alliances matching the listing's filters, in SQL (the owner, a display
    name, is matched on the lines)."""
    qs = Alliance.objects.filter(active=True)
    if listing.tier:
        qs = qs.filter(tier=int(listing.tier))
    if listing.phase:
        shown = Coalesce(F("standing__phase"), F("declared_phase"))
        qs = qs.alias(shown_phase=shown).filter(shown_phase=listing.phase)
    if listing.category:
        qs = qs.filter(standing__signal_categories__contains=f" {listing.category} ")
    return qs


def lines(qs: QuerySet[Alliance], today: date) -> list[Line]:
    """One light line per alliance of `qs`, in the alliances' default order."""
    last_contact, checkins = store_facts(today)
    annotated = qs.annotate(
        last_contact_at=Subquery(last_contact), latest_checkin=Subquery(checkins.values("pk")[:1])
    )
    # The latest check-ins' facts in one more query, not four more subqueries per alliance.
    latest = CheckIn.objects.filter(pk__in=annotated.values("latest_checkin")).values_list(
        "pk", "held_on", "manual_score", "computed_score", "neutral_reviewer"
    )
    found = {pk: facts for pk, *facts in latest}
    return [_line(values, found, today) for values in annotated.values_list(*_LINE)]


def rows_for(ids: Iterable[int], today: date) -> dict[int, Row]:
    """Full dashboard rows for a few alliances (a page, the top of the queue)."""
    chosen = Alliance.objects.filter(pk__in=list(ids))
    summaries = latest_summaries(chosen)
    listed = annotated_alliances(chosen, cutoff=today)
    return {a.pk: build_row(a, summaries.get(a.pk), today) for a in listed}


def assess_unassessed(today: date) -> None:
    """Assess (and store) a few active alliances with no assessment yet, as a first
    visit after an import did before: a bounded number, the rest wait for the worker."""
    missing = list(
        Alliance.objects.filter(active=True, standing__isnull=True).only("pk")[
            :MAX_INLINE_ASSESSMENTS
        ]
    )
    if missing:
        assess_missing(missing, today)


def stats(shown: list[Line]) -> dict[str, object]:
    scores = [line.score for line in shown if line.score is not None]
    return {
        "count": len(shown),
        "average": round(mean(scores), 1) if scores else None,
        "at_risk": sum(1 for line in shown if line.score is not None and line.band <= 2),
        "confirmed": sum(line.confirmed_total for line in shown),
        "systemic": sum(1 for line in shown if line.systemic),
        "overdue": sum(1 for line in shown if line.review_overdue),
        "as_of": parse_date(max((line.as_of for line in shown if line.assessed), default="")),
    }


def ranked(shown: list[Line], today: date) -> list[int]:
    """Alliance ids needing attention, most urgent first, as radar.web.attention.grouped
    orders them (ties keep the listing's order)."""
    keyed = []
    for index, line in enumerate(shown):
        kinds = kinds_for(line, today)
        if kinds:
            keyed.append((*rank(kinds, line.score), index, line.pk))
    keyed.sort()
    return [key[-1] for key in keyed]


def owners(listing: Listing, every: list[Line]) -> tuple[list[str], int]:
    """(owners of all active alliances, their count) for the filter menu and the total."""
    if not listing.active:
        return sorted({line.owner for line in every if line.owner}, key=str.lower), len(every)
    active = Alliance.objects.filter(active=True)
    names = {owner_display(*values) for values in active.values_list(*_OWNER).distinct()}
    return sorted({name for name in names if name}, key=str.lower), active.count()


def board_context(today: date, listing: Listing) -> dict[str, object]:
    """The dashboard's context (the keys radar.web.views.dashboard.dashboard_context gives)."""
    assess_unassessed(today)
    every = lines(filtered(listing), today)
    shown = listing.apply(every)
    page = listing.page_of(shown)
    urgent = ranked(shown, today)
    top = urgent[:ATTENTION_LIMIT]
    full = rows_for({line.pk for line in page.rows} | set(top), today)
    page_rows = [full[line.pk] for line in page.rows]
    attention = [  # each alliance's items in queue order (radar.web.attention.grouped)
        Group(full[pk], tuple(sorted(items_for(full[pk], today), key=lambda i: i.priority)))
        for pk in top
    ]
    owner_names, all_count = owners(listing, every)
    return {
        "rows": page_rows,
        "page": replace(page, rows=page_rows),
        "all_count": all_count,
        "listing": listing,
        "today": today,
        "stats": stats(shown),
        "attention": attention,
        "attention_total": len(urgent),
        "owners": owner_names,
    }
