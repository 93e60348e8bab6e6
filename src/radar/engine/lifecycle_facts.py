"""What the lifecycle phase rules read, computed once per assessment (radar.engine.lifecycle).

Trends compare the mean of the first and second halves of the last
`lifecycle_window_periods` periods (at least `lifecycle_min_periods` values).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import fmean

from radar.engine.config import EngineConfig
from radar.engine.features import Frame, month_start
from radar.engine.score import PeriodScore, sustained_low
from radar.engine.trends import Growth, growth, level_gap, way
from radar.engine.triage import PeriodSignals, is_explained, is_structural
from radar.engine.vocab import Category, DecisionKind, Phase


class PhaseReason(StrEnum):
    """Why a phase was diagnosed: one code per sentence of the explanation."""

    AGE = "age"
    ENGAGEMENT_TREND = "engagement_trend"
    METRICS_TREND = "metrics_trend"
    NO_METRICS = "no_metrics"
    BACKS_GROWTH = "backs_growth"  # a reinvest decision backs growth, renews nothing
    RENEWING = "renewing"
    NOT_TURNED_ROUND = "not_turned_round"  # a renewal event the alliance did not respond to
    CONFIRMED_WHILE_FALLING = "confirmed_while_falling"
    CONFIRMED_PERSIST = "confirmed_persist"
    SUSTAINED_LOW = "sustained_low"
    DEGRADED_PROBLEM = "degraded_problem"  # a confirmed problem while engagement stays low
    EARLY_PATTERN = "early_pattern"  # a pattern to reset on, before any number falls
    YOUNG = "young"
    RISING = "rising"
    HEALTHY_PLATEAU = "healthy_plateau"
    EASING = "easing"
    ROUTINE = "routine"
    DECLARED_DIFFERS = "declared_differs"


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


def sustained_gap(
    values: Sequence[float | None],
    medians: Sequence[float | None],
    config: EngineConfig,
) -> bool:
    """The level stayed `deviation_relative` or more below its healthy level at each of the
    last `degraded_periods` period ends (one low reading is not a low level)."""
    for back in range(config.degraded_periods):
        end = len(values) - back
        if end <= 0:
            return False
        gap = level_gap(values[:end], config, True, medians[:end])
        if gap is None or gap > -config.deviation_relative:
            return False
    return True


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _metrics_trend(frame: Frame, config: EngineConfig) -> tuple[float | None, str | None]:
    """The metrics' mean annual growth in their good direction, and which way most go."""
    rates: list[float] = []
    ways: list[str] = []
    for series in frame.history.metrics:
        values = frame.metric(series.definition.key)[-config.lifecycle_window_periods :]
        found = growth(values, config.lifecycle_min_periods)
        if found is None:
            continue
        if not series.definition.higher_is_better:
            found = Growth(-found.rate, -found.t)
        rates.append(found.rate)
        ways.append(way(found, config) or "flat")
    if not rates:
        return None, None
    up, down = ways.count("rising"), ways.count("falling")
    return fmean(rates), "rising" if up > down else "falling" if down > up else "flat"


def _metrics_gap(frame: Frame, config: EngineConfig, back: int = 0) -> float | None:
    """The metrics' mean distance from their healthy level, in their good direction,
    `back` month ends ago."""
    gaps = []
    for series in frame.history.metrics:
        key = series.definition.key
        good = series.definition.higher_is_better
        values, medians = frame.metric(key), frame.metric_medians(key)
        end = len(values) - back
        if end <= 0:
            continue
        gap = level_gap(values[:end], config, good, medians[:end])
        if gap is not None:
            gaps.append(gap)
    return fmean(gaps) if gaps else None


def results_degraded(frame: Frame, config: EngineConfig) -> float | None:
    """How far the metrics stay below their healthy level when they have stayed at least
    `deviation_relative` below it at each of the last `degraded_periods` month ends (a
    lasting loss, not one low month); None otherwise."""
    gaps = [_metrics_gap(frame, config, back) for back in range(max(config.degraded_periods, 1))]
    if any(gap is None or gap > -config.deviation_relative for gap in gaps):
        return None
    return gaps[0]


