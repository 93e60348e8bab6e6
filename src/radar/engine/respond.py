"""Recommend a response: reinvest, reset, exit or monitor — with the evidence.

- exit: the score has stayed at or below `exit_score_max` for
  `exit_sustained_periods` periods, the decline is systemic (a systemic cluster
  or the decline phase) and an earlier reset, older than `reset_response_days`,
  has not lifted the score; or the alliance is declining while its renewal or
  exit-notice deadline is within `deadline_horizon_days`.
- reset: a confirmed negative pattern (including our own side failing to
  deliver, confirmed by the rule of three like any other) or a systemic cluster
  while the relationship is still salvageable. A single unconfirmed slip on our
  side is not a pattern: it adds a reason line (and the checklist's "could we
  be the problem?" item turns to attention) but does not drive the action.
- reinvest: healthy (score >= `reinvest_min_score`, nothing confirmed against
  it) with positive signals or in growth.
- monitor: nothing confirmed.

Every recommendation lists the rule ids behind it, the agreement's dates and the
debugging checklist; signals during a declared context factor say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from radar.engine.assessment import PhaseDiagnosis, Recommendation, Signal
from radar.engine.checklist import checklist, is_our_side
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, month_start
from radar.engine.records import AgreementInfo, DecisionRecord
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import DecisionKind, Phase
from radar.engine.words import join_names, join_words


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
    before = [p.score for p in scores if p.period <= month_start(day)]
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
    then = _score_at(scores, last.decided)
    return last if then is None or scores[-1].score <= then + 1e-9 else None


def _recent_reset(decisions: Sequence[DecisionRecord], as_of: date, days: int) -> date | None:
    recent = [
        d.decided
        for d in decisions
        if d.kind is DecisionKind.RESET and 0 <= (as_of - d.decided).days < days
    ]
    return max(recent) if recent else None


def _context_reasons(signals: PeriodSignals) -> list[str]:
    """One reason per context factor, naming the negative signals it may explain."""
    titles: dict[str, list[str]] = {}
    for s in signals.negatives:
        for note in s.context:
            titles.setdefault(note, []).append(f"“{s.title}”")
    suffix = " — may be external."
    return [
        f"{note.removesuffix(suffix)} — so {join_words(names)} may be external."
        for note, names in titles.items()
    ]


def _pattern_reasons(signals: PeriodSignals, ours: Sequence[Signal]) -> list[str]:
    reasons: list[str] = []
    confirmed = [f"“{s.title}”" for s in signals.negatives if s.confirmed]
    if confirmed:
        reasons.append(f"Confirmed pattern: {join_words(confirmed)}.")
    if signals.systemic:
        names = join_names(signals.systemic_categories)
        reasons.append(f"Signals cluster across {names}: the issue is systemic.")
    if ours:
        reasons.append("Our own side is missing commitments: start by fixing our delivery.")
    return reasons


def recommend(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    phase: PhaseDiagnosis,
    config: EngineConfig,
) -> Recommendation:
    history, as_of = frame.history, frame.as_of
    dates = agreement_dates(history.agreement)
    confirmed = [s for s in signals.negatives if s.confirmed]
    # Our own slips obey the rule of three too: only a confirmed one drives a reset.
    ours = [s for s in confirmed if is_our_side(s.rule)]
    our_slips = [s for s in signals.negatives if is_our_side(s.rule) and not s.confirmed]
    score = scores[-1].score if scores else config.missing_category_cap
    tail = [p.score for p in scores[-config.exit_sustained_periods :]]
    sustained_low = len(tail) == config.exit_sustained_periods and all(
        s <= config.exit_score_max for s in tail
    )
    declining = signals.systemic or phase.phase is Phase.DECLINE
    unanswered = _unanswered_reset(history.decisions, scores, as_of, config)
    deadline = _approaching(dates, as_of, config)
    reasons: list[str] = []
    if sustained_low and declining and unanswered is not None:
        action = DecisionKind.EXIT
        headline = "Prepare a graceful exit: the decline is sustained and a reset did not help."
        reasons.append(
            f"The score has stayed at or below {config.exit_score_max:.1f} for "
            f"{config.exit_sustained_periods} periods and the decline is systemic."
        )
        reasons.append(f"The reset decided on {unanswered.decided} has not lifted the score.")
    elif phase.phase is Phase.DECLINE and deadline is not None:
        action = DecisionKind.EXIT
        headline = f"Decide before the {deadline[0]} on {deadline[1]}: prepare a graceful exit."
        reasons.append(f"The alliance is declining and its {deadline[0]} is on {deadline[1]}.")
    elif confirmed or signals.systemic or ours:
        action = DecisionKind.RESET
        headline = "Reset: have a candid conversation and realign expectations."
    elif score >= config.reinvest_min_score and (signals.positives or phase.phase is Phase.GROWTH):
        action = DecisionKind.REINVEST
        headline = "Reinvest: the alliance is healthy; explore new joint opportunities."
        reasons.append(f"Score {score:.1f} with nothing confirmed against it.")
        reasons += [f"Positive signal: “{s.title}”." for s in signals.positives]
        if phase.phase is Phase.GROWTH:
            reasons.append("Engagement or results are rising.")
    else:
        action = DecisionKind.MONITOR
        headline = "Monitor: nothing is confirmed; keep the regular check-ins."
        open_ones = [s for s in signals.negatives if not s.confirmed]
        if open_ones:
            reasons.append(
                f"{len(open_ones)} unconfirmed signal(s) to watch; the rule of three "
                "holds escalation until they repeat."
            )
        else:
            reasons.append(f"Score {score:.1f}; no active negative signal.")
    if action in (DecisionKind.RESET, DecisionKind.EXIT):
        reasons += _pattern_reasons(signals, ours)
    if action is DecisionKind.RESET:
        since = _recent_reset(history.decisions, as_of, config.reset_response_days)
        if since is not None:
            reasons.append(f"A reset is already under way (decided {since}): follow it through.")
    if our_slips:
        names = join_words([f"“{s.title}”" for s in our_slips])
        reasons.append(
            f"Our own side slipped recently ({names}, not yet confirmed): check our "
            "delivery before it becomes a pattern."
        )
    reasons += _context_reasons(signals)
    if action is DecisionKind.REINVEST:
        behind = list(signals.positives)
    elif action is DecisionKind.MONITOR:
        behind = list(signals.negatives)
    else:
        behind = [*confirmed, *ours, *(signals.negatives if signals.systemic else ())]
    evidence = tuple(dict.fromkeys(s.rule for s in behind))
    return Recommendation(
        action=action,
        headline=headline,
        reasons=tuple(reasons),
        evidence=evidence,
        agreement_dates=dates,
        checklist=checklist(frame, signals, config),
    )
