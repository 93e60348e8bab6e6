"""The engine's output: detections, triaged signals and the assessment.

`Assessment.to_dict()` is the documented JSON schema (docs/assessment-schema.md);
bump SCHEMA_VERSION on any incompatible change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from radar.engine.pickling import pickle_as_call
from radar.engine.serialize import to_jsonable
from radar.engine.vocab import Category, DecisionKind, Phase, Polarity

SCHEMA_VERSION = "2.0"


@dataclass(frozen=True, slots=True)
class EvidencePoint:
    label: str  # what `Evidence.points_of` names: a period ("2026-09"), a date, a goal...
    value: float | str


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a rule looked at: the data points, the baseline, the threshold."""

    summary: str
    points: tuple[EvidencePoint, ...] = ()
    baseline: float | None = None
    threshold: float | None = None
    unit: str = ""
    # What the points' labels are, for the evidence table's row heading: most rules show
    # a series of periods, some show goals, metrics or the dates of events.
    points_of: str = "period"


@dataclass(frozen=True, slots=True)
class Detection:
    """One rule firing in one period, before the rule of three is applied."""

    rule: str  # stable id, "<category>.<name>", e.g. "communication.reply_slower"
    category: Category
    polarity: Polarity
    period: date
    title: str
    detail: str  # plain language, with the numbers
    evidence: Evidence
    severity: float = 0.5  # 0..1
    # Discrete, unambiguous events (a champion left, an external competing
    # initiative) are confirmed at once instead of waiting for three periods.
    instant: bool = False
    # How many independent readings this detection adds to the rule of three: 1 for an
    # ordinary month, the count of events for per-event rules (three cancelled meetings),
    # 0 for a reading already counted (a survey's result, held over the months after it).
    occurrences: int = 1
    # How many periods an instant detection stays active, counting its own: a durable fact
    # (a seat left empty, a competitor signed) until it is resolved; 0 = the default
    # `instant_active_periods`.
    active_periods: int = 0
    # A fact that changes the alliance until it is resolved: a key seat left empty, the
    # partner signing with our competitor. On its own it calls for a conversation.
    durable: bool = False


@dataclass(frozen=True, slots=True)
class Signal:
    """A detection after triage: how long it has persisted and whether it counts."""

    rule: str
    category: Category
    polarity: Polarity
    title: str
    detail: str
    evidence: Evidence
    severity: float
    first_seen: date
    last_seen: date
    consecutive: int
    confirmed: bool
    possibly_external: bool = False
    context: tuple[str, ...] = ()
    # The period in which the signal became confirmed (rule of three or instant).
    confirmed_since: date | None = None
    # Readings counted towards the rule of three in the current streak.
    occurrences: int = 0
    # The latest sighting fell in a declared quiet period or repeats last year's dip in
    # the same month: it keeps the signal in view but does not count towards confirming it.
    seasonal: bool = False
    # An unresolved fact that changes the alliance (see Detection.durable).
    durable: bool = False


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: Category
    score: float | None  # None when the category had no data at all
    weight: float
    signals: int
    confirmed: int
    imputed: bool = False  # the score used for the total was imputed (missing data)
    # The value that went into the weighted total: the score, or the imputed value.
    counted_as: float | None = None


@dataclass(frozen=True, slots=True)
class ScorePoint:
    period: date
    score: float | None


@dataclass(frozen=True, slots=True)
class PhaseDiagnosis:
    phase: Phase
    declared: Phase | None
    healthy_plateau: bool
    reasons: tuple[str, ...]
    # Stable codes of the reasons (radar.engine.lifecycle_facts.PhaseReason), in order.
    reason_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    question: str
    status: str  # "ok", "attention", "unknown"
    finding: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    action: DecisionKind
    headline: str
    reasons: tuple[str, ...]
    evidence: tuple[str, ...]  # rule ids of the signals behind it
    agreement_dates: tuple[tuple[str, date], ...]
    checklist: tuple[ChecklistItem, ...]
    # The decision-table row that chose the action (radar.engine.respond.ACTION_RULES) and
    # the stable codes of the reasons (radar.engine.respond_facts.ActionReason), in order.
    rule: str = ""
    reason_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CadenceFlag:
    code: str  # e.g. "no_contact_30_days", "review_overdue"
    message: str
    since: date | None = None
    due: date | None = None
    days_overdue: int | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    alliance_id: int
    alliance_name: str
    as_of: date
    score: float | None  # 1..5, one decimal; None: not enough data yet
    baseline_score: float | None
    trend: str  # "up", "down" or "flat" against the baseline
    previous_score: float | None
    why_moved: tuple[str, ...]
    categories: tuple[CategoryScore, ...]
    signals: tuple[Signal, ...]
    systemic: bool
    systemic_categories: tuple[Category, ...]
    phase: PhaseDiagnosis
    recommendation: Recommendation
    cadence: tuple[CadenceFlag, ...]
    score_history: tuple[ScorePoint, ...]
    data_gaps: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    @property
    def confirmed_signals(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if s.confirmed)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        # (label, date) pairs would become bare lists: the schema names them.
        data["recommendation"]["agreement_dates"] = [
            {"label": label, "date": when.isoformat()}
            for label, when in self.recommendation.agreement_dates
        ]
        return data


pickle_as_call(
    EvidencePoint,
    Evidence,
    Detection,
    Signal,
    CategoryScore,
    ScorePoint,
    PhaseDiagnosis,
    ChecklistItem,
    Recommendation,
    CadenceFlag,
    Assessment,
)