@dataclass(frozen=True, slots=True)
class RenewalEvent:
    """Something that should renew the alliance: when, and how to say it."""

    day: date
    said: str  # e.g. "A reset was decided on 2026-03-02"
    reinvest: bool = False


@dataclass(frozen=True, slots=True)
class Stalled:
    """A renewal event the alliance has not responded to: the picture before and now.

    `before` is None when there is no month before the event to compare with.
    """

    event: RenewalEvent
    before: tuple[int, float | None] | None  # (confirmed problems, score) the month before
    now: tuple[int, float | None] | None


def _renewal_event(frame: Frame, age: int, config: EngineConfig) -> RenewalEvent | None:
    since = frame.as_of - timedelta(days=config.renewal_window_days)
    for decision in sorted(frame.history.decisions, key=lambda d: d.decided, reverse=True):
        if since <= decision.decided <= frame.as_of and decision.kind in (
            DecisionKind.RESET,
            DecisionKind.REINVEST,
        ):
            when = decision.decided.isoformat()
            reinvest = decision.kind is DecisionKind.REINVEST
            return RenewalEvent(
                decision.decided, f"A {decision.kind} was decided on {when}", reinvest
            )
    agreement = frame.history.agreement
    if agreement is not None:
        if agreement.renegotiation and since <= agreement.renegotiation <= frame.as_of:
            when = agreement.renegotiation.isoformat()
            return RenewalEvent(
                agreement.renegotiation, f"The agreement was renegotiated on {when}"
            )
        signed = agreement.signed
        if signed and since <= signed <= frame.as_of and age >= config.formation_months:
            return RenewalEvent(signed, f"A new agreement was signed on {signed.isoformat()}")
    return None


def _confirmed_count(score: PeriodScore) -> int:
    return sum(c.confirmed for c in score.categories)


def _stalled(
    event: RenewalEvent, scores: Sequence[PeriodScore], cluster: bool, config: EngineConfig
) -> Stalled | None:
    """None when the alliance responds to the event; else the picture before and now.

    The picture before the event is the last complete month before the event's month
    (what the decision was taken on); a renewal needs fewer confirmed negatives or a
    score up by at least `trend_threshold` since then — unless no cluster is left.
    """
    if not cluster:
        return None
    before = [p for p in scores if p.period < month_start(event.day)]
    if not (before and scores):
        return Stalled(event, None, None)
    then, now = before[-1], scores[-1]
    fewer = _confirmed_count(now) < _confirmed_count(then)
    rose = (
        now.score is not None
        and then.score is not None
        and now.score >= then.score + config.trend_threshold - 1e-9
    )
    if fewer or rose:
        return None
    return Stalled(event, (_confirmed_count(then), then.score), (_confirmed_count(now), now.score))


@dataclass(frozen=True, slots=True)
class PhaseFacts:
    """Everything the phase rules read, computed once per assessment."""

    age: int  # months
    engagement: float | None  # annual growth over the window (0.3 = +30 % a year)
    metrics: float | None
    has_metrics: bool
    engagement_way: str | None  # "rising", "falling", "flat" or None
    metrics_way: str | None
    falling_parts: tuple[str, ...]  # "engagement", "metrics", "the score"
    # What stays well below its healthy (reference) level: ("engagement", -0.4), ...
    degraded_parts: tuple[tuple[str, float], ...]
    confirmed: frozenset[Category]  # categories with a confirmed negative signal
    active: frozenset[Category]  # categories with any negative signal
    cluster: bool  # confirmed negatives in enough categories, or systemic, or corroborated
    sustained_low: bool
    backed_growth: RenewalEvent | None  # a reinvest decision in a growing alliance
    event: RenewalEvent | None  # a renewal event (not one that backs growth)
    stalled: Stalled | None  # the event, when the alliance has not responded to it
    declared: Phase | None
    # The cluster is one confirmed problem corroborated by another category or a second
    # confirmed change of its own (radar.engine.triage).
    corroborated: bool = False
    # A confirmed problem (a change, not a standing risk or an explained result) while
    # engagement has stayed well below its healthy level: degraded and stalled.
    degraded_problem: bool = False
    # A pattern the recommendation resets on (radar.engine.respond): confirmed changes in
    # two categories, or one corroborated, or a systemic cluster — standing risks and
    # results an outside force may explain make none.
    pattern: bool = False

    @property
    def falling(self) -> bool:
        return bool(self.falling_parts)

    @property
    def worse(self) -> bool:
        """Something falls, or stays well below its healthy level (a degraded, stalled
        alliance declines too)."""
        return bool(self.falling_parts or self.degraded_parts)

    @property
    def rising(self) -> bool:
        return "rising" in (self.engagement_way, self.metrics_way)


