"""The write side: log an interaction, a deliverable, a metric value, an observation,
a context factor, a decision. Managers and admins only; every save re-evaluates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone

from radar.accounts.roles import Ability, requires
from radar.portfolio.models import Alliance, Deliverable, Playbook
from radar.portfolio.playbooks import apply_playbook, owner_for
from radar.web.forms import (
    ActionItemFormSet,
    ContextFactorForm,
    DecisionForm,
    DeliverableForm,
    InteractionForm,
    MetricValueForm,
    ObservationForm,
)
from radar.web.forms.decisions import decision_needs_actions
from radar.web.refresh import is_htmx, render_state, saved


@dataclass(frozen=True)
class Entry:
    form: type[forms.BaseForm]
    title: str
    intro: str
    saved: str
    submit: str = "Save"


ENTRIES: dict[str, Entry] = {
    "interaction": Entry(
        InteractionForm,
        "Log an interaction",
        "A meeting, call, e-mail or message with the partner. Cancelled meetings count too.",
        "Interaction logged.",
    ),
    "deliverable": Entry(
        DeliverableForm,
        "Deliverable",
        "Something one side owes the other, with its due date and where it stands.",
        "Deliverable saved.",
    ),
    "metric": Entry(
        MetricValueForm,
        "Record a metric value",
        "One value per metric and month; entering a month again corrects it.",
        "Metric value recorded.",
    ),
    "observation": Entry(
        ObservationForm,
        "Record an observation",
        "Something you noticed, inside the alliance or outside it (press, job ads, roadmaps).",
        "Observation recorded.",
    ),
    "context": Entry(
        ContextFactorForm,
        "Add a context factor",
        "An outside force (downturn, merger, leadership change, regulation) that may explain"
        " signals. Signals during it are marked as possibly external.",
        "Context factor added.",
    ),
}


def _render_form(request: HttpRequest, form: forms.BaseForm, *, oob: bool = False) -> str:
    return render_to_string(
        "web/forms/_entry_form.html", {"form": form, "oob": oob}, request=request
    )


def invalid(
    request: HttpRequest, page: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    """Errors go back into the form: swapped in place for HTMX (200, or htmx would not
    swap it), the whole page with a 400 otherwise."""
    if is_htmx(request):
        response = render(request, fragment, context)
        response["HX-Retarget"] = "#entry-form"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, page, context, status=400)


def entry_view(kind: str) -> Callable[..., HttpResponse]:
    entry = ENTRIES[kind]

    @requires(Ability.EDIT)
    def view(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
        alliance = get_object_or_404(Alliance, slug=slug)
        instance = get_object_or_404(Deliverable, pk=pk, alliance=alliance) if pk else None
        kwargs: dict[str, Any] = {"alliance": alliance, "user": request.user}
        if instance is not None:
            kwargs["instance"] = instance
        if request.method == "POST":
            form = entry.form(request.POST, **kwargs)
            if form.is_valid():
                with transaction.atomic():
                    form.save()  # type: ignore[attr-defined]
                fresh = ""
                if is_htmx(request):  # a plain post is redirected: no form to send back
                    blank = entry.form(**kwargs) if instance is None else form
                    fresh = _render_form(request, blank, oob=True)
                return saved(
                    request, alliance, entry.saved, as_of=timezone.localdate(), fresh_form=fresh
                )
        else:
            form = entry.form(**kwargs)
        context = {
            "alliance": alliance,
            "entry": entry,
            "form": form,
            "instance": instance,
            "next_url": request.POST.get("next") or request.GET.get("next", ""),
        }
        if not is_htmx(request):
            context["state"] = render_state(request, alliance)
            if kind == "deliverable":
                # Updating is the common case: list what is still open to pick from.
                context["open_deliverables"] = alliance.deliverables.exclude(
                    status__in=["done", "cancelled"]
                ).order_by("due_on")[:30]
        if request.method == "POST":
            return invalid(request, "web/forms/entry.html", "web/forms/_entry_form.html", context)
        return render(request, "web/forms/entry.html", context)

    view.__name__ = f"{kind}_entry"
    return view


log_interaction = entry_view("interaction")
edit_deliverable = entry_view("deliverable")
record_metric = entry_view("metric")
add_observation = entry_view("observation")
add_context_factor = entry_view("context")


def active_playbooks() -> list[Playbook]:
    return list(Playbook.objects.filter(active=True).prefetch_related("steps"))


@requires(Ability.EDIT)
def record_decision(request: HttpRequest, slug: str) -> HttpResponse:
    """A decision with its action items (owner and due date each), saved together."""
    alliance = get_object_or_404(Alliance, slug=slug)
    data = request.POST if request.method == "POST" else None
    form = DecisionForm(data, alliance=alliance, user=request.user)
    actions = ActionItemFormSet(data, prefix="actions")
    if data is not None and form.is_valid() and actions.is_valid():
        if decision_needs_actions(form, actions):
            form.add_error(None, "A reset or an exit needs at least one action item.")
        else:
            with transaction.atomic():
                decision = form.save()
                actions.instance = decision
                actions.save()
                planned = []
                if form.cleaned_data.get("use_playbook"):
                    planned = apply_playbook(decision, owner_for(decision, request.user))
            blank = {
                "form": DecisionForm(alliance=alliance),
                "actions": ActionItemFormSet(prefix="actions"),
                "playbooks": active_playbooks(),
                "oob": True,
            }
            added = f" {len(planned)} actions from the playbook added." if planned else ""
            return saved(
                request,
                alliance,
                f"Decision recorded: {decision.get_kind_display()}.{added}",
                as_of=timezone.localdate(),
                fresh_form=render_to_string("web/forms/_decision_form.html", blank, request),
            )
    context = {
        "alliance": alliance,
        "form": form,
        "actions": actions,
        "playbooks": active_playbooks(),
    }
    if not is_htmx(request):
        context["state"] = render_state(request, alliance)
    if data is not None:
        return invalid(request, "web/forms/decision.html", "web/forms/_decision_form.html", context)
    return render(request, "web/forms/decision.html", context)
