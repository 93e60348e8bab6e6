"""The portfolio as the engine would have seen it on a past date."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from radar.web.roles import Ability, requires


@requires(Ability.READ)
def backtest(request: HttpRequest) -> HttpResponse:
    return render(request, "web/backtest.html", {})
