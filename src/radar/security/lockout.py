"""What a locked-out person sees (django-axes' AXES_LOCKOUT_CALLABLE).

The sign-in page again, with a plain message saying why and for how long, a
429 status and Retry-After, so scripts and people both know when to retry.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

TEMPLATE = "registration/radar/locked_out.html"


def minutes_text(cool_off: timedelta) -> str:
    minutes = max(1, round(cool_off.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    cool_off = get_cool_off(request)
    context = {"wait": minutes_text(cool_off) if cool_off else ""}
    response = render(request, TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
