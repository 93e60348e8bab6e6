"""Lifecycle phase: formation, growth, maturity, decline or renewal.

The diagnosis is a small decision table (`PHASE_RULES`), read top to bottom;
the first rule that applies names the phase:

1. renewal — a reset or reinvest decision, a renegotiation, or a newly signed
   agreement for an established alliance within `renewal_window_days`, *and*
   the alliance responds to it: either no confirmed negative cluster is left, or
   the picture has improved since the month before the event (fewer confirmed
   negative signals, or a score up by at least `trend_threshold`). A decision
   alone renews nothing, and a reinvest decision in an alliance whose
   engagement or metrics are rising backs its growth rather than renewing it;
2. decline — confirmed negative signals in `decline_min_categories` categories
   (or a systemic cluster) together with something falling (engagement, metrics
   or the score, or engagement or metrics staying well below their healthy level),
   or a pattern the recommendation resets on even while nothing falls yet (confirmed
   changes in `decline_min_categories` categories, one corroborated by repeated
   sightings elsewhere, or a systemic cluster: revenue is a lagging indicator), or
   one confirmed problem while engagement stays well below its healthy level (a
   degraded, stalled alliance), or a score at or below `exit_score_max` for
   `exit_sustained_periods` periods in a row, or a renewal event (above) after
   which the confirmed cluster persisted or grew;
3. formation — younger than `formation_months`;
4. growth — engagement or metrics rising beyond `plateau_band` over the window;
5. maturity — everything else. It is a *healthy plateau* when engagement and
   metrics are flat, no communication or execution problem is active and no
   confirmed negative cluster exists: routine is normal in maturity, not decline.

Everything the rules read is computed once into `PhaseFacts`
(radar.engine.lifecycle_facts); each rule returns reason codes, and
`radar.engine.lifecycle_explain` writes the sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from radar.engine.assessment import PhaseDiagnosis
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.lifecycle_explain import explain_phase
from radar.engine.lifecycle_facts import (
    PhaseFacts,
    PhaseReason,
    direction,
    phase_facts,
    relative_change,
)
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, Phase

__all__ = ["PHASE_RULES", "PhaseRule", "decide_phase", "diagnose", "direction", "relative_change"]


R = PhaseReason


def _renewing(f: PhaseFacts, config: EngineConfig) -> bool:
    return f.event is not None and f.stalled is None


def _declining(f: PhaseFacts, config: EngineConfig) -> bool:
    return (
        (f.cluster and f.worse)
        or f.pattern
        or f.degraded_problem
        or f.sustained_low
        or f.stalled is not None
    )


def _decline_reasons(f: PhaseFacts) -> tuple[PhaseReason, ...]:
    found = [R.NOT_TURNED_ROUND] if f.stalled is not None else []
    if f.cluster and f.worse:
        found.append(R.CONFIRMED_WHILE_FALLING)
    elif f.pattern and f.stalled is None:  # else "not turned round" says it
        found.append(R.EARLY_PATTERN)
    elif f.cluster:
        found.append(R.CONFIRMED_PERSIST)
    if f.degraded_problem and not f.cluster:
        found.append(R.DEGRADED_PROBLEM)
    if f.sustained_low:
        found.append(R.SUSTAINED_LOW)
    return tuple(found)


def _plateau_reason(f: PhaseFacts) -> PhaseReason:
    flat = f.engagement_way == "flat" and f.metrics_way in ("flat", None)
    steady = Category.COMMUNICATION not in f.active and Category.EXECUTION not in f.active
    if flat and steady and not f.cluster and not f.degraded_parts:
        return R.HEALTHY_PLATEAU
    if "falling" in (f.engagement_way, f.metrics_way) or f.degraded_parts:
        return R.EASING
    return R.ROUTINE


@dataclass(frozen=True, slots=True)
class PhaseRule:
    """One row of the decision table: when it applies, the phase, and why."""

    name: str
    phase: Phase
    applies: Callable[[PhaseFacts, EngineConfig], bool]
    reasons: Callable[[PhaseFacts], tuple[PhaseReason, ...]]


PHASE_RULES: tuple[PhaseRule, ...] = (
    PhaseRule("renewal", Phase.RENEWAL, _renewing, lambda f: (R.RENEWING,)),
    PhaseRule("decline", Phase.DECLINE, _declining, _decline_reasons),
    PhaseRule(
        "formation", Phase.FORMATION, lambda f, c: f.age < c.formation_months, lambda f: (R.YOUNG,)
    ),
    PhaseRule("growth", Phase.GROWTH, lambda f, c: f.rising, lambda f: (R.RISING,)),
    PhaseRule("maturity", Phase.MATURITY, lambda f, c: True, lambda f: (_plateau_reason(f),)),
)


def decide_phase(f: PhaseFacts, config: EngineConfig) -> tuple[Phase, tuple[PhaseReason, ...]]:
    """The phase of the first rule that applies, and every reason code behind it."""
    rule = next(r for r in PHASE_RULES if r.applies(f, config))
    found = [R.AGE, R.ENGAGEMENT_TREND, R.METRICS_TREND if f.has_metrics else R.NO_METRICS]
    if f.backed_growth is not None:
        found.append(R.BACKS_GROWTH)
    found += rule.reasons(f)
    if f.declared is not None and f.declared != rule.phase:
        found.append(R.DECLARED_DIFFERS)
    return rule.phase, tuple(found)


def diagnose(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    config: EngineConfig,
) -> PhaseDiagnosis:
    facts = phase_facts(frame, signals, scores, config)
    phase, codes = decide_phase(facts, config)
    return PhaseDiagnosis(
        phase=phase,
        declared=facts.declared,
        healthy_plateau=R.HEALTHY_PLATEAU in codes,
        reasons=explain_phase(phase, codes, facts, config),
        reason_codes=tuple(str(code) for code in codes),
    )
