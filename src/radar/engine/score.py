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
from collections.abc import Iterable, Mapping, Sequence
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
    score: float | None  # 1..5, one decimal; None: not enough data yet
    raw: float | None  # unrounded
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
    penalty, bonus = _penalties_and_bonuses(signals, config)
    count = dict.fromkeys(_CATEGORIES, 0)
    confirmed = dict.fromkeys(_CATEGORIES, 0)
    for s in signals:
        count[s.category] += 1
        if s.polarity is Polarity.NEGATIVE:
            confirmed[s.category] += int(s.confirmed)
    return {
        c: CategoryInput(has_data.get(c, False), penalty[c], bonus[c], count[c], confirmed[c])
        for c in _CATEGORIES
    }


def _own(item: CategoryInput, config: EngineConfig) -> float:
    return _own_value(item.penalty, item.bonus, config.score_positive_max)


def _own_value(penalty: float, bonus: float, positive_max: float) -> float:
    return max(1.0, min(5.0, 5.0 - penalty + min(bonus, positive_max)))


def _own_scores(signals: Sequence[Signal], config: EngineConfig) -> tuple[float, ...]:
    """Each category's own score (in `_CATEGORIES` order) from the signals alone.

    What `category_inputs` followed by `_own` gives, without building the inputs:
    the score history needs only these six values per period.
    """
    most = config.score_positive_max
    if not signals:
        return (_own_value(0.0, 0.0, most),) * len(_CATEGORIES)
    penalty, bonus = _penalties_and_bonuses(signals, config)
    return tuple(_own_value(penalty[c], bonus[c], most) for c in _CATEGORIES)


def _penalties_and_bonuses(
    signals: Sequence[Signal], config: EngineConfig
) -> tuple[dict[Category, float], dict[Category, float]]:
    """What the signals take from each category's own score, and what they add."""
    penalty = dict.fromkeys(_CATEGORIES, 0.0)
    bonus = dict.fromkeys(_CATEGORIES, 0.0)
    for s in signals:
        if s.polarity is Polarity.NEGATIVE:
            cost = config.score_confirmed_cost if s.confirmed else config.score_unconfirmed_cost
            penalty[s.category] += cost * _scale(s)
        elif s.polarity is Polarity.POSITIVE:
            bonus[s.category] += config.score_positive_bonus * _scale(s)
    return penalty, bonus


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


def _weights(categories: Iterable[Category], config: EngineConfig) -> tuple[float, ...]:
    """The weight of each category, in the order given (all 1.0 when none is positive)."""
    weights = tuple(max(0.0, config.weights.get(c, 1.0)) for c in categories)
    if sum(weights) <= 0:
        return (1.0,) * len(weights)
    return weights


def _mean(
    weights: Sequence[float], own: Sequence[float], has_data: Sequence[bool], cap: float
) -> float:
    """The total before the systemic penalty: observed categories at their own score,
    the others imputed (see the module docstring)."""
    observed = [(w, o) for w, o, known in zip(weights, own, has_data, strict=True) if known]
    missing = [
        (w, min(cap, o)) for w, o, known in zip(weights, own, has_data, strict=True) if not known
    ]
    total = _total(observed, missing)
    return cap if math.isnan(total) else total  # nan: no weighted category at all


def _final(mean: float, systemic: bool, broad: bool, config: EngineConfig) -> float:
    """The total after the systemic penalty and the caps of a confirmed pattern."""
    total = mean - config.score_systemic_penalty if systemic else mean
    if systemic:
        total = min(total, config.score_cap_systemic)
    elif broad:
        total = min(total, config.score_cap_pattern)
    return max(1.0, min(5.0, total))


def _broad(triaged: PeriodSignals, config: EngineConfig) -> bool:
    """Confirmed problems (changes, not standing risks) in enough categories for a pattern."""
    return len(triaged.problem_categories) >= config.decline_min_categories


def _enough(weights: Sequence[float], has_data: Sequence[bool], config: EngineConfig) -> bool:
    """Data in at least `score_min_categories` of the weighted categories."""
    known = sum(1 for w, d in zip(weights, has_data, strict=True) if d and w > 0)
    return known >= min(config.score_min_categories, sum(1 for w in weights if w > 0))


