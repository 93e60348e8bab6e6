"""The shape of a demo story: specs for people and events, and monthly "levels".

A scenario describes an alliance as a baseline (how it behaves when nothing is
happening) plus `Shift`s: a change to one level that starts N months before
`as_of`, ramps in, and may end. The generator turns the levels of each month
into concrete interactions, metric values, deliverables and surveys, so a story
reads the same whatever the seed: the seed only moves the noise.

Months are counted relative to the month of `as_of`: 0 is that month, -1 the
month before, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Levels that add (probabilities, tone, a 1-5 health) rather than multiply.
ADDITIVE = frozenset(
    {"tone", "blame", "defensive", "cancel_rate", "partner_late", "ours_late", "health"}
)


@dataclass(frozen=True)
class Levels:
    """How an alliance behaves in one month (1.0 = its own normal)."""

    engagement: float = 1.0  # share of optional meetings, calls and e-mails that happen
    attendance: float = 0.92  # chance an invited partner attendee shows up
    cancel_rate: float = 0.04  # chance a scheduled meeting is cancelled
    reply_hours: float = 10.0  # partner's typical reply latency
    words: float = 1.0  # partner message length (x the alliance's normal)
    tone: float = 0.35  # mean tone of partner texts, -1..1
    blame: float = 0.0  # chance a partner text blames us
    defensive: float = 0.0  # chance a partner text is defensive
    reach: float = 1.0  # share of the partner's contacts who take part
    leads: float = 1.0
    revenue: float = 1.0
    conversion: float = 1.0
    satisfaction: float = 1.0  # surveys and customer NPS
    velocity: float = 1.0  # joint initiatives launched (innovation pipeline)
    partner_late: float = 0.08  # chance a partner deliverable slips
    ours_late: float = 0.05  # chance one of ours slips
    health: float = 4.0  # what an honest reviewer would score (check-ins)


@dataclass(frozen=True)
class Shift:
    """A change to one level: `factor` (x, or + for ADDITIVE levels) at full effect."""

    level: str
    start: int  # month relative to as_of when it begins (e.g. -5)
    factor: float
    ramp: int = 3  # months to reach full effect
    end: int | None = None  # last month affected (inclusive); None = still going

    def weight(self, month: int) -> float:
        if month < self.start or (self.end is not None and month > self.end):
            return 0.0
        return min(1.0, (month - self.start + 1) / max(self.ramp, 1))


@dataclass(frozen=True)
class ContactSpec:
    key: str
    name: str
    title: str
    role: str
    side: str = "partner"
    start: int | None = None  # relative month; None = since the alliance started
    end: int | None = None  # relative month the person left the role
    end_reason: str = ""
    successor: str = ""  # key of the successor
    keenness: float = 1.0  # x attendance; a reluctant newcomer is below 1
    tenure_years: float = 0.0  # in role before the alliance started (for realism)
    notes: str = ""


@dataclass(frozen=True)
class ObservationSpec:
    month: int
    day: int
    kind: str
    title: str
    detail: str
    category: str = ""
    polarity: str = "negative"
    source: str = "internal"
    url: str = ""


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner: str
    due_days: int  # after the decision
    done: bool = False


@dataclass(frozen=True)
class DecisionSpec:
    month: int
    day: int
    kind: str
    rationale: str
    actions: tuple[ActionSpec, ...] = ()


@dataclass(frozen=True)
class ContextSpec:
    kind: str
    start: int
    note: str
    end: int | None = None


@dataclass(frozen=True)
class MetricSpec:
    key: str
    name: str
    level: str  # which Levels field drives it
    base: float
    unit: str = ""
    kind: str = "lagging"
    higher_is_better: bool = True
    target: float | None = None
    noise: float = 0.08  # relative standard deviation
    growth: float = 0.0  # compound growth per month over the whole history
    decimals: int = 0
    inverse: bool = False  # value falls when the level rises (e.g. escalations vs velocity)


@dataclass(frozen=True)
class AgreementSpec:
    signed: int  # relative month
    renewal_days: int  # days after as_of (negative = already passed)
    review_interval_months: int = 12
    next_review_days: int = 90
    renegotiation_days: int | None = None
    exit_notice_days: int = 90
    review_clause: str = ""
    renegotiation_clause: str = ""
    exit_clause: str = ""


@dataclass(frozen=True)
class Scenario:
    key: str
    name: str
    partner: str
    domain: str
    kind: str
    tier: int
    owner: str  # username of the owner
    start: int  # relative month the alliance started
    phase: str
    description: str
    story: str  # what it illustrates (docs/demo.md)
    contacts: tuple[ContactSpec, ...]
    metrics: tuple[MetricSpec, ...]
    agreement: AgreementSpec
    goals: tuple[tuple[str, str, float], ...] = ()  # (title, metric key, target)
    base: Levels = field(default_factory=Levels)
    shifts: tuple[Shift, ...] = ()
    holiday_dip: float = 0.8  # engagement in late December (1.0 = no dip)
    observations: tuple[ObservationSpec, ...] = ()
    decisions: tuple[DecisionSpec, ...] = ()
    context: tuple[ContextSpec, ...] = ()
    emails_per_month: float = 5.0  # each way, at engagement 1.0
    words: int = 160  # the partner's normal message length
    deliverable_every_weeks: int = 6
    deliverable_titles: tuple[str, ...] = ()
    # Check-ins whose manual score ignores the levels: {relative month: score}.
    manual_scores: tuple[tuple[int, int], ...] = ()
    unanswered_last_survey: bool = False
    wg_name: str = "Joint working group"
    workshops: tuple[int, ...] = ()  # relative months with a joint innovation workshop

    def levels(self, month: int, calendar_month: int) -> Levels:
        """The levels in a month: baseline, then each shift, then the holiday dip."""
        values = {name: getattr(self.base, name) for name in Levels.__dataclass_fields__}
        for shift in self.shifts:
            weight = shift.weight(month)
            if weight == 0.0:
                continue
            if shift.level in ADDITIVE:
                values[shift.level] += shift.factor * weight
            else:
                values[shift.level] *= 1.0 + (shift.factor - 1.0) * weight
        if calendar_month == 12 and self.holiday_dip < 1.0:
            # Year-end: people are away, replies wait, some meetings are dropped.
            values["engagement"] *= self.holiday_dip
            values["reply_hours"] /= self.holiday_dip
            values["cancel_rate"] += (1.0 - self.holiday_dip) * 0.5
        return replace(self.base, **values)
