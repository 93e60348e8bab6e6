"""How every record form answers: errors in place, the record's page after saving.

HTMX posts get the form back with its errors (swapped where it stands) or, once
saved, an HX-Redirect to the record's page; plain posts get the whole page with
a 400, or a redirect. Either way the saved page says what happened at the top,
and the alliance is re-assessed so its score reflects the change.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from radar.portfolio.models import Alliance
from radar.web.refresh import is_htmx, latest_assessment, refresh, score_change


def reassess(alliance: Alliance) -> str:
    """Re-assess after a change to its records; the sentence on what the score did."""
    if not alliance.active:
        return "The alliance is archived, so it is not scored."
    before = latest_assessment(alliance)
    return score_change(before, refresh(alliance, timezone.localdate()))


def saved(request: HttpRequest, url: str, message: str) -> HttpResponse:
    messages.success(request, message)
    if is_htmx(request):
        response = HttpResponse(status=200)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def form_page(
    request: HttpRequest, page: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    """The form (again): a fragment for HTMX, the page otherwise; 400 after a bad post."""
    posted = request.method == "POST"
    if posted and is_htmx(request):
        return render(request, fragment, context)
    return render(request, page, context, status=400 if posted else 200)