def combine(
    inputs: Mapping[Category, CategoryInput], systemic: bool, broad: bool, config: EngineConfig
) -> tuple[float | None, dict[Category, float]]:
    """The unrounded total (None without enough data) and the value each category counted as."""
    own = [_own(item, config) for item in inputs.values()]
    has_data = [item.has_data for item in inputs.values()]
    cap = config.missing_category_cap
    weights = _weights(inputs, config)
    total = _mean(weights, own, has_data, cap)
    counted = {
        c: value if known else min(cap, value, total)
        for c, value, known in zip(inputs, own, has_data, strict=True)
    }
    if not _enough(weights, has_data, config):
        return None, counted
    return _final(total, systemic, broad, config), counted


def score_period(
    triaged: PeriodSignals, has_data: Mapping[Category, bool], config: EngineConfig
) -> PeriodScore:
    inputs = category_inputs(triaged.signals, has_data, config)
    raw, counted = combine(inputs, triaged.systemic, _broad(triaged, config), config)
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
    score = None if raw is None else round_score(raw)
    return PeriodScore(triaged.period, score, raw, categories)


def _data_rows(covered: Mapping[Category, tuple[bool, ...]], size: int) -> list[tuple[bool, ...]]:
    """Per period, whether each category (in `_CATEGORIES` order) has data in it."""
    columns = []
    for c in _CATEGORIES:
        flags = tuple(covered.get(c, ())[:size])
        columns.append(flags + (False,) * (size - len(flags)) if len(flags) < size else flags)
    return list(zip(*columns, strict=True)) if size else []


def score_periods(
    triaged: Sequence[PeriodSignals],
    covered: Mapping[Category, tuple[bool, ...]],
    config: EngineConfig,
    detailed: int = 2,
) -> tuple[PeriodScore, ...]:
    """The score of every period (the score history).

    Only the last `detailed` periods carry the per-category breakdown (the
    assessment and "why it moved" need no more, and they go through
    `score_period`); the earlier ones need only the total. It depends on the six
    own scores, which categories have data and the systemic flag, so it is
    computed once per distinct combination: a long, quiet history is cheap.
    tests/engine/test_score.py checks this against `score_period` on random
    histories.
    """
    scores: list[PeriodScore] = []
    rows = _data_rows(covered, len(triaged))
    weights = _weights(_CATEGORIES, config)
    cap = config.missing_category_cap
    # The triage reuses the same signals tuple while nothing changes (all kept alive
    # by `triaged`), so its identity is a cheap and safe key for the own scores.
    own_of: dict[int, tuple[float, ...]] = {}
    totals: dict[tuple[object, ...], float | None] = {}
    first_detailed = len(triaged) - detailed
    for i, (period_signals, has_data) in enumerate(zip(triaged, rows, strict=True)):
        if i >= first_detailed:
            known = dict(zip(_CATEGORIES, has_data, strict=True))
            scores.append(score_period(period_signals, known, config))
            continue
        signals = period_signals.signals
        own = own_of.get(id(signals))
        if own is None:
            own = own_of[id(signals)] = _own_scores(signals, config)
        broad = _broad(period_signals, config) if period_signals.signals else False
        key = (own, has_data, period_signals.systemic, broad)
        if key in totals:
            raw = totals[key]
        else:
            raw = None
            if _enough(weights, has_data, config):
                mean = _mean(weights, own, has_data, cap)
                raw = _final(mean, period_signals.systemic, broad, config)
            totals[key] = raw
        score = None if raw is None else round_score(raw)
        scores.append(PeriodScore(period_signals.period, score, raw, ()))
    return tuple(scores)


def sustained_low(scores: Sequence[PeriodScore], config: EngineConfig) -> bool:
    """A score at or below `exit_score_max` in each of the last `exit_sustained_periods`."""
    tail = [p.score for p in scores[-config.exit_sustained_periods :]]
    return len(tail) == config.exit_sustained_periods and all(
        s is not None and s <= config.exit_score_max for s in tail
    )


def baseline_score(scores: Sequence[float | None], config: EngineConfig) -> float | None:
    """Median of the trailing `baseline_periods` scores before the last one (months
    without a score left out)."""
    trailing = [s for s in list(scores[:-1])[-config.baseline_periods :] if s is not None]
    if len(trailing) < config.baseline_min_periods:
        return None
    return round_score(median(trailing))


def trend(score: float | None, baseline: float | None, config: EngineConfig) -> str:
    if baseline is None or score is None:
        return "flat"
    change = score - baseline
    if change >= config.trend_threshold - 1e-9:
        return "up"
    if change <= -config.trend_threshold + 1e-9:
        return "down"
    return "flat"
