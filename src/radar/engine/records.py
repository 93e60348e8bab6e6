"""The engine's input: frozen, typed records of one alliance's history.

The store (radar.portfolio) builds these; tests build them by hand. Interactions
arrive pre-aggregated per calendar month (PeriodStats) because the database is
better at counting than Python; everything else arrives as discrete events.
A period is always the first day of its calendar month.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from radar.engine.pickling import pickle_as_call
from radar.engine.vocab import (
    AllianceKind,
    Category,
    ContactRole,
    ContextKind,
    DecisionKind,
    DeliverableStatus,
    GovernanceTier,
    MetricKind,
    ObservationKind,
    ObservationSource,
    Phase,
    Polarity,
    Ritual,
    Side,
    SurveyKind,
)


@dataclass(frozen=True, slots=True)
class AllianceInfo:
    id: int
    name: str
    partner: str
    kind: AllianceKind = AllianceKind.OTHER
    tier: int = 2  # 1 = top/strategic (monthly review), 2-3 = the rest (quarterly)
    owner: str = ""
    started: date | None = None
    declared_phase: Phase | None = None


@dataclass(frozen=True, slots=True)
class AgreementInfo:
    signed: date | None = None
    renewal: date | None = None
    next_review: date | None = None
    renegotiation: date | None = None
    exit_notice_days: int | None = None
    review_interval_months: int | None = None
    has_review_clause: bool = False
    has_renegotiation_clause: bool = False
    has_exit_clause: bool = False
    last_reviewed: date | None = None


@dataclass(frozen=True, slots=True)
class GovernanceBody:
    tier: GovernanceTier
    name: str
    ritual: Ritual
    cadence_days: int


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: int
    name: str
    side: Side
    role: ContactRole = ContactRole.OTHER
    title: str = ""
    started: date | None = None
    ended: date | None = None
    end_reason: str = ""  # "left", "reassigned", "role_change" or ""
    successor_id: int | None = None


# A reply faster than this counts as this on the log scale (ln 0 is not a number).
REPLY_FLOOR_HOURS = 0.1


@dataclass(frozen=True, slots=True)
class PeriodStats:
    """Interactions of one calendar month, aggregated by the store."""

    period: date
    meetings_scheduled: int = 0
    meetings_held: int = 0
    meetings_cancelled: int = 0
    partner_invited: int = 0  # partner attendees invited to held meetings
    partner_attended: int = 0
    ours_invited: int = 0
    ours_attended: int = 0
    calls: int = 0
    emails_inbound: int = 0  # partner -> us
    emails_outbound: int = 0  # us -> partner
    partner_reply_hours: float | None = None  # mean latency of partner replies
    our_reply_hours: float | None = None
    partner_words: float | None = None  # mean length of partner messages
    tone: float | None = None  # mean tone of scored texts, -1 (hostile) .. +1 (warm)
    toned: int = 0  # how many texts carried a tone score
    blaming: int = 0  # texts flagged as blaming
    defensive: int = 0  # texts flagged as defensive
    partner_people: int = 0  # distinct partner contacts who took part
    last_contact: datetime | None = None  # last direct two-way contact in the month
    rituals: Mapping[Ritual, date] = field(default_factory=dict)  # last held, per ritual
    # Each partner reply on its own, for small samples: how many replies carried a
    # latency, the mean of ln(hours) and the mean of its square (replies under 0.1 h
    # count as 0.1 h). None with no reply.
    partner_replies: int = 0
    partner_reply_log: float | None = None
    partner_reply_log_sq: float | None = None
    # Held meetings a partner executive sponsor was invited to, and attended (delegation).
    sponsor_invited: int = 0
    sponsor_attended: int = 0

    @property
    def interactions(self) -> int:
        return self.meetings_held + self.calls + self.emails_inbound + self.emails_outbound


@dataclass(frozen=True, slots=True)
class DeliverableRecord:
    id: int
    title: str
    side: Side
    due: date
    done: date | None = None
    status: DeliverableStatus = DeliverableStatus.OPEN


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    key: str
    name: str
    kind: MetricKind = MetricKind.LAGGING
    higher_is_better: bool = True
    target: float | None = None
    unit: str = ""
    supplied_by: Side = Side.OURS  # who reports the values: the partner's may stop coming


@dataclass(frozen=True, slots=True)
class MetricSeries:
    definition: MetricDefinition
    points: tuple[tuple[date, float], ...] = ()  # (period, value), ascending


@dataclass(frozen=True, slots=True)
class SurveyResponse:
    submitted: date
    side: Side
    score: float  # on the survey's own scale


@dataclass(frozen=True, slots=True)
class SurveyRecord:
    id: int
    kind: SurveyKind
    sent: date
    scale_max: float  # 5 for 1-5 surveys, 10 for 0-10 (NPS style)
    responses: tuple[SurveyResponse, ...] = ()


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    id: int
    observed: date
    category: Category | None
    polarity: Polarity
    kind: ObservationKind = ObservationKind.OTHER
    source: ObservationSource = ObservationSource.INTERNAL
    title: str = ""
    resolved: date | None = None  # when the situation it reports ended, if it has


@dataclass(frozen=True, slots=True)
class ContextFactorRecord:
    kind: ContextKind
    start: date
    end: date | None = None
    portfolio_wide: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class CheckInRecord:
    held: date
    manual_score: int | None = None
    reviewer: str = ""
    neutral_reviewer: bool = False


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    decided: date
    kind: DecisionKind
    rationale: str = ""
    open_actions: int = 0


@dataclass(frozen=True, slots=True)
class GoalRecord:
    """What the alliance is for: a target on one of its metrics, by a date."""

    id: int
    title: str
    metric_key: str | None = None  # key of one of the alliance's metrics
    target: float | None = None  # the metric's value that means the goal is met
    target_date: date | None = None
    # Last reviewed (with the partner); in a backtest it may lie after the day assessed,
    # which says only that earlier reviews are unknown.
    reviewed: date | None = None


@dataclass(frozen=True, slots=True)
class History:
    """Everything the engine knows about one alliance, up to some date."""

    alliance: AllianceInfo
    periods: tuple[PeriodStats, ...] = ()  # ascending, one per month that had data
    contacts: tuple[ContactRecord, ...] = ()
    deliverables: tuple[DeliverableRecord, ...] = ()
    metrics: tuple[MetricSeries, ...] = ()
    surveys: tuple[SurveyRecord, ...] = ()
    observations: tuple[ObservationRecord, ...] = ()
    context: tuple[ContextFactorRecord, ...] = ()
    checkins: tuple[CheckInRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    agreement: AgreementInfo | None = None
    governance: tuple[GovernanceBody, ...] = ()
    goals: tuple[GoalRecord, ...] = ()


# Histories are not sent between processes today (each worker loads its own), but they
# must pickle under the compiled engine as well as the pure one (radar.engine.pickling).
pickle_as_call(
    AllianceInfo,
    AgreementInfo,
    GovernanceBody,
    ContactRecord,
    PeriodStats,
    DeliverableRecord,
    MetricDefinition,
    MetricSeries,
    SurveyResponse,
    SurveyRecord,
    ObservationRecord,
    ContextFactorRecord,
    CheckInRecord,
    DecisionRecord,
    GoalRecord,
    History,
)
