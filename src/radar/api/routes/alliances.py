"""Alliances and their assessments."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from radar.api.auth import EDITORS
from radar.api.bounds import Page
from radar.api.schemas import (
    AllianceDetail,
    AllianceIn,
    AllianceOut,
    AssessmentFull,
    AssessmentSummary,
    Me,
    Problem,
)
from radar.portfolio.assessments import evaluate_portfolio
from radar.portfolio.models import Alliance, Assessment, Partner
from radar.web.roles import roles_of

router = Router(tags=["alliances"])


@router.get("/me", response=Me, tags=["account"])
def me(request: HttpRequest) -> Me:
    """Who the token (or session) belongs to, and their roles."""
    user = request.auth  # type: ignore[attr-defined]
    return Me(username=user.get_username(), roles=sorted(r.value for r in roles_of(user)))


@router.get("/alliances", response=list[AllianceOut])
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
    return get_object_or_404(Alliance.objects.select_related("partner", "owner"), slug=slug)


@router.get("/alliances/{slug}", response=AllianceDetail)
def get_alliance(request: HttpRequest, slug: str) -> Alliance:
    alliance = alliance_or_404(slug)
    alliance.latest_assessment = alliance.assessments.order_by("-as_of").first()  # type: ignore[attr-defined]
    return alliance


@router.post("/alliances", response={201: AllianceDetail, 409: Problem}, auth=EDITORS)
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


@router.get("/alliances/{slug}/assessments", response=list[AssessmentSummary], tags=["assessments"])
@paginate(Page)
def list_assessments(request: HttpRequest, slug: str) -> object:
    """Stored assessments of one alliance, newest first."""
    return Assessment.objects.filter(alliance=alliance_or_404(slug)).order_by("-as_of")


@router.get(
    "/alliances/{slug}/assessment",
    response={200: AssessmentFull, 404: Problem},
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
