"""Search the portfolio from the box in the header (`/search/?q=`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from radar.accounts.roles import Ability, requires
from radar.web.present import wants_region
from radar.web.search.results import KINDS, PER_GROUP, SHORTEST, search, terms_of

MAX_QUERY = 200


@requires(Ability.READ)
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    only = request.GET.get("in", "")
    only = only if only in KINDS else ""
    raw_page = request.GET.get("page", "1")
    page = int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 10_000 else 1
    groups = search(query, only, page)
    context = {
        "query": query,
        "terms": terms_of(query),
        "too_short": bool(query) and not terms_of(query),
        "shortest": SHORTEST,
        "groups": groups,
        "found": sum(len(g.hits) for g in groups),
        "only": only,
        "page": page,
        "per_group": PER_GROUP,
        "kinds": {key: kind.label for key, kind in KINDS.items()},
    }
    links = {key: "?" + urlencode({"q": query, "in": key}) for key in KINDS}
    links["all"] = "?" + urlencode({"q": query})
    context["links"] = links
    if only and groups:
        group = groups[0]
        context["previous"] = _page_link(query, only, page - 1) if page > 1 else ""
        context["next"] = _page_link(query, only, page + 1) if group.more else ""
    if wants_region(request):
        return render(request, "web/search/_results.html", context)
    return render(request, "web/search/page.html", context)


def _page_link(query: str, only: str, page: int) -> str:
    params: dict[str, str | int] = {"q": query, "in": only, "page": page}
    return "?" + urlencode(params)
