"""One alliance: score, signals, evidence, people, timeline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from radar.portfolio.models import Alliance
from radar.web.roles import Ability, requires


@requires(Ability.READ)
def alliance_page(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = get_object_or_404(Alliance, slug=slug)
    return render(request, "web/alliance.html", {"alliance": alliance})


@requires(Ability.READ)
def alliance_state(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = get_object_or_404(Alliance, slug=slug)
    return render(request, "web/partials/alliance_state.html", {"alliance": alliance})
