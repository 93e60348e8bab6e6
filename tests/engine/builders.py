"""Small builders for engine tests: readable histories in a few lines.

    periods = steady_periods(date(2025, 1, 1), 18, emails_inbound=dip(20, at=11, to=4))
    h = history(periods=periods, contacts=(contact(1, "Ana", role=ContactRole.CHAMPION),))
    frame = build(h, date(2026, 6, 30))

Sequences given for a field are used month by month; scalars repeat. The steady
defaults describe a healthy, unremarkable alliance with a gentle, deterministic
wiggle so baselines have a realistic spread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from radar.engine.assessment import Detection
from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.features import Frame, add_months, build_frame
from radar.engine.records import (
    AllianceInfo,
    ContactRecord,
    DeliverableRecord,
    History,
    MetricDefinition,
    MetricSeries,
    ObservationRecord,
    PeriodStats,
    SurveyRecord,
    SurveyResponse,
)
from radar.engine.vocab import (
    AllianceKind,
    Category,
    ContactRole,
    DeliverableStatus,
    MetricKind,
    ObservationKind,
    ObservationSource,
    Polarity,
    Side,
    SurveyKind,
)

# Healthy monthly pattern: 4 meetings, 2 calls, ~20 partner e-mails, replies in ~12 h.
STEADY: dict[str, Any] = {
    "meetings_scheduled": 4,
    "meetings_held": 4,
    "meetings_cancelled": 0,
    "partner_invited": 10,
    "partner_attended": 9,
    "ours_invited": 8,
    "ours_attended": 8,
    "calls": 2,
    "emails_inbound": 20,
    "emails_outbound": 22,
    "partner_reply_hours": 12.0,
    "partner_words": 120.0,
    "tone": 0.35,
    "toned": 12,
    "blaming": 0,
    "defensive": 0,
    "partner_people": 4,
}
# Deterministic wiggle, repeated month by month (relative for floats, +/- for big counts).
_WIGGLE = (0.0, 0.05, -0.04, 0.02, -0.03, 0.04, -0.02, 0.03, -0.05, 0.01, 0.0, -0.01)
_WIGGLED = {"emails_inbound", "emails_outbound", "partner_reply_hours", "partner_words"}


def _value(spec: Any, i: int) -> Any:
    if isinstance(spec, Sequence) and not isinstance(spec, str):
        return spec[i]
    return spec


def monthly_periods(
    start: date, months: int | None = None, **fields: Any
) -> tuple[PeriodStats, ...]:
    """PeriodStats from `start` (a first of month), one per month, fields literal."""
    lengths = {
        len(v) for v in fields.values() if isinstance(v, Sequence) and not isinstance(v, str)
    }
    if months is None:
        if not lengths:
            raise ValueError("give months= or at least one per-month sequence")
        months = max(lengths)
    return tuple(
        PeriodStats(period=add_months(start, i), **{k: _value(v, i) for k, v in fields.items()})
        for i in range(months)
    )


def steady_periods(
    start: date, months: int, *, wiggle: bool = True, **overrides: Any
) -> tuple[PeriodStats, ...]:
    """A healthy, stable alliance; override any field with a scalar or a per-month list."""
    fields: dict[str, Any] = {**STEADY, **overrides}
    if wiggle:
        for name in _WIGGLED - set(overrides):
            base = fields[name]
            wiggled = [base * (1 + _WIGGLE[i % len(_WIGGLE)]) for i in range(months)]
            fields[name] = [round(v) for v in wiggled] if isinstance(base, int) else wiggled
    return monthly_periods(start, months, **fields)


def dip(normal: float, *, at: int | Sequence[int], to: float, months: int = 24) -> list[float]:
    """A flat series of `normal` with the value `to` at index/indices `at`."""
    positions = {at} if isinstance(at, int) else set(at)
    return [to if i in positions else normal for i in range(months)]


def ramp(start_value: float, end_value: float, months: int) -> list[float]:
    step = (end_value - start_value) / max(1, months - 1)
    return [start_value + step * i for i in range(months)]


def alliance(**overrides: Any) -> AllianceInfo:
    values: dict[str, Any] = {
        "id": 1,
        "name": "Acme integration",
        "partner": "Acme",
        "kind": AllianceKind.TECHNOLOGY,
        "tier": 1,
    }
    return AllianceInfo(**{**values, **overrides})


def history(**parts: Any) -> History:
    """A History with a default alliance; pass periods=, contacts=, metrics=, ... as tuples."""
    parts.setdefault("alliance", alliance())
    return History(**{k: tuple(v) if isinstance(v, list) else v for k, v in parts.items()})


def contact(
    id: int,
    name: str,
    *,
    side: Side = Side.PARTNER,
    role: ContactRole = ContactRole.OTHER,
    **fields: Any,
) -> ContactRecord:
    return ContactRecord(id=id, name=name, side=side, role=role, **fields)


def deliverable(
    id: int,
    due: date,
    *,
    side: Side = Side.PARTNER,
    done: date | None = None,
    status: DeliverableStatus | None = None,
    title: str = "",
) -> DeliverableRecord:
    if status is None:
        status = DeliverableStatus.DONE if done else DeliverableStatus.OPEN
    return DeliverableRecord(
        id=id, title=title or f"Deliverable {id}", side=side, due=due, done=done, status=status
    )


def metric(
    key: str,
    start: date,
    values: Sequence[float | None],
    *,
    kind: MetricKind = MetricKind.LAGGING,
    higher_is_better: bool = True,
    target: float | None = None,
    name: str = "",
    unit: str = "",
) -> MetricSeries:
    definition = MetricDefinition(
        key=key,
        name=name or key.replace("_", " "),
        kind=kind,
        higher_is_better=higher_is_better,
        target=target,
        unit=unit,
    )
    points = tuple((add_months(start, i), float(v)) for i, v in enumerate(values) if v is not None)
    return MetricSeries(definition=definition, points=points)


def observation(
    id: int,
    observed: date,
    kind: ObservationKind,
    *,
    polarity: Polarity = Polarity.NEGATIVE,
    category: Category | None = None,
    source: ObservationSource = ObservationSource.INTERNAL,
    title: str = "",
    resolved: date | None = None,
) -> ObservationRecord:
    return ObservationRecord(
        id=id,
        observed=observed,
        category=category,
        polarity=polarity,
        kind=kind,
        source=source,
        title=title,
        resolved=resolved,
    )


def survey(
    id: int,
    sent: date,
    *responses: tuple[date, float] | tuple[date, float, Side],
    kind: SurveyKind = SurveyKind.PULSE,
    scale_max: float = 5,
) -> SurveyRecord:
    built = tuple(
        SurveyResponse(submitted=r[0], score=r[1], side=r[2] if len(r) > 2 else Side.PARTNER)
        for r in responses
    )
    return SurveyRecord(id=id, kind=kind, sent=sent, scale_max=scale_max, responses=built)


def build(h: History, as_of: date, config: EngineConfig = DEFAULT_CONFIG) -> Frame:
    return build_frame(h, as_of, config)


def detect(h: History, as_of: date, config: EngineConfig = DEFAULT_CONFIG) -> list[Detection]:
    from radar.engine.signals import detect_all

    return detect_all(build_frame(h, as_of, config), config)


def fired(detections: Sequence[Detection], rule: str) -> list[date]:
    """The periods in which `rule` fired (rule may be a prefix ending in '.')."""
    if rule.endswith("."):
        return sorted(d.period for d in detections if d.rule.startswith(rule))
    return sorted(d.period for d in detections if d.rule == rule)


def negatives(detections: Sequence[Detection]) -> list[Detection]:
    return [d for d in detections if d.polarity == Polarity.NEGATIVE]


def by_rule(detections: Sequence[Detection]) -> dict[str, list[date]]:
    """Rule id -> the periods it fired in (sorted), for compact assertions."""
    found: dict[str, list[date]] = {}
    for d in detections:
        found.setdefault(d.rule, []).append(d.period)
    return {rule: sorted(periods) for rule, periods in sorted(found.items())}
