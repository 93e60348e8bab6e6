"""The 1-5 health score, per category and in total, for every period.

Each of the six categories starts at 5. Every active negative signal takes
points off its category: `score_confirmed_cost` when confirmed, the smaller
`score_unconfirmed_cost` while it is still a single sighting, both scaled by
(0.5 + severity). Positive signals add back `score_positive_bonus` each (same
scaling), at most `score_positive_max` per category and never above 5. A
category never drops below 1. The total is the weighted mean of the categories
(`weights`), minus `score_systemic_penalty` while the signals form a systemic
cluster, rounded to one decimal.

Missing data. A category without data in the period is imputed: it counts as
the lowest of
  - `missing_category_cap` (3.0),
  - its own score from the signals it still carries from earlier data, and
  - the alliance's total itself (so it can never lift the total).
With plain missing data this is min(3.0, weighted mean of the observed
categories); the total is the one value T where the observed categories plus
the imputed min(cap, own, T) average to T (found exactly in `_total`). With no
data at all the total is the lowest imputed value (3.0 when nothing is known).

So a missing input can never raise a score: dropping a category's data, or
adding a negative signal anywhere, lowers each category's contribution for any
given T, and so lowers the total. tests/engine/test_score.py checks this with
property tests over random inputs and weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

from radar.engine.assessment import CategoryScore, Signal
from radar.engine.config import EngineConfig
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, Polarity


@dataclass(frozen=True, slots=True)
class CategoryInput:
    """What one category brings to one period's score."""

    has_data: bool
    penalty: float = 0.0  # points taken off by negative signals
    bonus: float = 0.0  # points added back by positive signals (before the cap)
    signals: int = 0
    confirmed: int = 0  # confirmed negative signals


@dataclass(frozen=True, slots=True)
class PeriodScore:
    period: date
    score: float  # 1..5, one decimal
    raw: float  # unrounded
    categories: tuple[CategoryScore, ...]

    def category(self, category: Category) -> CategoryScore:
        return next(c for c in self.categories if c.category is category)


_CATEGORIES = tuple(Category)


def round_score(value: float) -> float:
    """One decimal, halves rounded up (deterministic, unlike banker's rounding)."""
    return math.floor(value * 10 + 0.5) / 10


def _scale(signal: Signal) -> float:
    return 0.5 + max(0.0, min(1.0, signal.severity))


def category_inputs(
    signals: Sequence[Signal], has_data: Mapping[Category, bool], config: EngineConfig
) -> dict[Category, CategoryInput]:
    penalty = dict.fromkeys(_CATEGORIES, 0.0)
    bonus = dict.fromkeys(_CATEGORIES, 0.0)
    count = dict.fromkeys(_CATEGORIES, 0)
    confirmed = dict.fromkeys(_CATEGORIES, 0)
    for s in signals:
        count[s.category] += 1
        if s.polarity is Polarity.NEGATIVE:
            cost = config.score_confirmed_cost if s.confirmed else config.score_unconfirmed_cost
            penalty[s.category] += cost * _scale(s)
            confirmed[s.category] += int(s.confirmed)
        elif s.polarity is Polarity.POSITIVE:
            bonus[s.category] += config.score_positive_bonus * _scale(s)
    return {
        c: CategoryInput(has_data.get(c, False), penalty[c], bonus[c], count[c], confirmed[c])
        for c in _CATEGORIES
    }


def _own(item: CategoryInput, config: EngineConfig) -> float:
    gained = min(item.bonus, config.score_positive_max)
    return max(1.0, min(5.0, 5.0 - item.penalty + gained))


def _total(
    observed: Sequence[tuple[float, float]], missing: Sequence[tuple[float, float]]
) -> float:
    """The fixed point T = weighted mean of observed values and min(t, T) for the missing.

    `observed` and `missing` are (weight, value) pairs; a missing value t counts as
    min(t, T). Missing values below the running mean pull it down one by one, in
    ascending order; the first one at or above it, and all after it, count as T
    and leave it unchanged.
    """
    weight = sum(w for w, _ in observed)
    if weight <= 0:
        floor = [t for w, t in missing if w > 0]
        return min(floor) if floor else math.nan
    total = sum(w * v for w, v in observed)
    mean = total / weight
    for w, t in sorted(missing, key=lambda item: item[1]):
        if t >= mean:
            break
        total += w * t
        weight += w
        mean = total / weight
    return mean


