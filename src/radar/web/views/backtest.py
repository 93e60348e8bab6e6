"""The portfolio as the engine would have seen it on a past date."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def backtest(request: HttpRequest) -> HttpResponse:
    return render(request, "web/backtest.html", {})
