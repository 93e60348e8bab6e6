"""What belongs to one alliance: contacts, interactions, observations, decisions.

Writes re-evaluate the alliance, as the web forms do.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import paginate

from radar.api.auth import EDITORS, caller
from radar.api.bounds import Page
from radar.api.routes.alliances import alliance_or_404
from radar.api.schemas import (
    ContactIn,
    ContactOut,
    DecisionIn,
    DecisionOut,
    InteractionIn,
    InteractionOut,
    ObservationIn,
    ObservationOut,
)
from radar.api.statuses import answers
from radar.portfolio import hand_changes
from radar.portfolio.assessments import reassess_alliance
from radar.portfolio.models import ActionItem, Contact, Decision, Interaction, Observation

router = Router()
NEEDS_ACTIONS = "A reset or an exit needs at least one action item."


def _reassess(alliance_id: int) -> None:
    reassess_alliance(alliance_id, timezone.localdate())


@router.get(
    "/alliances/{slug}/contacts", response=answers(200, list[ContactOut]), tags=["contacts"]
)
@paginate(Page)
def list_contacts(request: HttpRequest, slug: str) -> object:
    return Contact.objects.filter(alliance=alliance_or_404(slug))


@router.post(
    "/alliances/{slug}/contacts",
    response=answers(201, ContactOut, write=True, conflict=True),
    tags=["contacts"],
    auth=EDITORS,
)
def create_contact(request: HttpRequest, slug: str, data: ContactIn) -> Status[object]:
    alliance = alliance_or_404(slug)
    if data.email and alliance.contacts.filter(email__iexact=data.email).exists():
        return Status(409, {"detail": f"{data.email} is already a contact of {alliance.name}."})
    if not data.email and alliance.contacts.filter(email="", name=data.name).exists():
        return Status(
            409,
            {
                "detail": f"{alliance.name} already has a contact named {data.name!r} without an "
                "e-mail; give an e-mail to tell them apart."
            },
        )
    contact = Contact.objects.create(alliance=alliance, **data.dict())
    _reassess(alliance.pk)
    return Status(201, contact)


@router.get(
    "/alliances/{slug}/interactions",
    response=answers(200, list[InteractionOut]),
    tags=["interactions"],
)
@paginate(Page)
def list_interactions(request: HttpRequest, slug: str) -> object:
    return Interaction.objects.filter(alliance=alliance_or_404(slug)).order_by("-occurred_at")


@router.post(
    "/alliances/{slug}/interactions",
    response=answers(201, InteractionOut, write=True),
    tags=["interactions"],
    auth=EDITORS,
)
def create_interaction(request: HttpRequest, slug: str, data: InteractionIn) -> Status[object]:
    alliance = alliance_or_404(slug)
    interaction = Interaction.objects.create(alliance=alliance, source="api", **data.dict())
    hand_changes.log_added(interaction)
    _reassess(alliance.pk)
    return Status(201, interaction)


@router.get(
    "/alliances/{slug}/observations",
    response=answers(200, list[ObservationOut]),
    tags=["observations"],
)
@paginate(Page)
def list_observations(request: HttpRequest, slug: str) -> object:
    return Observation.objects.filter(alliance=alliance_or_404(slug))


@router.post(
    "/alliances/{slug}/observations",
    response=answers(201, ObservationOut, write=True, conflict=True),
    tags=["observations"],
    auth=EDITORS,
)
def create_observation(request: HttpRequest, slug: str, data: ObservationIn) -> Status[object]:
    alliance = alliance_or_404(slug)
    fields = data.dict()
    fields["category"] = fields["category"] or ""
    if alliance.observations.filter(observed_on=data.observed_on, title=data.title).exists():
        return Status(
            409,
            {
                "detail": f"An observation titled {data.title!r} is already recorded for "
                f"{alliance.name} on {data.observed_on.isoformat()}."
            },
        )
    observation = Observation.objects.create(
        alliance=alliance,
        recorded_by=caller(request),
        **fields,
    )
    _reassess(alliance.pk)
    return Status(201, observation)


@router.get(
    "/alliances/{slug}/decisions", response=answers(200, list[DecisionOut]), tags=["decisions"]
)
@paginate(Page)
def list_decisions(request: HttpRequest, slug: str) -> object:
    return Decision.objects.filter(alliance=alliance_or_404(slug)).prefetch_related("actions")


@router.post(
    "/alliances/{slug}/decisions",
    response=answers(201, DecisionOut, write=True, conflict=True),
    tags=["decisions"],
    auth=EDITORS,
)
def create_decision(request: HttpRequest, slug: str, data: DecisionIn) -> Status[object]:
    alliance = alliance_or_404(slug)
    if data.kind in ("reset", "exit") and not data.actions:
        problem = {"loc": ["body", "data", "actions"], "msg": NEEDS_ACTIONS}
        return Status(422, {"detail": [problem]})
    if alliance.decisions.filter(decided_on=data.decided_on, kind=data.kind).exists():
        return Status(
            409,
            {
                "detail": f"A {data.kind} decision is already recorded for {alliance.name} on "
                f"{data.decided_on.isoformat()}."
            },
        )
    with transaction.atomic():
        decision = Decision.objects.create(
            alliance=alliance,
            decided_on=data.decided_on,
            kind=data.kind,
            rationale=data.rationale,
            decided_by=caller(request),
        )
        ActionItem.objects.bulk_create(
            ActionItem(decision=decision, **item.dict()) for item in data.actions
        )
    _reassess(alliance.pk)
    return Status(201, Decision.objects.prefetch_related("actions").get(pk=decision.pk))