def combine(
    inputs: Mapping[Category, CategoryInput], systemic: bool, config: EngineConfig
) -> tuple[float, dict[Category, float]]:
    """The unrounded total and the value each category counted as."""
    weights = {c: max(0.0, config.weights.get(c, 1.0)) for c in inputs}
    if sum(weights.values()) <= 0:
        weights = dict.fromkeys(inputs, 1.0)
    own = {c: _own(item, config) for c, item in inputs.items()}
    cap = config.missing_category_cap
    observed = [(weights[c], own[c]) for c, item in inputs.items() if item.has_data]
    missing = [(weights[c], min(cap, own[c])) for c, item in inputs.items() if not item.has_data]
    total = _total(observed, missing)
    if math.isnan(total):  # no weighted category at all
        total = cap
    counted = {
        c: own[c] if item.has_data else min(cap, own[c], total) for c, item in inputs.items()
    }
    if systemic:
        total -= config.score_systemic_penalty
    return max(1.0, min(5.0, total)), counted


def score_period(
    triaged: PeriodSignals, has_data: Mapping[Category, bool], config: EngineConfig
) -> PeriodScore:
    inputs = category_inputs(triaged.signals, has_data, config)
    raw, counted = combine(inputs, triaged.systemic, config)
    categories = tuple(
        CategoryScore(
            category=c,
            score=round_score(_own(item, config)) if item.has_data else None,
            weight=float(config.weights.get(c, 1.0)),
            signals=item.signals,
            confirmed=item.confirmed,
            imputed=not item.has_data,
            counted_as=round_score(counted[c]),
        )
        for c, item in inputs.items()
    )
    return PeriodScore(triaged.period, round_score(raw), raw, categories)


def score_periods(
    triaged: Sequence[PeriodSignals],
    covered: Mapping[Category, tuple[bool, ...]],
    config: EngineConfig,
    detailed: int = 2,
) -> tuple[PeriodScore, ...]:
    """The score of every period (the score history).

    Only the last `detailed` periods carry the per-category breakdown (the
    assessment and "why it moved" need no more); the earlier ones reuse the
    total of any earlier period with the same data and signals, which keeps a
    long, quiet history cheap.
    """
    scores: list[PeriodScore] = []
    totals: dict[tuple[object, ...], float] = {}
    first_detailed = len(triaged) - detailed
    for i, period_signals in enumerate(triaged):
        has_data = {c: i < len(flags) and flags[i] for c, flags in covered.items()}
        if i >= first_detailed:
            scores.append(score_period(period_signals, has_data, config))
            continue
        # The triage reuses the same signals tuple while nothing changes (kept alive
        # by `triaged`), so its identity is a cheap and safe key.
        key = (
            tuple(has_data.get(c, False) for c in _CATEGORIES),
            period_signals.systemic,
            id(period_signals.signals),
        )
        raw = totals.get(key)
        if raw is None:
            inputs = category_inputs(period_signals.signals, has_data, config)
            raw = totals[key] = combine(inputs, period_signals.systemic, config)[0]
        scores.append(PeriodScore(period_signals.period, round_score(raw), raw, ()))
    return tuple(scores)


def baseline_score(scores: Sequence[float], config: EngineConfig) -> float | None:
    """Median of the trailing `baseline_periods` scores before the last one."""
    trailing = list(scores[:-1])[-config.baseline_periods :]
    if len(trailing) < config.baseline_min_periods:
        return None
    return round_score(median(trailing))


def trend(score: float, baseline: float | None, config: EngineConfig) -> str:
    if baseline is None:
        return "flat"
    change = score - baseline
    if change >= config.trend_threshold - 1e-9:
        return "up"
    if change <= -config.trend_threshold + 1e-9:
        return "down"
    return "flat"
