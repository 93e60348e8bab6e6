"""The people directory (everyone reads it) and each person's keep-in-touch rhythm (managers)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from radar.accounts.roles import Ability, can, requires
from radar.engine.vocab import ContactRole, Side
from radar.portfolio.choices import label_of
from radar.portfolio.models import Contact
from radar.web.people.directory import Filters, directory, person_of, same_person
from radar.web.present import wants_region


class KeepInTouchForm(forms.Form):
    every = forms.IntegerField(
        label="Keep in touch every (days)",
        required=False,
        min_value=1,
        max_value=730,
        help_text="Leave empty for the alliance tier's rhythm.",
    )


@requires(Ability.READ)
def people_directory(request: HttpRequest) -> HttpResponse:
    filters = Filters.from_query(request.GET)
    found = directory(filters, timezone.localdate())
    context = {
        "directory": found,
        "filters": filters,
        "links": {
            "overdue": filters.query(overdue=True, page=1),
            "backup": filters.query(no_backup=True, page=1),
            "previous": filters.query(page=found.page - 1) if found.page > 1 else "",
            "next": filters.query(page=found.page + 1) if found.page < found.pages else "",
        },
        "sides": [(s.value, label_of(Side, s.value)) for s in Side],
        "roles": [(r.value, label_of(ContactRole, r.value)) for r in ContactRole],
        "can_edit": can(request.user, Ability.EDIT),
        "page_url": request.path,
    }
    if wants_region(request):
        return render(request, "web/people/_list.html", context)
    return render(request, "web/people/directory.html", context)


@require_POST
@requires(Ability.EDIT)
def keep_in_touch(request: HttpRequest, pk: int) -> HttpResponse:
    """Set (or clear) how often to speak with a person, on every alliance they belong to."""
    contact = get_object_or_404(Contact, pk=pk)
    form = KeepInTouchForm(request.POST)
    if form.is_valid():
        every = form.cleaned_data["every"]
        same_person(contact).update(keep_in_touch_days=every)
        done = (
            f"Keep in touch with {contact.name} every {every} days."
            if every
            else f"{contact.name} follows the alliance tier's rhythm again."
        )
    else:
        done = f"Not saved: {' '.join(str(e) for e in form.errors.get('every', []))}"
    if wants_region(request):
        person = person_of(contact, timezone.localdate())
        context = {"p": person, "can_edit": True, "status": done, "invalid": not form.is_valid()}
        return render(request, "web/people/_row.html", context)
    (messages.success if form.is_valid() else messages.error)(request, done)
    return HttpResponseRedirect(_back(request), status=303)  # see the list again, by GET


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("people_directory")
