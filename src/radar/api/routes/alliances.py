"""Alliances (list, create, change, archive, delete) and their assessments."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from radar.accounts.roles import roles_of
from radar.api.auth import EDITORS, caller
from radar.api.bounds import Page
from radar.api.patches import AlliancePatch
from radar.api.schemas import (
    AllianceDetail,
    AllianceIn,
    AllianceOut,
    AssessmentFull,
    AssessmentSummary,
    Me,
)
from radar.api.statuses import answers
from radar.portfolio.assessments import evaluate_portfolio, reassess_alliance
from radar.portfolio.models import Alliance, Assessment, Partner
from radar.web.forms.alliance import RESERVED_SLUGS
from radar.web.records.deletion import Deletion, alliance_records

router = Router(tags=["alliances"])


@router.get("/me", response=answers(200, Me, found=False, invalid=False), tags=["account"])
def me(request: HttpRequest) -> Me:
    """Who the token (or session) belongs to, and their roles."""
    user = caller(request)
    return Me(username=user.get_username(), roles=sorted(r.value for r in roles_of(user)))


@router.get("/alliances", response=answers(200, list[AllianceOut], found=False))
@paginate(Page)
def list_alliances(
    request: HttpRequest,
    tier: int | None = Query(None, ge=1, le=3),
    active: bool | None = None,
) -> object:
    found = Alliance.objects.select_related("partner", "owner")
    if tier is not None:
        found = found.filter(tier=tier)
    if active is not None:
        found = found.filter(active=active)
    return found


def alliance_or_404(slug: str) -> Alliance:
    if "\x00" in slug:  # no slug holds one, and PostgreSQL refuses to compare it
        raise Http404
    return get_object_or_404(Alliance.objects.select_related("partner", "owner"), slug=slug)


@router.get("/alliances/{slug}", response=answers(200, AllianceDetail, invalid=False))
def get_alliance(request: HttpRequest, slug: str) -> Alliance:
    return _detail(slug)


@router.post(
    "/alliances",
    response=answers(201, AllianceDetail, found=False, write=True, conflict=True),
    auth=EDITORS,
)
def create_alliance(request: HttpRequest, data: AllianceIn) -> Status[object]:
    fields = data.dict(exclude={"partner"})
    fields["declared_phase"] = fields["declared_phase"] or ""
    try:
        with transaction.atomic():
            partner, _ = Partner.objects.get_or_create(name=data.partner)
            alliance = Alliance.objects.create(partner=partner, **fields)
    except IntegrityError:
        return Status(409, {"detail": f"An alliance named {data.name!r} already exists."})
    return Status(201, alliance_or_404(alliance.slug))


@router.get(
    "/alliances/{slug}/assessments",
    response=answers(200, list[AssessmentSummary]),
    tags=["assessments"],
)
@paginate(Page)
def list_assessments(request: HttpRequest, slug: str) -> object:
    """Stored assessments of one alliance, newest first."""
    return Assessment.objects.filter(alliance=alliance_or_404(slug)).order_by("-as_of")


@router.get(
    "/alliances/{slug}/assessment",
    response=answers(200, AssessmentFull),
    tags=["assessments"],
)
def get_assessment(
    request: HttpRequest,
    slug: str,
    as_of: date | None = Query(None),  # noqa: B008
) -> object:
    """The latest stored assessment, or — with `as_of` — the engine's view on that day
    (computed on the fly, not stored: backtesting)."""
    alliance = alliance_or_404(slug)
    if as_of is None:
        stored = alliance.assessments.order_by("-as_of").first()
        if stored is None:
            return Status(404, {"detail": "This alliance has not been assessed yet."})
        return Status(200, stored)
    found = evaluate_portfolio(as_of, [alliance.pk], store=False)
    if not found:
        raise HttpError(404, f"{alliance.name} did not exist on {as_of.isoformat()}.")
    result = found[0]
    return Status(
        200,
        {
            "as_of": result.as_of,
            "score": result.score,
            "baseline_score": result.baseline_score,
            "trend": result.trend,
            "phase": result.phase.phase.value,
            "recommendation": result.recommendation.action.value,
            "systemic": result.systemic,
            "confirmed_signals": len(result.confirmed_signals),
            "payload": result.to_dict(),
        },
    )


# Changing and deleting an alliance live on this router: the methods of one path must
# share a router (a second router's /alliances/{slug} is never reached).


def _clash(alliance: Alliance, changes: dict[str, object]) -> str | None:
    others = Alliance.objects.exclude(pk=alliance.pk)
    if "name" in changes and others.filter(name=changes["name"]).exists():
        return f"An alliance named {changes['name']!r} already exists."
    if "slug" in changes and others.filter(slug=changes["slug"]).exists():
        return f"The address {changes['slug']!r} is taken by another alliance."
    return None


@router.patch(
    "/alliances/{slug}",
    response=answers(200, AllianceDetail, write=True, conflict=True),
    auth=EDITORS,
)
def update_alliance(request: HttpRequest, slug: str, data: AlliancePatch) -> Status[object]:
    alliance = alliance_or_404(slug)
    changes = data.changes()
    if changes.get("slug") in RESERVED_SLUGS:
        problem = {"loc": ["body", "data", "slug"], "msg": "This address is used by a page."}
        return Status(422, {"detail": [problem]})
    clash = _clash(alliance, changes)
    if clash:
        return Status(409, {"detail": clash})
    with transaction.atomic():
        if "partner" in changes:
            name = str(changes.pop("partner"))
            found = Partner.objects.filter(name__iexact=name).first()
            alliance.partner = found or Partner.objects.create(name=name)
        for field, value in changes.items():
            setattr(alliance, field, value)
        alliance.save()
    if alliance.active:
        reassess_alliance(alliance.pk, timezone.localdate())
    return Status(200, _detail(alliance.slug))


@router.delete(
    "/alliances/{slug}",
    response=answers(204, None, write=True, conflict=True, invalid=False),
    auth=EDITORS,
)
def delete_alliance(
    request: HttpRequest,
    slug: str,
    confirm: str | None = Query(None, description="The alliance's name, to delete its records too"),
) -> Status[object]:
    """Refused with a 409 listing its records when it has any: archive it instead, or
    repeat with `?confirm=<its name>`, as the web app asks for the name to be typed."""
    alliance = alliance_or_404(slug)
    deletion = Deletion(alliance.name, alliance_records(alliance), {"confirm_name": confirm or ""})
    if not deletion.confirmed():
        held = ", ".join(f"{n} {what}" for what, n in deletion.losses)
        return Status(
            409,
            {
                "detail": f"{alliance.name} has {held}. Archive it with PATCH "
                '{"active": false}, or repeat with ?confirm=<its name> to delete them too.'
            },
        )
    with transaction.atomic():
        alliance.delete()
    return Status(204, None)


def _detail(slug: str) -> Alliance:
    """The alliance with its latest stored assessment summary."""
    found = alliance_or_404(slug)
    found.latest_assessment = found.assessments.order_by("-as_of").first()  # type: ignore[attr-defined]
    return found
