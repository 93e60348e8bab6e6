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
from typing import Any, TypeVar

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
from radar.portfolio.activity_stats import Alliances, raw_tuples

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
Grouped = dict[int, list[T]]


@functools.cache
def _members(kind: type[StrEnum]) -> dict[str, StrEnum]:
    return {member.value: member for member in kind}


def members(kind: type[E]) -> dict[str, E]:
    """Stored choice -> enum member, looked up once before a loop over many rows."""
    return _members(kind)  # type: ignore[return-value]


def enum(kind: type[E], value: str, default: E) -> E:
    """Stored choice -> enum member; an unexpected value falls back instead of crashing."""
    return members(kind).get(value, default)


def _rows(query: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """The tuples of a values_list() query, read on a plain cursor.

    Django's per-value converters only re-check what the database driver
    already returns for these columns (dates, booleans, numbers), and cost
    more than building the records themselves for the 100,000-odd rows of a
    large portfolio. The columns must come in the SELECT's order: fields,
    then annotations (as Django itself orders them).
    """
    # QuerySet._fields (private, so not in django-stubs) is the only record of the
    # order values_list() was asked for.
    wanted = list(query._fields)  # type: ignore[attr-defined]
    selected = [*query.query.values_select, *query.query.annotation_select]
    if wanted != selected:
        raise ValueError(f"list the annotations last: {wanted}")
    return raw_tuples(query)


def _group(pairs: list[tuple[int, T]]) -> Grouped[T]:
    grouped: Grouped[T] = defaultdict(list)
    for alliance_id, item in pairs:
        grouped[alliance_id].append(item)
    return grouped


def contacts(alliances: Alliances, as_of: date) -> Grouped[rec.ContactRecord]:
    rows = _rows(
        m.Contact.objects.filter(alliance__in=alliances)
        .exclude(started_on__gt=as_of)
        .order_by("id")
        .values_list(
            "alliance_id",
            "id",
            "name",
            "side",
            "role",
            "title",
            "started_on",
            "ended_on",
            "end_reason",
            "successor_id",
        )
    )
    known = {row[1] for row in rows}
    sides, roles = members(Side), members(ContactRole)
    pairs = []
    for alliance_id, pk, name, side, role, title, started, ended, reason, successor in rows:
        if ended is not None and ended > as_of:
            ended = None  # still in role back then
        record = rec.ContactRecord(
            id=pk,
            name=name,
            side=sides.get(side, Side.PARTNER),
            role=roles.get(role, ContactRole.OTHER),
            title=title,
            started=started,
            ended=ended,
            end_reason=reason if ended else "",
            successor_id=successor if ended and successor in known else None,
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def deliverables(alliances: Alliances, as_of: date) -> Grouped[rec.DeliverableRecord]:
    """Deliverables due by `as_of`, or finished by then even if due later."""
    rows = _rows(
        m.Deliverable.objects.filter(alliance__in=alliances)
        .filter(Q(due_on__lte=as_of) | Q(done_on__lte=as_of))
        .order_by("due_on", "id")
        .values_list("alliance_id", "id", "title", "side", "due_on", "done_on", "status")
    )
    sides, statuses = members(Side), members(DeliverableStatus)
    pairs = []
    for alliance_id, pk, title, side, due, done, stored_status in rows:
        status = statuses.get(stored_status, DeliverableStatus.OPEN)
        if done is not None and done > as_of:
            done, status = None, DeliverableStatus.OPEN  # not finished yet back then
        record = rec.DeliverableRecord(
            id=pk,
            title=title,
            side=sides.get(side, Side.PARTNER),
            due=due,
            done=done,
            status=status,
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def metrics(alliances: Alliances, as_of: date) -> Grouped[rec.MetricSeries]:
    definitions = _rows(
        m.MetricDefinition.objects.filter(alliance__in=alliances)
        .order_by("key")
        .values_list(
            "alliance_id",
            "id",
            "key",
            "name",
            "kind",
            "higher_is_better",
            "target",
            "unit",
            "supplied_by",
        )
    )
    points: dict[int, list[tuple[date, float]]] = defaultdict(list)
    values = _rows(
        m.MetricValue.objects.filter(metric__alliance__in=alliances, period__lte=as_of)
        .order_by("metric_id", "period")
        .values_list("metric_id", "period", "value")
    )
    for metric_id, period, value in values:
        points[metric_id].append((period, float(value)))
    kinds, sides = members(MetricKind), members(Side)
    pairs = []
    for alliance_id, pk, key, name, kind, higher_is_better, target, unit, supplier in definitions:
        definition = rec.MetricDefinition(
            key=key,
            name=name,
            kind=kinds.get(kind, MetricKind.LAGGING),
            higher_is_better=higher_is_better,
            target=target,
            unit=unit,
            supplied_by=sides.get(supplier, Side.OURS),
        )
        pairs.append((alliance_id, rec.MetricSeries(definition, tuple(points[pk]))))
    return _group(pairs)


def surveys(alliances: Alliances, as_of: date) -> Grouped[rec.SurveyRecord]:
    sent = m.Survey.objects.filter(alliance__in=alliances, sent_on__lte=as_of)
    answers: dict[int, list[rec.SurveyResponse]] = defaultdict(list)
    responses = _rows(
        m.SurveyResponse.objects.filter(survey__in=sent, submitted_on__lte=as_of)
        .order_by("submitted_on", "id")
        .values_list("survey_id", "submitted_on", "side", "score")
    )
    sides = members(Side)
    for survey_id, submitted, side, score in responses:
        answers[survey_id].append(
            rec.SurveyResponse(submitted, sides.get(side, Side.PARTNER), float(score))
        )
    kinds = members(SurveyKind)
    pairs = []
    rows = _rows(
        sent.order_by("sent_on", "id").values_list(
            "alliance_id", "id", "kind", "sent_on", "scale_max"
        )
    )
    for alliance_id, pk, kind, sent_on, scale_max in rows:
        record = rec.SurveyRecord(
            id=pk,
            kind=kinds.get(kind, SurveyKind.PULSE),
            sent=sent_on,
            scale_max=float(scale_max),
            responses=tuple(answers[pk]),
        )
        pairs.append((alliance_id, record))
    return _group(pairs)


def observations(alliances: Alliances, as_of: date) -> Grouped[rec.ObservationRecord]:
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
            # A resolution after as_of had not happened yet.
            resolved=o.resolved_on if o.resolved_on and o.resolved_on <= as_of else None,
        )
        pairs.append((o.alliance_id, record))
    return _group(pairs)


def context(
    alliances: Alliances, as_of: date
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


def checkins(alliances: Alliances, as_of: date) -> Grouped[rec.CheckInRecord]:
    rows = _rows(
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


def decisions(alliances: Alliances, as_of: date) -> Grouped[rec.DecisionRecord]:
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


def agreements(alliances: Alliances, as_of: date) -> dict[int, rec.AgreementInfo]:
    """Agreements signed by `as_of` (or with no signing date recorded)."""
    rows = _rows(
        m.Agreement.objects.filter(alliance__in=alliances)
        .exclude(signed_on__gt=as_of)
        .values_list(
            "alliance_id",
            "signed_on",
            "renewal_on",
            "next_review_on",
            "renegotiation_on",
            "exit_notice_days",
            "review_interval_months",
            "review_clause",
            "renegotiation_clause",
            "exit_clause",
            "last_reviewed_on",
        )
    )
    result = {}
    for (
        alliance_id,
        signed,
        renewal,
        next_review,
        renegotiation,
        notice_days,
        interval,
        review_clause,
        renegotiation_clause,
        exit_clause,
        reviewed,
    ) in rows:
        result[alliance_id] = rec.AgreementInfo(
            signed=signed,
            renewal=renewal,
            next_review=next_review,
            renegotiation=renegotiation,
            exit_notice_days=notice_days,
            review_interval_months=interval,
            has_review_clause=bool(review_clause.strip()) or bool(interval),
            has_renegotiation_clause=bool(renegotiation_clause.strip()),
            has_exit_clause=bool(exit_clause.strip()) or notice_days is not None,
            last_reviewed=reviewed if reviewed and reviewed <= as_of else None,
        )
    return result


def governance(alliances: Alliances) -> Grouped[rec.GovernanceBody]:
    rows = _rows(
        m.GovernanceBody.objects.filter(alliance__in=alliances)
        .order_by("tier", "name")
        .values_list("alliance_id", "tier", "name", "ritual", "cadence_days")
    )
    tiers, rituals = members(GovernanceTier), members(Ritual)
    return _group(
        [
            (
                alliance_id,
                rec.GovernanceBody(
                    tier=tiers.get(tier, GovernanceTier.WORKING_GROUP),
                    name=name,
                    ritual=rituals.get(ritual, Ritual.NONE),
                    cadence_days=cadence_days,
                ),
            )
            for alliance_id, tier, name, ritual, cadence_days in rows
        ]
    )


def goals(alliances: Alliances, as_of: date) -> Grouped[rec.GoalRecord]:
    """Goals with their metric's key; a review dated after `as_of` was not known then."""
    rows = _rows(
        m.Goal.objects.filter(alliance__in=alliances)
        .order_by("title", "id")
        .values_list(
            "alliance_id",
            "id",
            "title",
            "target_value",
            "target_date",
            "reviewed_on",
            "metric__key",
        )
    )
    return _group(
        [
            (
                alliance_id,
                rec.GoalRecord(
                    id=pk,
                    title=title,
                    metric_key=key,
                    target=target,
                    target_date=target_date,
                    # Kept when it lies after as_of (a backtest): only the latest review
                    # is stored, so the ones before it are unknown, and goal drift then
                    # abstains instead of counting from the alliance's start.
                    reviewed=reviewed,
                ),
            )
            for alliance_id, pk, title, target, target_date, reviewed, key in rows
        ]
    )
