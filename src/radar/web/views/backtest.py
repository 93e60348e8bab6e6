"""The portfolio as the engine would have seen it on a past date (evaluated, not stored)."""

from __future__ import annotations

from datetime import date, timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from radar.accounts.roles import Ability, requires
from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
from radar.portfolio.models import Alliance
from radar.web.dashboard.listing import Listing
from radar.web.dashboard.portfolio import portfolio_rows
from radar.web.dashboard.summary import latest_summaries
from radar.web.present import parse_date, wants_region
from radar.web.views.dashboard import dashboard_context

DEFAULT_LOOKBACK = timedelta(days=90)


def backtest_payloads(as_of: date) -> tuple[dict[int, dict[str, object]], str]:
    """Assess every alliance as of the day; (payloads, error message for the user)."""
    try:
        found = evaluate_portfolio(as_of, store=False)
    except NotImplementedError:
        return {}, "The radar's engine is not available in this installation yet."
    except EvaluationFailed as exc:
        return {}, f"The radar could not assess {exc.alliance_name} on that day."
    return {a.alliance_id: a.to_dict() for a in found}, ""


@requires(Ability.READ)
def backtest(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    raw = request.GET.get("as_of", "")
    as_of = parse_date(raw)
    error = ""
    if raw and as_of is None:
        error = "That date could not be read; use the date picker (YYYY-MM-DD)."
    elif as_of is not None and as_of >= today:
        error = "Pick a day in the past: the dashboard already shows today."
        as_of = None
    context: dict[str, object] = {
        "today": today,
        "suggested": today - DEFAULT_LOOKBACK,
        "max_date": today - timedelta(days=1),
        "error": error,
        "as_of": as_of,
        "page_url": request.path,
    }
    if as_of is not None and not error:
        payloads, error = backtest_payloads(as_of)
        context["error"] = error
        listing = Listing.from_query(request.GET)
        ids = list(payloads)
        rows = portfolio_rows(as_of, Alliance.objects.filter(pk__in=ids), payloads)
        context.update(dashboard_context(rows, listing, as_of))
        context["today"] = as_of
        now = latest_summaries(Alliance.objects.filter(pk__in=ids))
        context["now_scores"] = {pk: s.score for pk, s in now.items()}
        if wants_region(request):
            return render(request, "web/partials/portfolio.html", context)
    return render(request, "web/backtest.html", context)
