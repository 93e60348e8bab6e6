"""Recommend a response: reinvest, reset, exit, watch or monitor — with the evidence.

A small decision table (`ACTION_RULES`), read top to bottom; the first rule
that applies chooses the action:

- exit_after_failed_reset: the score has stayed at or below `exit_score_max`
  for `exit_sustained_periods` periods, the decline is systemic (a systemic
  cluster or the decline phase) and an earlier reset, older than
  `reset_response_days`, has not lifted the score;
- exit_before_deadline: the alliance is declining, with a pattern the table
  would reset (systemic, a sustained low score, or `reset_pattern`'s), while its
  renewal or exit-notice deadline is within `deadline_horizon_days`;
- monitor_external: every confirmed problem sits in metrics or execution and
  may be external (a downturn, a regulation on record) while the relationship
  itself is quiet: monitor, with that caveat — resetting the partner would not
  help;
- reset_systemic: a systemic cluster;
- reset_pattern: confirmed problems in `decline_min_categories` categories, or
  one confirmed problem corroborated by a repeated sighting in another category
  or by a second confirmed rule of its own (triangulation: a pattern, not a
  coincidence); a problem in the results that
  an outside force on record may explain is no part of the pattern;
- reset_our_delivery: our own side failing to deliver, confirmed by the rule of
  three like any other: the reset starts with our delivery;
- reset_fact: an unresolved fact that changes the alliance — a key seat left
  empty, the partner signing with our competitor, a programme cut;
- reset_lasting_loss: a confirmed fall in the results that no outside force on
  record explains, while the metrics have stayed at least `deviation_relative`
  below their healthy level at each of the last `degraded_periods` month ends.
  Revenue is a lagging indicator: by the time it has fallen this far and stayed
  there, the cause in the relationship is entrenched, whether or not another
  category still shows it — the candid conversation is due;
- watch_uncorroborated: one confirmed problem that nothing else corroborates yet;
- watch_sightings: unconfirmed sightings in `watch_min_categories` categories
  in the same month — an early warning (a seasonal repeat, or our own
  unconfirmed slip, is no sighting of the partner);
- monitor_outside_force: healthy enough to reinvest, but an outside force (a
  downturn, a regulation) has been on record within the last
  `lifecycle_window_periods` months: the results move with the market, so hold
  new investment and watch, with that caveat (a rebound after a downturn is
  the market coming back, not the alliance growing);
- reinvest: healthy (score >= `reinvest_min_score`, nothing confirmed against
  it but standing risks) with positive signals or in growth;
- monitor_task: only a standing risk is confirmed (a single point of contact, a
  key contact who handed over to a successor): a task, not a reset;
- monitor: nothing confirmed.

Standing (structural) risks never drive a reset on their own; they add a task.
Each rule returns reason codes; a few more apply whatever the action (a reset
already under way, our own unconfirmed slips, context factors, tasks). A single
unconfirmed slip on our side is not a pattern: it adds a reason (and the
checklist's "could we be the problem?" item turns to attention) but does not
drive the action. `radar.engine.respond_explain` writes the headline and the
sentences. Every recommendation lists the rule ids behind it, the agreement's
dates and the debugging checklist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from radar.engine.assessment import PhaseDiagnosis, Recommendation, Signal
from radar.engine.checklist import checklist
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.respond_explain import explain_action, headline
from radar.engine.respond_facts import ActionFacts, ActionReason, action_facts, agreement_dates
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, DecisionKind, Phase

__all__ = ["ACTION_RULES", "ActionRule", "agreement_dates", "decide_action", "recommend"]

R = ActionReason
A = DecisionKind


def _exit_after_failed_reset(f: ActionFacts, config: EngineConfig) -> bool:
    return f.sustained_low and f.declining and f.unanswered is not None


def _exit_before_deadline(f: ActionFacts, config: EngineConfig) -> bool:
    # An exit needs a pattern the table would reset anyway: the decline phase also holds
    # one uncorroborated problem in a degraded alliance, which is watched, not wound down.
    pattern = f.systemic or f.sustained_low or _reset_pattern(f, config)
    return f.phase is Phase.DECLINE and f.deadline is not None and pattern


def _monitor_external(f: ActionFacts, config: EngineConfig) -> bool:
    return f.explained and not f.systemic


def _reset_pattern(f: ActionFacts, config: EngineConfig) -> bool:
    many = len(f.unexplained_categories) >= config.decline_min_categories
    return many or (bool(f.unexplained_categories) and f.corroborated)


def _reset_lasting_loss(f: ActionFacts, config: EngineConfig) -> bool:
    return Category.METRICS in f.unexplained_categories and f.results_loss is not None


def _watch_sightings(f: ActionFacts, config: EngineConfig) -> bool:
    return len(f.sighted) >= config.watch_min_categories


def _reinvest(f: ActionFacts, config: EngineConfig) -> bool:
    return (
        f.score is not None
        and f.score >= config.reinvest_min_score
        and (bool(f.positives) or f.phase is Phase.GROWTH)
    )


def _reinvest_reasons(f: ActionFacts) -> tuple[ActionReason, ...]:
    found = [R.HEALTHY]
    if f.positives:
        found.append(R.POSITIVE_SIGNALS)
    if f.phase is Phase.GROWTH:
        found.append(R.GROWING)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ActionRule:
    """One row of the decision table: when it applies, the action, and why."""

    name: str
    action: DecisionKind
    applies: Callable[[ActionFacts, EngineConfig], bool]
    reasons: Callable[[ActionFacts], tuple[ActionReason, ...]]


ACTION_RULES: tuple[ActionRule, ...] = (
    ActionRule(
        "exit_after_failed_reset",
        A.EXIT,
        _exit_after_failed_reset,
        lambda f: (R.SUSTAINED_SYSTEMIC, R.RESET_UNANSWERED),
    ),
    ActionRule(
        "exit_before_deadline", A.EXIT, _exit_before_deadline, lambda f: (R.DECLINING_DEADLINE,)
    ),
    ActionRule("monitor_external", A.MONITOR, _monitor_external, lambda f: (R.EXTERNAL_EXPLAINS,)),
    ActionRule("reset_systemic", A.RESET, lambda f, c: f.systemic, lambda f: ()),
    ActionRule("reset_pattern", A.RESET, _reset_pattern, lambda f: (R.CORROBORATED,)),
    ActionRule("reset_our_delivery", A.RESET, lambda f, c: bool(f.ours), lambda f: ()),
    ActionRule("reset_fact", A.RESET, lambda f, c: bool(f.durable), lambda f: (R.DURABLE_FACT,)),
    ActionRule("reset_lasting_loss", A.RESET, _reset_lasting_loss, lambda f: (R.LASTING_LOSS,)),
    ActionRule(
        "watch_uncorroborated",
        A.WATCH,
        lambda f, c: bool(f.problems),
        lambda f: (R.UNCORROBORATED,),
    ),
    ActionRule("watch_sightings", A.WATCH, _watch_sightings, lambda f: (R.SIGHTINGS,)),
    ActionRule(
        "monitor_outside_force",
        A.MONITOR,
        lambda f, c: bool(f.outside) and _reinvest(f, c),
        lambda f: (R.OUTSIDE_FORCE,),
    ),
    ActionRule("reinvest", A.REINVEST, _reinvest, _reinvest_reasons),
    ActionRule("monitor_task", A.MONITOR, lambda f, c: bool(f.structural), lambda f: ()),
    ActionRule(
        "monitor", A.MONITOR, lambda f, c: True, lambda f: (R.OPEN_SIGNALS if f.open else R.QUIET,)
    ),
)


def _common_reasons(action: DecisionKind, f: ActionFacts) -> list[ActionReason]:
    """Reasons that follow from the facts whatever rule chose the action."""
    found = [R.STRUCTURAL_TASK] if f.structural else []
    if action in (A.RESET, A.EXIT):
        found += [R.CONFIRMED_PATTERN] if f.confirmed else []
        found += [R.SYSTEMIC_CLUSTER] if f.systemic else []
        found += [R.OUR_DELIVERY] if f.ours else []
    if action is A.RESET and f.recent_reset is not None:
        found.append(R.RESET_UNDER_WAY)
    if f.our_slips:
        found.append(R.OUR_SLIPS)
    if any(s.context for s in f.negatives):
        found.append(R.CONTEXT)
    return found


def decide_action(
    f: ActionFacts, config: EngineConfig
) -> tuple[ActionRule, tuple[ActionReason, ...]]:
    """The first rule that applies, and every reason code behind its action."""
    rule = next(r for r in ACTION_RULES if r.applies(f, config))
    return rule, (*rule.reasons(f), *_common_reasons(rule.action, f))


def _evidence(action: DecisionKind, f: ActionFacts) -> tuple[str, ...]:
    behind: Sequence[Signal]
    if action is A.REINVEST:
        behind = [*f.positives, *f.structural]
    elif action in (A.MONITOR, A.WATCH):
        behind = f.negatives
    else:
        behind = [*f.confirmed, *f.ours, *(f.negatives if f.systemic else ())]
    return tuple(dict.fromkeys(s.rule for s in behind))


def recommend(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    phase: PhaseDiagnosis,
    config: EngineConfig,
) -> Recommendation:
    facts = action_facts(frame, signals, scores, phase, config)
    rule, codes = decide_action(facts, config)
    return Recommendation(
        action=rule.action,
        headline=headline(rule.name, facts),
        reasons=explain_action(codes, facts, config),
        evidence=_evidence(rule.action, facts),
        agreement_dates=facts.dates,
        checklist=checklist(frame, signals, config),
        rule=rule.name,
        reason_codes=tuple(str(code) for code in codes),
    )
