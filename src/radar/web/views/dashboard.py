"""The portfolio dashboard: every alliance, filters, heatmap and the attention queue."""

from __future__ import annotations

from datetime import date
from statistics import mean

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from radar.accounts.roles import Ability, requires
from radar.web.dashboard.attention import ATTENTION_LIMIT, attention_queue, grouped
from radar.web.dashboard.board import board_context
from radar.web.dashboard.listing import PHASES, Listing
from radar.web.dashboard.portfolio import CATEGORIES, Row
from radar.web.present import parse_date, wants_region


def summary(rows: list[Row]) -> dict[str, object]:
    scores = [r.score for r in rows if r.score is not None]
    return {
        "count": len(rows),
        "average": round(mean(scores), 1) if scores else None,
        "at_risk": sum(1 for r in rows if r.score is not None and r.band <= 2),
        "confirmed": sum(r.confirmed_total for r in rows),
        "systemic": sum(1 for r in rows if r.systemic),
        "overdue": sum(1 for r in rows if r.review_overdue),
        # The newest assessment day on show ("scores as of …").
        "as_of": parse_date(max((r.as_of for r in rows if r.summary), default="")),
    }


COLUMNS = [
    ("name", "Alliance"),
    ("score", "Score"),
    ("", "Trend"),
    ("phase", "Phase"),
    ("signals", "Active signals"),
    ("contact", "Last contact"),
    ("review", "Next review"),
    ("recommendation", "Recommendation"),
    ("owner", "Owner"),
]


def dashboard_context(rows: list[Row], listing: Listing, today: date) -> dict[str, object]:
    """The dashboard over rows at hand (a backtest's); today's reads radar.web.dashboard.board."""
    shown = listing.apply(rows)
    page = listing.page_of(shown)
    attention = grouped(attention_queue(shown, today))
    return {
        "rows": page.rows,
        "page": page,
        "all_count": len(rows),
        "listing": listing,
        "today": today,
        "stats": summary(shown),
        "attention": attention[:ATTENTION_LIMIT],
        "attention_total": len(attention),
        "owners": sorted({r.owner for r in rows if r.owner}, key=str.lower),
        **static_context(),
    }


def static_context() -> dict[str, object]:
    return {"categories": CATEGORIES, "phases": PHASES, "columns": COLUMNS}


@requires(Ability.READ)
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    listing = Listing.from_query(request.GET)
    context = board_context(today, listing)
    context.update(static_context())
    context["page_url"] = request.path
    # HTMX filter/sort requests swap only the portfolio region.
    if wants_region(request):
        return render(request, "web/partials/portfolio.html", context)
    return render(request, "web/dashboard.html", context)
