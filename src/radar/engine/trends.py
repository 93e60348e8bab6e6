"""Trends and levels of a monthly series: is it growing, and how far is it from its
healthy level?

- `growth` fits a straight line to the logarithm of the values (least squares), so
  compounding growth — the same percentage every month — is a straight line and
  +30 % a year reads as +30 % a year, whatever the level. It reports the annual
  rate and how clearly the data supports it (the slope's t value): a noisy flat
  series has a small t and reads as flat. Series with zero or negative values fall
  back to a straight line on the values themselves, relative to their mean.
- `level_gap` compares the recent level (the median of the last months) with the
  alliance's *reference* level: the best 12-month median within the last
  `reference_periods` months. A slow decline drags the trailing median down with
  it month after month; the reference remembers how the alliance was when healthy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from radar.engine.baseline import running_medians
from radar.engine.config import EngineConfig


@dataclass(frozen=True, slots=True)
class Growth:
    rate: float  # annual relative change, e.g. 0.3 = +30 % a year
    t: float  # the slope over its standard error (inf for a perfect line)


def growth(values: Sequence[float | None], min_values: int) -> Growth | None:
    """The annual growth of `values` (one per month), or None with fewer than `min_values`."""
    points = [(float(x), v) for x, v in enumerate(values) if v is not None]
    if len(points) < max(min_values, 3):
        return None
    logged = all(v > 0 for _, v in points)
    ys = [math.log(v) for _, v in points] if logged else [v for _, v in points]
    xs = [x for x, _ in points]
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    residual = sum((y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, ys, strict=True))
    spread = math.sqrt(residual / (n - 2) / sxx)
    t = slope / spread if spread > 1e-12 else (math.copysign(math.inf, slope) if slope else 0.0)
    if logged:
        rate = math.expm1(12 * slope)
    else:
        rate = (
            12 * slope / abs(mean_y) if mean_y else (1.0 if slope > 0 else -1.0 if slope else 0.0)
        )
        # A straight line can fall through zero; nothing shrinks by more than all of it,
        # and "-104 % a year" is no reading a person can use.
        rate = max(rate, -1.0)
    return Growth(rate, t)


def way(found: Growth | None, config: EngineConfig) -> str | None:
    """ "rising", "falling" or "flat" (None without a trend): beyond `plateau_band` a year,
    clearly (|t| >= `trend_min_t`)."""
    if found is None:
        return None
    if found.rate > config.plateau_band and found.t >= config.trend_min_t:
        return "rising"
    if found.rate < -config.plateau_band and found.t <= -config.trend_min_t:
        return "falling"
    return "flat"


def level_gap(
    values: Sequence[float | None],
    config: EngineConfig,
    higher_is_better: bool = True,
    medians: Sequence[float | None] | None = None,
) -> float | None:
    """How far the recent level is from the reference level, relative to it, in the good
    direction (-0.4 = 40 % worse than when healthy); None without enough history.
    `medians` are the trailing medians of `values` when the caller has them already."""
    recent = [v for v in values[-config.level_periods :] if v is not None]
    if len(recent) < max(1, (config.level_periods + 1) // 2):
        return None
    trailing = running_medians(values, config) if medians is None else medians
    known = [m for m in trailing[-config.reference_periods :] if m is not None]
    if not known:
        return None
    reference = max(known) if higher_is_better else min(known)
    if reference == 0:
        return None
    gap = (median(recent) - reference) / abs(reference)
    return gap if higher_is_better else -gap
