"""List, add, edit and delete an alliance's records (people, goals, metrics, governance,
surveys and their responses, action items): one set of views for every `Kind`.

Reading the lists is for every reader; changing them for managers and admins.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from radar.accounts.roles import Ability, can, requires
from radar.portfolio import hand_changes
from radar.portfolio.models import Alliance
from radar.web.alliance.goals import goal_rows
from radar.web.records.deletion import Deletion
from radar.web.records.kinds import KINDS, Kind, label_of
from radar.web.records.respond import form_page, reassess, saved


def _alliance(slug: str) -> Alliance:
    return get_object_or_404(Alliance.objects.select_related("partner"), slug=slug)


def _record(kind: Kind, alliance: Alliance, pk: int) -> Any:
    return get_object_or_404(kind.scope(alliance), pk=pk)


def list_url(kind: Kind, alliance: Alliance, pk: int | None = None) -> str:
    url = reverse(kind.list_name, args=[alliance.slug])
    return f"{url}?saved={pk}#{kind.key}-{pk}" if pk else url


@requires(Ability.READ)
def record_list(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    found = KINDS[kind]
    alliance = _alliance(slug)
    rows = list(found.scope(alliance))
    context = {
        "alliance": alliance,
        "kind": found,
        "rows": [
            (r, [(c.value(r), c.numeric, c.label) for c in found.columns], found.muted(r))
            for r in rows
        ],
        "records": rows,
        "saved_pk": request.GET.get("saved", ""),
        "can_edit": can(request.user, Ability.EDIT),
        **_extra(found, alliance, rows),
    }
    return render(request, "web/records/list.html", context)


def _extra(kind: Kind, alliance: Alliance, rows: list[Any]) -> dict[str, Any]:
    """What a kind's own list template needs beyond the rows."""
    if kind.key == "goal":
        return {"goals": goal_rows(alliance, rows)}
    return {}


def _by_hand(record: Any) -> bool:
    """Records outside the signal-tracked history, whose changes are logged here."""
    return type(record) in hand_changes.BY_HAND


def _log_saved(record: Any, before: dict[str, str] | None) -> None:
    if not _by_hand(record):
        return
    if before is None:
        hand_changes.log_added(record)
    else:
        hand_changes.log_changed(record, before)


@requires(Ability.EDIT)
def record_form(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    found = KINDS[kind]
    alliance = _alliance(slug)
    instance = _record(found, alliance, pk) if pk is not None else None
    kwargs: dict[str, Any] = {"alliance": alliance, "user": request.user, "instance": instance}
    if request.method == "POST":
        # Taken before validation, which writes the posted values onto the instance.
        before = (
            hand_changes.state(instance) if instance is not None and _by_hand(instance) else None
        )
        form = found.form(request.POST, **kwargs)
        if form.is_valid():
            with transaction.atomic():
                record = form.save()
                _log_saved(record, before)
            verb = "saved" if instance is not None else "added"
            said = reassess(alliance)
            message = f"{found.noun.capitalize()} {verb}: {label_of(record)}. {said}"
            return saved(request, list_url(found, alliance, record.pk), message)
    else:
        form = found.form(initial=_initial(request, found), **kwargs)
    context = {
        "alliance": alliance,
        "kind": found,
        "form": form,
        "instance": instance,
        "heading": f"Edit {label_of(instance)}" if instance is not None else f"Add {found.a_noun}",
        "intro": found.intro,
        **_crumbs(found, alliance),
    }
    return form_page(request, "web/records/form.html", "web/records/_form.html", context)


def _crumbs(kind: Kind, alliance: Alliance) -> dict[str, str]:
    url = list_url(kind, alliance)
    return {"list_url": url, "list_title": kind.title, "cancel_url": url}


def _initial(request: HttpRequest, kind: Kind) -> dict[str, Any]:
    """Links may preselect a field: ?survey=3 on "Add a response", ?decision=… on an action."""
    names = set(kind.form.base_fields) | set(kind.form._meta.fields or ())  # type: ignore[attr-defined]
    return {k: v for k, v in request.GET.items() if k in names}


@requires(Ability.EDIT)
def record_delete(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    found = KINDS[kind]
    alliance = _alliance(slug)
    record = _record(found, alliance, pk)
    posted = request.POST if request.method == "POST" else None
    deletion = Deletion(label_of(record), found.dependents(record), posted)
    if request.method == "POST" and deletion.confirmed():
        name = label_of(record)
        with transaction.atomic():
            if _by_hand(record):
                hand_changes.log_deleted(record)
            record.delete()
        message = f"{found.noun.capitalize()} deleted: {name}. {reassess(alliance)}"
        return saved(request, list_url(found, alliance), message)
    context = {
        "alliance": alliance,
        "kind": found,
        "record": record,
        "noun": found.noun,
        "instead": found.instead,
        "deletion": deletion,
        **_crumbs(found, alliance),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/records/delete.html", context, status=status)


@requires(Ability.EDIT)
def goals_reviewed(request: HttpRequest, slug: str) -> HttpResponse:
    """POST: every goal of the alliance was reviewed (with the partner) today."""
    alliance = _alliance(slug)
    if request.method != "POST":
        return redirect("goals", slug=alliance.slug)
    today = timezone.localdate()
    count = alliance.goals.update(reviewed_on=today)
    message = (
        f"{count} goal{'s' if count != 1 else ''} marked as reviewed today. {reassess(alliance)}"
    )
    return saved(request, reverse("goals", args=[alliance.slug]), message)
