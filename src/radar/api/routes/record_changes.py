"""Change (PATCH) or delete (DELETE) one contact, interaction, observation or decision.

The same role rule as creating them (editors), the same checks as the web forms,
and the alliance is re-assessed after each change, as after a POST. A change that
would make a record repeat another (the store's unique keys: a person's name without
an e-mail, an observation's day and title, a decision's day and kind) is a 409, as
the same record sent by POST is, instead of failing in the database.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Status

from radar.api.auth import EDITORS
from radar.api.bounds import Id
from radar.api.patches import ContactPatch, DecisionPatch, InteractionPatch, ObservationPatch
from radar.api.routes.alliances import alliance_or_404
from radar.api.routes.records import NEEDS_ACTIONS
from radar.api.schemas import ContactOut, DecisionOut, InteractionOut, ObservationOut
from radar.api.statuses import answers
from radar.portfolio import hand_changes
from radar.portfolio.assessments import reassess_alliance
from radar.portfolio.models import ActionItem, Contact, Decision, Interaction, Observation

router = Router()


def _problem(field: str, message: str) -> Status[object]:
    return Status(422, {"detail": [{"loc": ["body", "data", field], "msg": message}]})


def _record(model: type[Model], slug: str, pk: int) -> Any:
    alliance = alliance_or_404(slug)
    return get_object_or_404(model, pk=pk, alliance=alliance)


def _clash(record: Any, changes: dict[str, Any]) -> Status[object] | None:
    """Make the changes in memory; a 409 when the record would then repeat another."""
    for field, value in changes.items():
        setattr(record, field, value)
    try:
        record.validate_constraints()
    except ValidationError as clash:
        return Status(409, {"detail": " ".join(clash.messages)})
    return None


def _save(record: Any) -> None:
    record.save()
    reassess_alliance(record.alliance_id, timezone.localdate())


def _delete(record: Any) -> Status[object]:
    alliance_id = record.alliance_id
    with transaction.atomic():
        record.delete()
    reassess_alliance(alliance_id, timezone.localdate())
    return Status(204, None)


def _contact_problem(contact: Contact, changes: dict[str, Any]) -> Status[object] | None:
    """The web form's checks on a person, on the contact as it would be after the patch."""
    after = {**{f: getattr(contact, f) for f in ("side", "started_on", "ended_on")}, **changes}
    started, ended = after["started_on"], after["ended_on"]
    if started and ended and ended < started:
        return _problem("ended_on", "They cannot leave before they started.")
    reason = changes.get("end_reason", contact.end_reason)
    if ended is None and (reason or changes.get("successor_id")):
        return _problem("ended_on", "Say when they left the role.")
    if "successor_id" in changes and changes["successor_id"] is not None:
        successor = Contact.objects.filter(
            pk=changes["successor_id"], alliance_id=contact.alliance_id
        ).first()
        if successor is None or successor.pk == contact.pk:
            return _problem("successor_id", "Not another contact of this alliance.")
        if successor.side != after["side"]:
            return _problem("successor_id", "The successor should be on the same side.")
    return None


CONTACT = {"tags": ["contacts"], "auth": EDITORS}


@router.patch(
    "/alliances/{slug}/contacts/{pk}",
    response=answers(200, ContactOut, write=True, conflict=True),
    **CONTACT,  # type: ignore[arg-type]
)
def update_contact(request: HttpRequest, slug: str, pk: Id, data: ContactPatch) -> Status[object]:
    contact = _record(Contact, slug, pk)
    changes = data.changes()
    email = changes.get("email")
    if email and contact.alliance.contacts.filter(email__iexact=email).exclude(pk=pk).exists():
        return Status(409, {"detail": f"{email} is already a contact of {contact.alliance.name}."})
    problem = _contact_problem(contact, changes) or _clash(contact, changes)
    if problem is not None:
        return problem
    _save(contact)
    return Status(200, contact)


@router.delete(
    "/alliances/{slug}/contacts/{pk}",
    response=answers(204, None, write=True, invalid=False),
    **CONTACT,  # type: ignore[arg-type]
)
def delete_contact(request: HttpRequest, slug: str, pk: Id) -> Status[object]:
    return _delete(_record(Contact, slug, pk))


INTERACTION = {"tags": ["interactions"], "auth": EDITORS}


@router.patch(
    "/alliances/{slug}/interactions/{pk}",
    response=answers(200, InteractionOut, write=True),
    **INTERACTION,  # type: ignore[arg-type]
)
def update_interaction(
    request: HttpRequest, slug: str, pk: Id, data: InteractionPatch
) -> Status[object]:
    interaction = _record(Interaction, slug, pk)
    before = hand_changes.state(interaction)
    # Its only unique key (source and id in the source) is not among the fields a PATCH
    # sends, so no change can clash.
    for field, value in data.changes().items():
        setattr(interaction, field, value)
    _save(interaction)
    hand_changes.log_changed(interaction, before)
    return Status(200, interaction)


@router.delete(
    "/alliances/{slug}/interactions/{pk}",
    response=answers(204, None, write=True, invalid=False),
    **INTERACTION,  # type: ignore[arg-type]
)
def delete_interaction(request: HttpRequest, slug: str, pk: Id) -> Status[object]:
    interaction = _record(Interaction, slug, pk)
    hand_changes.log_deleted(interaction)
    return _delete(interaction)


OBSERVATION = {"tags": ["observations"], "auth": EDITORS}


@router.patch(
    "/alliances/{slug}/observations/{pk}",
    response=answers(200, ObservationOut, write=True, conflict=True),
    **OBSERVATION,  # type: ignore[arg-type]
)
def update_observation(
    request: HttpRequest, slug: str, pk: Id, data: ObservationPatch
) -> Status[object]:
    observation = _record(Observation, slug, pk)
    clash = _clash(observation, data.changes())
    if clash is not None:
        return clash
    _save(observation)
    return Status(200, observation)


@router.delete(
    "/alliances/{slug}/observations/{pk}",
    response=answers(204, None, write=True, invalid=False),
    **OBSERVATION,  # type: ignore[arg-type]
)
def delete_observation(request: HttpRequest, slug: str, pk: Id) -> Status[object]:
    return _delete(_record(Observation, slug, pk))


DECISION = {"tags": ["decisions"], "auth": EDITORS}


@router.patch(
    "/alliances/{slug}/decisions/{pk}",
    response=answers(200, DecisionOut, write=True, conflict=True),
    **DECISION,  # type: ignore[arg-type]
)
def update_decision(request: HttpRequest, slug: str, pk: Id, data: DecisionPatch) -> Status[object]:
    decision = _record(Decision, slug, pk)
    changes = data.changes()
    actions = changes.pop("actions", None)
    kind = changes.get("kind", decision.kind)
    left = len(actions) if actions is not None else decision.actions.count()
    if kind in ("reset", "exit") and not left:
        return _problem("actions", NEEDS_ACTIONS)
    clash = _clash(decision, changes)
    if clash is not None:
        return clash
    with transaction.atomic():
        if actions is not None:
            decision.actions.all().delete()
            ActionItem.objects.bulk_create(ActionItem(decision=decision, **a) for a in actions)
        _save(decision)
    return Status(200, Decision.objects.prefetch_related("actions").get(pk=decision.pk))


@router.delete(
    "/alliances/{slug}/decisions/{pk}",
    response=answers(204, None, write=True, invalid=False),
    **DECISION,  # type: ignore[arg-type]
)
def delete_decision(request: HttpRequest, slug: str, pk: Id) -> Status[object]:
    return _delete(_record(Decision, slug, pk))
