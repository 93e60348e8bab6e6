"""Every change to the records, portfolio-wide, filterable (admins)."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from radar.accounts.roles import Ability, requires
from radar.portfolio.models import Alliance
from radar.web.history.changes import ACTIONS, HistoryFilters, describe, record_name, tracked_types
from radar.web.present import wants_region

PAGE_SIZE = 50


@requires(Ability.ADMINISTER)
def history_page(request: HttpRequest) -> HttpResponse:
    filters = HistoryFilters.from_query(request.GET)
    types = tracked_types()
    entries = LogEntry.objects.filter(content_type__in=types)
    if filters.alliance:
        alliance_id = Alliance.objects.filter(slug=filters.alliance).values_list("pk", flat=True)
        entries = entries.filter(additional_data__alliance_id=alliance_id.first() or 0)
    if filters.actor:
        entries = entries.filter(actor_id=int(filters.actor))
    if filters.record:
        entries = entries.filter(content_type_id=int(filters.record))
    if filters.action:
        entries = entries.filter(action=int(filters.action))
    total = entries.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(filters.page, pages)
    shown = list(
        entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")[
            (page - 1) * PAGE_SIZE : page * PAGE_SIZE
        ]
    )
    ids = {(e.additional_data or {}).get("alliance_id") for e in shown} - {None}
    # Looked up by an entry's alliance id, which an entry may not have (None).
    linked: dict[int | None, tuple[str, str]] = {
        pk: (slug, name)
        for pk, slug, name in Alliance.objects.filter(pk__in=ids).values_list("pk", "slug", "name")
    }
    rows = [
        {
            "change": describe(e),
            "alliance": linked.get((e.additional_data or {}).get("alliance_id")),
        }
        for e in shown
    ]
    params = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": pages,
        "previous": "?" + urlencode({**params, "page": page - 1}) if page > 1 else "",
        "next": "?" + urlencode({**params, "page": page + 1}) if page < pages else "",
        "filters": filters,
        "records": [(str(t.pk), record_name(t)) for t in types],
        "actions": [(str(k), v) for k, v in ACTIONS.items()],
        "actors": get_user_model().objects.filter(
            pk__in=LogEntry.objects.exclude(actor=None).values("actor_id")
        ),
        "alliances": Alliance.objects.order_by("name").values_list("slug", "name"),
        "page_url": request.path,
    }
    if wants_region(request):
        return render(request, "web/history/_list.html", context)
    return render(request, "web/history/page.html", context)
