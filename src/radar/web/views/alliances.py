"""A new alliance from the dashboard, editing it, archiving (the default) and deleting it.

Creating an alliance assesses it at once, so the page it lands on has its first
score and the next steps. Archiving keeps every record and takes the alliance off
the dashboard and the evaluations; deleting is for mistakes, and asks for the
name to be typed when any record would go with it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from radar.accounts.roles import Ability, requires
from radar.portfolio.models import Alliance
from radar.web.forms.alliance import AllianceForm, NewAllianceForm
from radar.web.records.deletion import Deletion, alliance_records
from radar.web.records.respond import form_page, reassess, saved


def _alliance(slug: str) -> Alliance:
    return get_object_or_404(Alliance.objects.select_related("partner", "owner"), slug=slug)


def _form_context(form: AllianceForm, **extra: Any) -> dict[str, Any]:
    return {"form": form, "partner_names": form.partner_names(), **extra}


@requires(Ability.EDIT)
def new_alliance(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = NewAllianceForm(request.POST)
        if form.is_valid():
            alliance = form.save()
            said = reassess(alliance)
            url = reverse("alliance", args=[alliance.slug])
            return saved(request, url, f"{alliance.name} created. First assessment: {said}")
    else:
        today = timezone.localdate()
        form = NewAllianceForm(initial={"owner": request.user.pk, "tier": 2, "started_on": today})
    context = _form_context(
        form,
        heading="New alliance",
        intro="Name it, say who the partner is and who owns it. The radar scores it at once;"
        " add people, goals and the agreement next.",
        submit="Create the alliance",
        cancel_url=reverse("dashboard"),
    )
    return form_page(request, "web/records/form.html", "web/records/_form.html", context)


@requires(Ability.EDIT)
def edit_alliance(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    # The form edits its own copy: the page keeps the saved name and address while the
    # posted values are wrong.
    if request.method == "POST":
        form = AllianceForm(request.POST, instance=_alliance(slug))
        if form.is_valid():
            with transaction.atomic():
                changed = form.save()
            said = reassess(changed)
            url = reverse("alliance", args=[changed.slug])
            return saved(request, url, f"{changed.name} saved. {said}")
    else:
        form = AllianceForm(instance=_alliance(slug))
    context = _form_context(
        form,
        alliance=alliance,
        heading=f"Edit {alliance.name}",
        cancel_url=reverse("alliance", args=[alliance.slug]),
        more_links=[
            ("Archive this alliance", reverse("archive_alliance", args=[alliance.slug]), ""),
            ("Delete it", reverse("delete_alliance", args=[alliance.slug]), "danger-link"),
        ],
    )
    return form_page(request, "web/records/form.html", "web/records/_form.html", context)


@requires(Ability.EDIT)
def archive_alliance(request: HttpRequest, slug: str) -> HttpResponse:
    """GET asks; POST archives (off the dashboard and the evaluations; nothing deleted)."""
    alliance = _alliance(slug)
    if request.method == "POST":
        alliance.active = False
        alliance.save(update_fields=["active", "updated_at"])
        messages.success(
            request,
            f"{alliance.name} archived: it is off the dashboard and no longer scored. "
            "Every record is kept; restore it from “Archived alliances”.",
        )
        return redirect("archived_alliances")
    return render(request, "web/records/alliance_archive.html", {"alliance": alliance})


@requires(Ability.EDIT)
def restore_alliance(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    if request.method != "POST":
        return redirect("archived_alliances")
    alliance.active = True
    alliance.save(update_fields=["active", "updated_at"])
    said = reassess(alliance)
    messages.success(request, f"{alliance.name} restored to the dashboard. {said}")
    return redirect("alliance", slug=alliance.slug)


@requires(Ability.EDIT)
def delete_alliance(request: HttpRequest, slug: str) -> HttpResponse:
    alliance = _alliance(slug)
    deletion = Deletion(
        alliance.name,
        alliance_records(alliance),
        request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and deletion.confirmed():
        name = alliance.name
        with transaction.atomic():
            alliance.delete()
        messages.success(request, f"{name} and all its records were deleted.")
        return redirect("dashboard")
    context = {
        "alliance": alliance,
        "deletion": deletion,
        "alliance_url": reverse("alliance", args=[alliance.slug]),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/records/alliance_delete.html", context, status=status)


@requires(Ability.READ)
def archived_alliances(request: HttpRequest) -> HttpResponse:
    found = Alliance.objects.filter(active=False).select_related("partner").order_by("name")
    return render(request, "web/records/archived.html", {"alliances": found})
