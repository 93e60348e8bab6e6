"""One alliance: score, signals with evidence, people, timeline, agreement, decisions."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from radar.portfolio.models import Alliance
from radar.web.alliance_data import alliance_context, state_context
from radar.web.present import parse_date
from radar.web.roles import Ability, can, requires


def _as_of(request: HttpRequest, today: date) -> date | None:
    """?as_of=YYYY-MM-DD shows the alliance as it stood on a past day (a backtest)."""
    day = parse_date(request.GET.get("as_of"))
    return day if day is not None and day < today else None


@requires(Ability.READ)
def alliance_page(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = get_object_or_404(Alliance.objects.select_related("partner", "owner"), slug=slug)
    today = timezone.localdate()
    context = alliance_context(alliance, today, _as_of(request, today))
    context["can_edit"] = can(request.user, Ability.EDIT)
    context["can_comment"] = can(request.user, Ability.COMMENT)
    return render(request, "web/alliance.html", context)


@requires(Ability.READ)
def alliance_state(request: HttpRequest, slug: str) -> HttpResponse:
    """Score header, recommendation and signals only: forms swap this in after a save."""
    alliance = get_object_or_404(Alliance.objects.select_related("partner", "owner"), slug=slug)
    today = timezone.localdate()
    context = state_context(alliance, today, _as_of(request, today))
    return render(request, "web/partials/alliance_state.html", context)
