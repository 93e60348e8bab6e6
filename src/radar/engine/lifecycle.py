"""Lifecycle phase: formation, growth, maturity, decline or renewal.

The diagnosis reads, in this order:
1. renewal — a reset or reinvest decision, a renegotiation, or a newly signed
   agreement for an established alliance within `renewal_window_days`, *and*
   the alliance responds to it: either no confirmed negative cluster is left, or
   the picture has improved since the month before the event (fewer confirmed
   negative signals, or a score up by at least `trend_threshold`). A decision
   alone renews nothing, and a reinvest decision in an alliance whose
   engagement or metrics are rising backs its growth rather than renewing it;
2. decline — confirmed negative signals in `decline_min_categories` categories
   (or a systemic cluster) together with something falling (engagement, metrics
   or the score), or a score at or below `exit_score_max` for
   `exit_sustained_periods` periods in a row, or a renewal event (above) after
   which the confirmed cluster persisted or grew: the reasons say that the reset
   (or renegotiation) has not turned things round yet;
3. formation — younger than `formation_months`;
4. growth — engagement or metrics rising beyond `plateau_band` over the window;
5. maturity — everything else. It is a *healthy plateau* when engagement and
   metrics are flat, no communication or execution problem is active and no
   confirmed negative cluster exists: routine is normal in maturity, not decline.

Trends compare the mean of the first and second halves of the last
`lifecycle_window_periods` periods (at least `lifecycle_min_periods` values).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from radar.engine.assessment import PhaseDiagnosis
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, month_start
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, DecisionKind, Phase
from radar.engine.words import join_names, join_words


def relative_change(values: Sequence[float | None], min_values: int = 4) -> float | None:
    """Change of the second half's mean against the first half's, relative to it."""
    present = [v for v in values if v is not None]
    if len(present) < min_values:
        return None
    half = len(present) // 2
    first, second = fmean(present[:half]), fmean(present[-half:])
    if first == 0:
        return 0.0 if second == 0 else 1.0
    return (second - first) / abs(first)


def direction(change: float | None, band: float) -> str | None:
    if change is None:
        return None
    return "rising" if change > band else "falling" if change < -band else "flat"


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _age_words(months: int) -> str:
    years, rest = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if rest or not parts:
        parts.append(f"{rest} month{'s' * (rest != 1)}")
    return " and ".join(parts)


def _metrics_change(frame: Frame, config: EngineConfig) -> float | None:
    changes: list[float] = []
    for series in frame.history.metrics:
        values = frame.metric(series.definition.key)[-config.lifecycle_window_periods :]
        change = relative_change(values, config.lifecycle_min_periods)
        if change is not None:
            changes.append(change if series.definition.higher_is_better else -change)
    return fmean(changes) if changes else None


@dataclass(frozen=True, slots=True)
class _Event:
    """Something that should renew the alliance: when, and how to say it."""

    day: date
    said: str  # e.g. "A reset was decided on 2026-03-02"
    reinvest: bool = False


def _renewal_event(frame: Frame, age: int, config: EngineConfig) -> _Event | None:
    since = frame.as_of - timedelta(days=config.renewal_window_days)
    for decision in sorted(frame.history.decisions, key=lambda d: d.decided, reverse=True):
        if since <= decision.decided <= frame.as_of and decision.kind in (
            DecisionKind.RESET,
            DecisionKind.REINVEST,
        ):
            when = decision.decided.isoformat()
            reinvest = decision.kind is DecisionKind.REINVEST
            return _Event(decision.decided, f"A {decision.kind} was decided on {when}", reinvest)
    agreement = frame.history.agreement
    if agreement is not None:
        if agreement.renegotiation and since <= agreement.renegotiation <= frame.as_of:
            when = agreement.renegotiation.isoformat()
            return _Event(agreement.renegotiation, f"The agreement was renegotiated on {when}")
        signed = agreement.signed
        if signed and since <= signed <= frame.as_of and age >= config.formation_months:
            return _Event(signed, f"A new agreement was signed on {signed.isoformat()}")
    return None


def _confirmed_count(score: PeriodScore) -> int:
    return sum(c.confirmed for c in score.categories)


def _response(
    event: _Event, scores: Sequence[PeriodScore], cluster: bool, config: EngineConfig
) -> str | None:
    """None when the alliance responds to the event; else what persists since it.

    The picture before the event is the last complete month before the event's month
    (what the decision was taken on); a renewal needs fewer confirmed negatives or a
    score up by at least `trend_threshold` since then — unless no cluster is left.
    """
    if not cluster:
        return None
    before = [p for p in scores if p.period < month_start(event.day)]
    if before and scores:
        then, now = before[-1], scores[-1]
        fewer = _confirmed_count(now) < _confirmed_count(then)
        if fewer or now.score >= then.score + config.trend_threshold - 1e-9:
            return None
        return (
            f"{event.said}, but it has not turned things round yet: "
            f"{_confirmed_count(then)} confirmed problem(s) and a score of {then.score:.1f} "
            f"before it, {_confirmed_count(now)} and {now.score:.1f} now."
        )
    return f"{event.said}, but it has not turned things round yet: the confirmed problems persist."


def _trend_sentence(what: str, verb: str, change: float | None, band: float) -> str:
    way = direction(change, band)
    if change is None or way is None:
        return f"Not enough history to read a trend in {what.lower()}."
    return f"{what} {verb} {way} over the last year ({change:+.0%})."


def diagnose(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    config: EngineConfig,
) -> PhaseDiagnosis:
    history, as_of = frame.history, frame.as_of
    started = history.alliance.started or (frame.periods[0] if frame.periods else as_of)
    age = _months_between(started, as_of)
    window = config.lifecycle_window_periods
    engagement = relative_change(
        frame.series("engagement")[-window:] if frame.periods else (),
        config.lifecycle_min_periods,
    )
    metrics = _metrics_change(frame, config)
    recent_scores = [p.score for p in scores[-window:]]
    score_change = relative_change(recent_scores, config.lifecycle_min_periods)
    band = config.plateau_band
    eng_way, met_way = direction(engagement, band), direction(metrics, band)
    score_falling = (score_change or 0.0) < -band / 2
    falling_parts = [
        name
        for name, down in (
            ("engagement", eng_way == "falling"),
            ("metrics", met_way == "falling"),
            ("the score", score_falling),
        )
        if down
    ]
    falling = bool(falling_parts)
    confirmed = {s.category for s in signals.negatives if s.confirmed}
    cluster = len(confirmed) >= config.decline_min_categories or signals.systemic
    tail = [p.score for p in scores[-config.exit_sustained_periods :]]
    sustained_low = len(tail) == config.exit_sustained_periods and all(
        s <= config.exit_score_max for s in tail
    )
    reasons = [
        f"The alliance is {_age_words(age)} old.",
        _trend_sentence("Engagement (meetings, calls, partner e-mails)", "is", engagement, band),
        _trend_sentence("Metrics", "are", metrics, band)
        if history.metrics
        else "No metrics are tracked.",
    ]
    plateau = False
    event = _renewal_event(frame, age, config)
    if event is not None and event.reinvest and "rising" in (eng_way, met_way):
        # Reinvesting in an alliance that is growing backs its growth; it renews nothing.
        reasons.append(f"{event.said} to back its growth.")
        event = None
    stalled = _response(event, scores, cluster, config) if event is not None else None
    if event is not None and stalled is None:
        phase = Phase.RENEWAL
        reasons.append(
            event.said + ". The alliance is being renewed; watch that it keeps responding."
        )
    elif (cluster and falling) or sustained_low or stalled is not None:
        phase = Phase.DECLINE
        if stalled is not None:
            reasons.append(stalled)
        names = join_names([c for c in Category if c in confirmed]) or "several categories"
        if cluster and falling:
            what = join_words(falling_parts)
            verb = "falls" if falling_parts in (["engagement"], ["the score"]) else "fall"
            reasons.append(f"Confirmed problems in {names} while {what} {verb}.")
        elif cluster:
            reasons.append(f"Confirmed problems in {names} persist.")
        if sustained_low:
            reasons.append(f"The score has stayed at or below {config.exit_score_max:.1f}.")
    elif age < config.formation_months:
        phase = Phase.FORMATION
        reasons.append(f"Younger than {config.formation_months} months: still forming.")
    elif "rising" in (eng_way, met_way):
        phase = Phase.GROWTH
        reasons.append("Engagement or results are still rising: the alliance is growing.")
    else:
        phase = Phase.MATURITY
        plateau, why = _plateau(signals, eng_way, met_way, cluster)
        reasons.append(why)
    declared = history.alliance.declared_phase
    if declared is not None and declared != phase:
        reasons.append(f"Declared phase is {declared}, but the data points to {phase}.")
    return PhaseDiagnosis(
        phase=phase, declared=declared, healthy_plateau=plateau, reasons=tuple(reasons)
    )


def _plateau(
    signals: PeriodSignals, eng_way: str | None, met_way: str | None, cluster: bool
) -> tuple[bool, str]:
    active = {s.category for s in signals.negatives}
    steady_talk = Category.COMMUNICATION not in active
    steady_work = Category.EXECUTION not in active
    flat = eng_way == "flat" and met_way in ("flat", None)
    if flat and steady_talk and steady_work and not cluster:
        return True, (
            "Engagement and results are flat, communication is stable and deliverables "
            "arrive as planned: a healthy plateau, not a decline."
        )
    if eng_way == "falling" or met_way == "falling":
        return False, "Engagement or results are easing without a confirmed pattern yet: watch it."
    return False, "Settled into routine, with some open signals to watch."
