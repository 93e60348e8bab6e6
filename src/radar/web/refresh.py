"""Re-evaluate one alliance after a write, and answer the browser.

Every form save ends here: the engine re-assesses the alliance (stored by
radar.portfolio.assessments), then an HTMX request gets the alliance-state partial
so the page updates in place, and a plain form post is redirected back.
"""

from __future__ import annotations

import logging
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe

from radar.portfolio.assessments import EvaluationFailed, reassess_alliance
from radar.portfolio.models import Alliance, Assessment
from radar.web.views.alliance import alliance_state

logger = logging.getLogger(__name__)


def refresh(alliance: Alliance, as_of: date) -> Assessment | None:
    """Re-assess `alliance` as of `as_of` and return the stored result.

    None when the engine could not score it: the user's data is saved either way,
    and the failure is logged for the operator instead of shown as a traceback.
    """
    try:
        reassess_alliance(alliance.pk, as_of)
    except EvaluationFailed:
        logger.exception("Could not re-assess %s after a save", alliance)
        return None
    return alliance.assessments.filter(as_of=as_of).first() or latest_assessment(alliance)


def score_change(before: Assessment | None, after: Assessment | None) -> str:
    """A short sentence on what the save did to the score."""
    if after is None:
        return "The score could not be recalculated just now; it will be at the next evaluation."
    now = _shown(after.score)
    if after.score is None and (before is None or before.score is None):
        return "Not enough data to score it yet."  # a new alliance: a first meeting, a few e-mails
    if before is None or _shown(before.score) == now:
        return f"Score {now}."
    return f"Score now {now} (was {_shown(before.score)})."


def _shown(score: float | None) -> str:
    return "not enough data yet" if score is None else f"{score:.1f}"


def latest_assessment(alliance: Alliance) -> Assessment | None:
    return alliance.assessments.order_by("-as_of").first()


def render_state(request: HttpRequest, alliance: Alliance) -> SafeString:
    """The alliance-state partial, rendered by the alliance page's own view so the
    forms and the alliance page always show the same thing."""
    response = alliance_state(request, alliance.slug)
    return mark_safe(response.content.decode())


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def alliance_url(alliance: Alliance) -> str:
    return reverse("alliance", args=[alliance.slug])


def back_url(request: HttpRequest, alliance: Alliance) -> str:
    """Where a plain (non-HTMX) post returns: a safe `next`, else the alliance page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return alliance_url(alliance)


def saved(
    request: HttpRequest,
    alliance: Alliance,
    message: str,
    *,
    as_of: date,
    fresh_form: str = "",
    followup: str = "",
) -> HttpResponse:
    """Re-evaluate, then: HTMX -> the new alliance state (+ a blank form); else redirect."""
    before = latest_assessment(alliance)
    after = refresh(alliance, as_of)
    message = f"{message} {score_change(before, after)}".strip()
    if not is_htmx(request):
        messages.success(request, message)
        return redirect(back_url(request, alliance))
    context = {
        "alliance": alliance,
        "state": render_state(request, alliance),
        "message": message,
        "fresh_form": mark_safe(fresh_form),
        "followup": mark_safe(followup),
    }
    return render(request, "web/forms/saved.html", context)