def phase_facts(
    frame: Frame, signals: PeriodSignals, scores: Sequence[PeriodScore], config: EngineConfig
) -> PhaseFacts:
    history, as_of = frame.history, frame.as_of
    started = history.alliance.started or (frame.periods[0] if frame.periods else as_of)
    age = months_between(started, as_of)
    window = config.lifecycle_window_periods
    engaged = frame.series("engagement") if frame.periods else ()
    found = growth(engaged[-window:], config.lifecycle_min_periods)
    engagement = found.rate if found is not None else None
    metrics, met_way = _metrics_trend(frame, config)
    score_change = relative_change(
        [p.score for p in scores[-window:]], config.lifecycle_min_periods
    )
    band = config.plateau_band
    eng_way = way(found, config)
    degraded = tuple(
        (name, gap)
        for name, gap in (
            ("engagement", level_gap(engaged, config, True, frame.medians("engagement"))),
            ("metrics", _metrics_gap(frame, config)),
        )
        if gap is not None and gap <= -config.deviation_relative
    )
    falling_parts = tuple(
        name
        for name, down in (
            ("engagement", eng_way == "falling"),
            ("metrics", met_way == "falling"),
            ("the score", (score_change or 0.0) < -band / 2),
        )
        if down
    )
    confirmed = frozenset(s.category for s in signals.negatives if s.confirmed)
    # A slow boil often confirms in one category while others only repeat: one confirmed
    # problem (a change, not a standing risk) corroborated in another category is a
    # pattern too, as it is for the recommendation (radar.engine.respond) — unless the
    # problem is in the results and an outside force on record may explain it.
    changes = frozenset(
        s.category
        for s in signals.negatives
        if s.confirmed and not is_structural(s) and not is_explained(s)
    )
    problems = bool(changes)
    many = len(confirmed) >= config.decline_min_categories or signals.systemic
    corroborated = not many and problems and signals.corroborated
    cluster = many or corroborated
    # Revenue is a lagging indicator: a pattern the recommendation resets on is a decline
    # before any number falls (standing risks and explained results make no such pattern).
    pattern = (
        signals.systemic
        or len(changes) >= config.decline_min_categories
        or (problems and signals.corroborated)
    )
    # A degraded, stalled alliance: one confirmed problem while engagement has stayed
    # far below its healthy level (the reference, not the trailing median that absorbs a
    # slow boil) declines even when nothing falls any more and nothing corroborates it.
    degraded_problem = (
        problems and bool(engaged) and sustained_gap(engaged, frame.medians("engagement"), config)
    )
    low = sustained_low(scores, config)
    event = _renewal_event(frame, age, config)
    backed = None
    if event is not None and event.reinvest and "rising" in (eng_way, met_way):
        backed, event = event, None
    return PhaseFacts(
        age=age,
        engagement=engagement,
        metrics=metrics,
        has_metrics=bool(history.metrics),
        engagement_way=eng_way,
        metrics_way=met_way,
        falling_parts=falling_parts,
        degraded_parts=degraded,
        confirmed=confirmed,
        active=frozenset(s.category for s in signals.negatives),
        cluster=cluster,
        sustained_low=low,
        backed_growth=backed,
        event=event,
        stalled=_stalled(event, scores, cluster, config) if event is not None else None,
        declared=history.alliance.declared_phase,
        corroborated=corroborated,
        degraded_problem=degraded_problem,
        pattern=pattern,
    )
