"""What the recommendation rules read, computed once per assessment (radar.engine.respond)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from radar.engine.assessment import PhaseDiagnosis, Signal
from radar.engine.checklist import is_our_side
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, add_months, month_start
from radar.engine.lifecycle_facts import results_degraded
from radar.engine.records import AgreementInfo, DecisionRecord
from radar.engine.score import PeriodScore, sustained_low
from radar.engine.triage import PeriodSignals, context_notes, is_explained, is_structural
from radar.engine.vocab import Category, ContextKind, DecisionKind, Phase


class ActionReason(StrEnum):
    """Why an action was recommended: each code gives one or more sentences."""

    SUSTAINED_SYSTEMIC = "sustained_systemic"
    RESET_UNANSWERED = "reset_unanswered"
    DECLINING_DEADLINE = "declining_deadline"
    HEALTHY = "healthy"
    POSITIVE_SIGNALS = "positive_signals"  # one sentence per positive signal
    GROWING = "growing"
    OPEN_SIGNALS = "open_signals"
    QUIET = "quiet"
    CONFIRMED_PATTERN = "confirmed_pattern"
    SYSTEMIC_CLUSTER = "systemic_cluster"
    OUR_DELIVERY = "our_delivery"  # our own side's confirmed slips
    RESET_UNDER_WAY = "reset_under_way"
    OUR_SLIPS = "our_slips"  # our own side's unconfirmed slips
    CONTEXT = "context"  # one sentence per context factor
    CORROBORATED = "corroborated"  # a confirmed problem with company in another category
    DURABLE_FACT = "durable_fact"  # one sentence per unresolved fact (an empty seat, ...)
    EXTERNAL_EXPLAINS = "external_explains"  # an outside force explains it; relationship fine
    STRUCTURAL_TASK = "structural_task"  # one sentence per structural risk: what to build
    UNCORROBORATED = "uncorroborated"  # one confirmed problem, nothing else says so yet
    SIGHTINGS = "sightings"  # unconfirmed sightings in several categories this month
    OUTSIDE_FORCE = "outside_force"  # healthy, but an outside force is on record: hold back
    LASTING_LOSS = "lasting_loss"  # a confirmed fall in the results that has lasted


# Outside forces that move an alliance's results with the market: while one is on record,
# growth read over those months is no reason to invest more (a factor inside the partner,
# a merger or a new leader, is a change in the relationship, not in the market).
MARKET_KINDS = frozenset({ContextKind.DOWNTURN, ContextKind.REGULATION})


def agreement_dates(agreement: AgreementInfo | None) -> tuple[tuple[str, date], ...]:
    if agreement is None:
        return ()
    dates: list[tuple[str, date | None]] = [
        ("next review", agreement.next_review),
        ("renegotiation", agreement.renegotiation),
        ("renewal", agreement.renewal),
    ]
    if agreement.renewal and agreement.exit_notice_days is not None:
        notice = agreement.renewal - timedelta(days=agreement.exit_notice_days)
        dates.append(("exit notice deadline", notice))
    dates.append(("last reviewed", agreement.last_reviewed))
    return tuple((name, when) for name, when in dates if when is not None)


def _approaching(
    dates: Sequence[tuple[str, date]], as_of: date, config: EngineConfig
) -> tuple[str, date] | None:
    horizon = as_of + timedelta(days=config.deadline_horizon_days)
    soon = [(n, d) for n, d in dates if n in ("renewal", "exit notice deadline")]
    soon = [(n, d) for n, d in soon if as_of <= d <= horizon]
    return min(soon, key=lambda item: item[1]) if soon else None


def _score_at(scores: Sequence[PeriodScore], day: date) -> float | None:
    before = [p.score for p in scores if p.period <= month_start(day) and p.score is not None]
    return before[-1] if before else None


def _unanswered_reset(
    decisions: Sequence[DecisionRecord],
    scores: Sequence[PeriodScore],
    as_of: date,
    config: EngineConfig,
) -> DecisionRecord | None:
    resets = [d for d in decisions if d.kind is DecisionKind.RESET and d.decided <= as_of]
    if not resets or not scores:
        return None
    last = max(resets, key=lambda d: d.decided)
    if (as_of - last.decided).days < config.reset_response_days:
        return None
    then, now = _score_at(scores, last.decided), scores[-1].score
    if now is None:
        return None  # no score to tell
    return last if then is None or now <= then + 1e-9 else None


def _recent_reset(decisions: Sequence[DecisionRecord], as_of: date, days: int) -> date | None:
    recent = [
        d.decided
        for d in decisions
        if d.kind is DecisionKind.RESET and 0 <= (as_of - d.decided).days < days
    ]
    return max(recent) if recent else None


@dataclass(frozen=True, slots=True)
class ActionFacts:
    """Everything the recommendation rules read."""

    score: float | None  # None: not enough data yet
    phase: Phase
    period: date  # the month assessed
    negatives: tuple[Signal, ...]
    positives: tuple[Signal, ...]
    confirmed: tuple[Signal, ...]  # confirmed negatives
    ours: tuple[Signal, ...]  # confirmed negatives about our own delivery
    our_slips: tuple[Signal, ...]  # unconfirmed ones
    systemic: bool
    systemic_categories: tuple[Category, ...]
    corroborated: bool  # a confirmed problem with company in another category (triage)
    sustained_low: bool
    unanswered: DecisionRecord | None  # the last reset, when it has not lifted the score
    recent_reset: date | None  # a reset decided within `reset_response_days`
    deadline: tuple[str, date] | None  # an approaching renewal or exit-notice deadline
    dates: tuple[tuple[str, date], ...]
    # Market factors (a downturn, a regulation: `MARKET_KINDS`) in force at some time
    # in the last `lifecycle_window_periods` months: the window the growth trend is read
    # over, so a rebound after a downturn is the market coming back, not the alliance.
    outside: tuple[str, ...] = ()
    # How far the metrics have stayed below their healthy level (-0.4: 40 % below) when
    # they have stayed far below it for months (radar.engine.lifecycle_facts); else None.
    results_loss: float | None = None

    @property
    def declining(self) -> bool:
        return self.systemic or self.phase is Phase.DECLINE

    @property
    def open(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.negatives if not s.confirmed)

    @property
    def problems(self) -> tuple[Signal, ...]:
        """Confirmed negatives that are changes, not standing (structural) risks."""
        return tuple(s for s in self.confirmed if not is_structural(s))

    @property
    def structural(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.confirmed if is_structural(s))

    @property
    def durable(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.confirmed if s.durable)

    @property
    def problem_categories(self) -> frozenset[Category]:
        return frozenset(s.category for s in self.problems)

    @property
    def unexplained_categories(self) -> frozenset[Category]:
        """Categories of the confirmed problems no outside force on record explains."""
        return frozenset(s.category for s in self.problems if not is_explained(s))

    @property
    def explained(self) -> bool:
        """Every confirmed problem sits outside the relationship and may be external."""
        found = self.problems
        return bool(found) and all(is_explained(s) for s in found)

    @property
    def sighted(self) -> frozenset[Category]:
        """Categories with a negative sighting in the assessed month; a seasonal one (a
        repeat of last year's dip, a declared quiet period) counts nothing, so warns of
        nothing either. Nor does our own unconfirmed slip: it says nothing about the
        partner, and drives no action until it confirms (it adds a reason instead)."""
        return frozenset(
            s.category
            for s in self.negatives
            if s.last_seen == self.period and not s.seasonal and not is_our_side(s.rule)
        )


def action_facts(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    phase: PhaseDiagnosis,
    config: EngineConfig,
) -> ActionFacts:
    history, as_of = frame.history, frame.as_of
    dates = agreement_dates(history.agreement)
    negatives = signals.negatives
    confirmed = tuple(s for s in negatives if s.confirmed)
    return ActionFacts(
        score=scores[-1].score if scores else None,
        phase=phase.phase,
        period=signals.period,
        negatives=negatives,
        positives=signals.positives,
        confirmed=confirmed,
        # Our own slips obey the rule of three too: only a confirmed one drives a reset.
        ours=tuple(s for s in confirmed if is_our_side(s.rule)),
        our_slips=tuple(s for s in negatives if is_our_side(s.rule) and not s.confirmed),
        systemic=signals.systemic,
        systemic_categories=signals.systemic_categories,
        corroborated=signals.corroborated,
        sustained_low=sustained_low(scores, config),
        unanswered=_unanswered_reset(history.decisions, scores, as_of, config),
        recent_reset=_recent_reset(history.decisions, as_of, config.reset_response_days),
        deadline=_approaching(dates, as_of, config),
        dates=dates,
        outside=context_notes(
            add_months(signals.period, 1 - max(config.lifecycle_window_periods, 1)),
            signals.period,
            [f for f in history.context if f.kind in MARKET_KINDS],
        ),
        results_loss=results_degraded(frame, config),
    )
