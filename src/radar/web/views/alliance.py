"""One alliance: an overview (score, why, recommendation, next steps) and its sections."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from radar.accounts.roles import Ability, can, requires
from radar.portfolio.models import Alliance
from radar.web.alliance.data import (
    alliance_context,
    payload_for,
    state_context,
    with_overview_facts,
)
from radar.web.alliance.timeline import KINDS, parse_kinds, parse_page, timeline
from radar.web.present import parse_date, wants_region


def _as_of(request: HttpRequest, today: date) -> date | None:
    """?as_of=YYYY-MM-DD shows the alliance as it stood on a past day (a backtest)."""
    day = parse_date(request.GET.get("as_of"))
    return day if day is not None and day < today else None


def _alliance(slug: str, facts_on: date | None = None) -> Alliance:
    """The alliance, with the overview's facts up to `facts_on` when given. The
    agreement too: the overview, the agreement section, the goals and the
    agreement's flags all read it."""
    found = Alliance.objects.select_related("partner", "owner", "agreement")
    if facts_on is not None:
        found = with_overview_facts(found, facts_on)
    return get_object_or_404(found, slug=slug)


@requires(Ability.READ)
def alliance_page(request: HttpRequest, slug: str) -> HttpResponse:
    today = timezone.localdate()
    as_of = _as_of(request, today)
    alliance = _alliance(slug, facts_on=as_of or today)
    can_edit = can(request.user, Ability.EDIT)
    context = alliance_context(alliance, today, as_of, can_edit=can_edit)
    context["can_edit"] = can_edit
    context["can_comment"] = can(request.user, Ability.COMMENT)
    context["timeline_kinds"] = KINDS
    return render(request, "web/alliance.html", context)


@requires(Ability.READ)
def alliance_state(request: HttpRequest, slug: str) -> HttpResponse:
    """The overview only: forms swap this in after a save."""
    today = timezone.localdate()
    as_of = _as_of(request, today)
    alliance = _alliance(slug, facts_on=as_of or today)
    can_edit = can(request.user, Ability.EDIT)
    context = state_context(alliance, today, as_of, can_edit=can_edit)
    return render(request, "web/partials/alliance_state.html", context)


@requires(Ability.READ)
def alliance_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    """The timeline filtered by kind, page by page: the whole page, or only the list for HTMX."""
    alliance = _alliance(slug)
    today = timezone.localdate()
    as_of = _as_of(request, today)
    cutoff = as_of or today
    kinds = parse_kinds(request.GET.getlist("kind"))
    page = parse_page(request.GET.get("page"))
    payload = payload_for(alliance, today, as_of) if "signal" in kinds else None
    context = {
        "alliance": alliance,
        "as_of": as_of,
        "timeline": timeline(alliance, payload, cutoff, kinds, page, as_of),
        "timeline_kinds": KINDS,
    }
    if wants_region(request):
        return render(request, "web/alliance/_timeline_list.html", context)
    return render(request, "web/alliance/timeline_page.html", context)
