"""Discrete events of many alliances, fetched in bulk and grouped in Python.

Each function runs one (or two) queries for all the alliances of a queryset
and returns engine records keyed by alliance id. Nothing dated after `as_of`
is returned, and state that changed after `as_of` is rolled back to what was
known then (a deliverable finished later was still open; a contact who left
later was still in role), so evaluating at a past date sees the past.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import date
from enum import StrEnum
from typing import TypeVar

from django.db.models import Count, Q, QuerySet

from radar.engine import records as rec
from radar.engine.vocab import (
    Category,
    ContactRole,
    ContextKind,
    DecisionKind,
    DeliverableStatus,
    GovernanceTier,
    MetricKind,
    ObservationKind,
    ObservationSource,
    Polarity,
    Ritual,
    Side,
    SurveyKind,
)
from radar.portfolio import models as m

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
Grouped = dict[int, list[T]]


@functools.cache
def _members(kind: type[StrEnum]) -> dict[str, StrEnum]:
    return {member.value: member for member in kind}


def enum(kind: type[E], value: str, default: E) -> E:
    """Stored choice -> enum member; an unexpected value falls back instead of crashing."""
    return _members(kind).get(value, default)  # type: ignore[return-value]


def _group(pairs: list[tuple[int, T]]) -> Grouped[T]:
    grouped: Grouped[T] = defaultdict(list)
    for alliance_id, item in pairs:
        grouped[alliance_id].append(item)
    return grouped


def contacts(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.ContactRecord]:
    rows = list(
        m.Contact.objects.filter(alliance__in=alliances)
        .exclude(started_on__gt=as_of)
        .order_by("id")
    )
    known = {c.id for c in rows}
    pairs = []
    for c in rows:
        ended = c.ended_on if c.ended_on and c.ended_on <= as_of else None
        successor = c.successor_id if ended and c.successor_id in known else None
        record = rec.ContactRecord(
            id=c.id,
            name=c.name,
            side=enum(Side, c.side, Side.PARTNER),
            role=enum(ContactRole, c.role, ContactRole.OTHER),
            title=c.title,
            started=c.started_on,
            ended=ended,
            end_reason=c.end_reason if ended else "",
            successor_id=successor,
        )
        pairs.append((c.alliance_id, record))
    return _group(pairs)


def deliverables(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.DeliverableRecord]:
    """Deliverables due by `as_of`, or finished by then even if due later."""
    rows = (
        m.Deliverable.objects.filter(alliance__in=alliances)
        .filter(Q(due_on__lte=as_of) | Q(done_on__lte=as_of))
        .order_by("due_on", "id")
        .values_list("alliance_id", "id", "title", "side", "due_on", "done_on", "status")
    )
    pairs = []
    for alliance_id, pk, title, side, due, done, stored_status in rows:
        status = enum(DeliverableStatus, stored_status, DeliverableStatus.OPEN)
        if done is not None and done > as_of:
            done, status = None, DeliverableStatus.OPEN  # not finished yet back then
        record = rec.DeliverableRecord(
            id=pk,
            title=title,
            side=enum(Side, side, Side.PARTNER),
            due=due,
            done=done,
            status=status,
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def metrics(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.MetricSeries]:
    definitions = list(m.MetricDefinition.objects.filter(alliance__in=alliances).order_by("key"))
    points: dict[int, list[tuple[date, float]]] = defaultdict(list)
    values = (
        m.MetricValue.objects.filter(metric__alliance__in=alliances, period__lte=as_of)
        .order_by("metric_id", "period")
        .values_list("metric_id", "period", "value")
    )
    for metric_id, period, value in values:
        points[metric_id].append((period, float(value)))
    pairs = []
    for d in definitions:
        definition = rec.MetricDefinition(
            key=d.key,
            name=d.name,
            kind=enum(MetricKind, d.kind, MetricKind.LAGGING),
            higher_is_better=d.higher_is_better,
            target=d.target,
            unit=d.unit,
        )
        pairs.append((d.alliance_id, rec.MetricSeries(definition, tuple(points[d.id]))))
    return _group(pairs)


def surveys(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.SurveyRecord]:
    sent = m.Survey.objects.filter(alliance__in=alliances, sent_on__lte=as_of)
    answers: dict[int, list[rec.SurveyResponse]] = defaultdict(list)
    responses = (
        m.SurveyResponse.objects.filter(survey__in=sent, submitted_on__lte=as_of)
        .order_by("submitted_on", "id")
        .values_list("survey_id", "submitted_on", "side", "score")
    )
    for survey_id, submitted, side, score in responses:
        answers[survey_id].append(
            rec.SurveyResponse(submitted, enum(Side, side, Side.PARTNER), float(score))
        )
    pairs = []
    rows = sent.order_by("sent_on", "id").values_list(
        "alliance_id", "id", "kind", "sent_on", "scale_max"
    )
    for alliance_id, pk, kind, sent_on, scale_max in rows:
        record = rec.SurveyRecord(
            id=pk,
            kind=enum(SurveyKind, kind, SurveyKind.PULSE),
            sent=sent_on,
            scale_max=float(scale_max),
            responses=tuple(answers[pk]),
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def observations(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.ObservationRecord]:
    rows = m.Observation.objects.filter(alliance__in=alliances, observed_on__lte=as_of)
    pairs = []
    for o in rows.order_by("observed_on", "id"):
        record = rec.ObservationRecord(
            id=o.id,
            observed=o.observed_on,
            category=Category(o.category) if o.category in set(Category) else None,
            polarity=enum(Polarity, o.polarity, Polarity.NEUTRAL),
            kind=enum(ObservationKind, o.kind, ObservationKind.OTHER),
            source=enum(ObservationSource, o.source, ObservationSource.INTERNAL),
            title=o.title,
        )
        pairs.append((o.alliance_id, record))
    return _group(pairs)


def context(
    alliances: QuerySet[m.Alliance], as_of: date
) -> tuple[Grouped[rec.ContextFactorRecord], list[rec.ContextFactorRecord]]:
    """Context factors per alliance, and the portfolio-wide ones (alliance left empty)."""
    rows = m.ContextFactor.objects.filter(
        Q(alliance__in=alliances) | Q(alliance__isnull=True), starts_on__lte=as_of
    )
    pairs: list[tuple[int, rec.ContextFactorRecord]] = []
    everywhere: list[rec.ContextFactorRecord] = []
    for f in rows.order_by("starts_on", "id"):
        record = rec.ContextFactorRecord(
            kind=enum(ContextKind, f.kind, ContextKind.OTHER),
            start=f.starts_on,
            end=f.ends_on,
            portfolio_wide=f.alliance_id is None,
            note=f.note,
        )
        if f.alliance_id is None:
            everywhere.append(record)
        else:
            pairs.append((f.alliance_id, record))
    return _group(pairs), everywhere


def checkins(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.CheckInRecord]:
    rows = (
        m.CheckIn.objects.filter(alliance__in=alliances, held_on__lte=as_of)
        .order_by("held_on", "id")
        .values_list(
            "alliance_id",
            "held_on",
            "manual_score",
            "reviewer_name",
            "neutral_reviewer",
            "reviewer__first_name",
            "reviewer__last_name",
            "reviewer__username",
        )
    )
    pairs = []
    for alliance_id, held, score, name, neutral, first, last, username in rows:
        # The name typed on the check-in wins; else the reviewing user's name.
        reviewer = name or f"{first or ''} {last or ''}".strip() or username or ""
        record = rec.CheckInRecord(
            held=held, manual_score=score, reviewer=reviewer, neutral_reviewer=neutral
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def decisions(alliances: QuerySet[m.Alliance], as_of: date) -> Grouped[rec.DecisionRecord]:
    """Decisions taken by `as_of`, with the action items still open on that day."""
    still_open = Q(actions__done_on__isnull=True) | Q(actions__done_on__gt=as_of)
    rows = (
        m.Decision.objects.filter(alliance__in=alliances, decided_on__lte=as_of)
        .annotate(open_actions=Count("actions", filter=still_open))
        .order_by("decided_on", "id")
    )
    pairs = []
    for d in rows:
        record = rec.DecisionRecord(
            decided=d.decided_on,
            kind=enum(DecisionKind, d.kind, DecisionKind.MONITOR),
            rationale=d.rationale,
            open_actions=d.open_actions,
        )
        pairs.append((d.alliance_id, record))
    return _group(pairs)


def agreements(alliances: QuerySet[m.Alliance], as_of: date) -> dict[int, rec.AgreementInfo]:
    """Agreements signed by `as_of` (or with no signing date recorded)."""
    rows = m.Agreement.objects.filter(alliance__in=alliances).exclude(signed_on__gt=as_of)
    result = {}
    for a in rows:
        reviewed = (
            a.last_reviewed_on if a.last_reviewed_on and a.last_reviewed_on <= as_of else None
        )
        result[a.alliance_id] = rec.AgreementInfo(
            signed=a.signed_on,
            renewal=a.renewal_on,
            next_review=a.next_review_on,
            renegotiation=a.renegotiation_on,
            exit_notice_days=a.exit_notice_days,
            review_interval_months=a.review_interval_months,
            has_review_clause=bool(a.review_clause.strip()) or bool(a.review_interval_months),
            has_renegotiation_clause=bool(a.renegotiation_clause.strip()),
            has_exit_clause=bool(a.exit_clause.strip()) or a.exit_notice_days is not None,
            last_reviewed=reviewed,
        )
    return result


def governance(alliances: QuerySet[m.Alliance]) -> Grouped[rec.GovernanceBody]:
    rows = m.GovernanceBody.objects.filter(alliance__in=alliances).order_by("tier", "name")
    return _group(
        [
            (
                g.alliance_id,
                rec.GovernanceBody(
                    tier=enum(GovernanceTier, g.tier, GovernanceTier.WORKING_GROUP),
                    name=g.name,
                    ritual=enum(Ritual, g.ritual, Ritual.NONE),
                    cadence_days=g.cadence_days,
                ),
            )
            for g in rows
        ]
    )
