"""Action items: the portfolio-wide list (everyone reads it) and done/undone in one click."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from radar.accounts.roles import Ability, can, requires
from radar.portfolio.models import ActionItem, Alliance
from radar.web.actions.items import STATUSES, ActionFilters, action_page, owners
from radar.web.present import wants_region

# Where an action is shown -> the template that draws it (the toggle swaps it in place).
VARIANTS = {
    "row": "web/actions/_row.html",
    "item": "web/actions/_item.html",
    "step": "web/actions/_step.html",
}


@requires(Ability.READ)
def action_list(request: HttpRequest) -> HttpResponse:
    filters = ActionFilters.from_query(request.GET)
    today = timezone.localdate()
    found = action_page(filters, request.user, today)
    context = {
        "found": found,
        "filters": filters,
        "statuses": STATUSES,
        "owners": owners(),
        "alliances": Alliance.objects.filter(active=True)
        .order_by("name")
        .values_list("slug", "name"),
        "links": {
            "previous": filters.query(page=found.page - 1) if found.page > 1 else "",
            "next": filters.query(page=found.page + 1) if found.page < found.pages else "",
        },
        "today": today,
        "can_edit": can(request.user, Ability.EDIT),
        "page_url": request.path,
    }
    if wants_region(request):
        return render(request, "web/actions/_list.html", context)
    return render(request, "web/actions/list.html", context)


@require_POST
@requires(Ability.EDIT)
def toggle_action(request: HttpRequest, pk: int) -> HttpResponse:
    """done=1 marks the action done today; done=0 opens it again (safe to send twice)."""
    action = get_object_or_404(ActionItem.objects.select_related("decision__alliance"), pk=pk)
    today = timezone.localdate()
    done = request.POST.get("done") == "1"
    if done and action.done_on is None:
        action.done_on = today
        action.save(update_fields=["done_on"])
    elif not done and action.done_on is not None:
        action.done_on = None
        action.save(update_fields=["done_on"])
    said = f"“{action.title}” {'done' if done else 'open again'}."
    variant = request.POST.get("variant", "row")
    if wants_region(request) and variant in VARIANTS:
        context = {"action": action, "today": today, "can_edit": True, "status": said}
        return render(request, VARIANTS[variant], context)
    messages.success(request, said)
    return HttpResponseRedirect(_back(request, action), status=303)


def _back(request: HttpRequest, action: ActionItem) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("alliance", args=[action.decision.alliance.slug]) + "#actions"
