"""Per-alliance baselines: is this period unusual *for this alliance*?

The baseline of a series at period i is the median and the MAD (median absolute
deviation) of the trailing `config.baseline_periods` values *before* i. Median
and MAD shrug off a single outlier, and because period i never takes part in
its own baseline, a one-month holiday dip barely moves the baseline of the
months that follow. Missing values (None) are skipped, never read as zero.

A value deviates when both tests pass:
- robust z = |value - median| / sigma >= `deviation_z`, where sigma = 1.4826 * MAD
  (the normal-consistent scale), floored at `baseline_mad_floor` * |median| so a
  perfectly flat history does not turn a tiny wiggle into a huge z;
- relative change |value - median| / |median| >= `deviation_relative` (rules may
  ask for an absolute minimum change instead, e.g. for tone around zero).
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from radar.engine.config import EngineConfig

Series = tuple[float | None, ...]

# Scale factor that makes the MAD comparable to a standard deviation for normal data.
MAD_TO_SIGMA = 1.4826
_EPSILON = 1e-9


class Direction(Enum):
    DOWN = -1
    UP = 1


@dataclass(frozen=True, slots=True)
class Baseline:
    median: float
    mad: float
    n: int  # how many trailing values it was computed from
    floor: float | None = None  # absolute sigma floor; None = baseline_mad_floor * |median|

    def sigma(self, config: EngineConfig) -> float:
        floor = config.baseline_mad_floor * abs(self.median) if self.floor is None else self.floor
        return max(MAD_TO_SIGMA * self.mad, floor, _EPSILON)


def _window(values: Sequence[float | None], i: int, config: EngineConfig) -> list[float] | None:
    start = max(0, i - config.baseline_periods)
    window = [v for v in values[start:i] if v is not None]
    if len(window) < config.baseline_min_periods:
        return None
    window.sort()
    return window


def _median_sorted(ordered: Sequence[float]) -> float:
    n = len(ordered)
    mid = n // 2
    if n % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2.0


def _baseline(window: list[float], median: float, floor: float | None = None) -> Baseline:
    spread = sorted(abs(v - median) for v in window)
    return Baseline(median=median, mad=_median_sorted(spread), n=len(window), floor=floor)


def baseline_at(
    values: Sequence[float | None], i: int, config: EngineConfig, *, mad: bool = True
) -> Baseline | None:
    """The baseline of `values` at index i, or None when there is too little history.

    With mad=False only the median is computed (the MAD is left at 0).
    """
    window = _window(values, i, config)
    if window is None:
        return None
    median = _median_sorted(window)
    if not mad:
        return Baseline(median=median, mad=0.0, n=len(window))
    return _baseline(window, median)


def _shifted(values: Sequence[float | None], back: int) -> tuple[Series, Series]:
    """The values entering (values[i - 1]) and leaving (values[i - 1 - back]) window i."""
    size = len(values)
    entering = (None, *values[: size - 1]) if size else ()
    leaving = ((None,) * (back + 1) + tuple(values[: max(0, size - back - 1)]))[:size]
    return entering, leaving


def running_medians(values: Sequence[float | None], config: EngineConfig) -> Series:
    """The baseline median at every index (None without enough history), in one pass.

    The same numbers as `baseline_at(values, i, config, mad=False)` for each i: the
    incrementally sorted window holds exactly what sorting the trailing slice gives,
    equal values (0.0 and -0.0) included in the same order, since a new value goes
    after its equals and a leaving value is the first of its equals.
    """
    need = max(config.baseline_min_periods, 1)
    entering, leaving = _shifted(values, config.baseline_periods)
    window: list[float] = []
    medians: list[float | None] = []
    add, find, keep = insort, bisect_left, medians.append
    for newest, oldest in zip(entering, leaving, strict=True):
        if newest is not None:
            add(window, newest)
        if oldest is not None:
            del window[find(window, oldest)]
        size = len(window)
        if size < need:
            keep(None)
            continue
        mid = size // 2
        keep(window[mid] if size % 2 else (window[mid - 1] + window[mid]) / 2.0)
    return tuple(medians)


# One month that deviates, as plain numbers: (index, value, median, mad, n, sigma, z).
# The rules read these straight from `scan` (no object per month).
Found = tuple[int, float, float, float, int, float, float]


def scan(
    values: Sequence[float | None],
    sign: int,
    config: EngineConfig,
    min_change: float | None = None,
    sigma_floor: float | None = None,
    medians: Sequence[float | None] | None = None,
    counts: bool = False,
) -> Iterator[Found]:
    """Every month of `values` that deviates in direction `sign` (+1 up, -1 down).

    `counts` says the values are counts of independent events (e-mails), which vary at
    least as much as chance does: the spread is then never taken below the square
    root of the median (the Poisson spread), so three e-mails instead of a usual five
    is not news.

    This is the hot loop of the engine (every series of every alliance). The
    trailing medians come from `running_medians` (one incremental pass; callers
    that have them already, cached on the frame, pass them in and share them with
    the level rules), so most months cost a subtraction and a comparison; the
    trailing window itself is gathered only for the few months that pass the
    relative test, to compute its MAD. The numbers are computed with the very
    operations of `baseline_at` and `Baseline.sigma`, in the same order.
    """
    meds = running_medians(values, config) if medians is None else medians
    back = config.baseline_periods
    relative_min = config.deviation_relative
    z_min = config.deviation_z
    mad_floor = config.baseline_mad_floor
    for i, (value, median) in enumerate(zip(values, meds, strict=True)):
        if value is None or median is None:
            continue
        change = (value - median) * sign
        if change <= 0:
            continue
        if min_change is not None:
            if change < min_change:
                continue
        elif median != 0 and change < relative_min * abs(median):
            continue
        window = [v for v in values[max(0, i - back) : i] if v is not None]
        size, mid = len(window), len(window) // 2
        spread = sorted([abs(v - median) for v in window])
        mad = spread[mid] if size % 2 else (spread[mid - 1] + spread[mid]) / 2.0
        floor = mad_floor * abs(median) if sigma_floor is None else sigma_floor
        if counts:
            floor = max(floor, math.sqrt(abs(median)))
        sigma = max(MAD_TO_SIGMA * mad, floor, _EPSILON)
        z = (value - median) / sigma
        if abs(z) < z_min:
            continue
        yield i, value, median, mad, size, sigma, z


# One ratio deviation as plain numbers: (index, value, median, n, z, relative, threshold).
RatioFound = tuple[int, float, float, int, float, float, float]


def logged(values: Sequence[float | None]) -> Series:
    """The natural logarithm of each positive value (None for the others)."""
    log = math.log
    return tuple([log(v) if v is not None and v > 0 else None for v in values])


def ratio_scan(
    values: Sequence[float | None],
    direction: Direction,
    config: EngineConfig,
    logs: Sequence[float | None] | None = None,
    medians: Sequence[float | None] | None = None,
) -> Iterator[RatioFound]:
    """Deviations of a positive, right-skewed series (reply times, message lengths),
    as plain numbers.

    Such quantities vary by ratios: a reply time that doubles is as notable as one
    that halves, and a symmetric test on the raw values fires far too often on
    the long upper tail. So the test runs on log(value): the relative threshold
    becomes a ratio (x1.25 up, x0.75 down) and the MAD floor a ratio too.
    Non-positive values carry no information on this scale and are skipped.
    `logs` and `medians` are the `logged` values and their trailing medians when
    the caller has them already.
    """
    logs = logged(values) if logs is None else logs
    relative = min(config.deviation_relative, 0.99)
    min_change = math.log1p(relative) if direction is Direction.UP else -math.log1p(-relative)
    floor = math.log1p(config.baseline_mad_floor)
    z_min = config.deviation_z
    sign = direction.value
    exp = math.exp
    for i, log_value, log_median, _mad, n, sigma, z in scan(
        logs, sign, config, min_change, floor, medians
    ):
        reach = max(z_min * sigma, min_change)
        median = exp(log_median)
        raw = values[i]
        value = raw if raw is not None else exp(log_value)
        yield i, value, median, n, z, value / median - 1.0, exp(log_median + sign * reach)


def severity_from_z(z: float, config: EngineConfig) -> float:
    """Map |z| to 0.3..1.0: just over the threshold is mild, 3x the threshold is severe."""
    over = (abs(z) - config.deviation_z) / max(config.deviation_z * 2.0, _EPSILON)
    return round(min(1.0, 0.3 + 0.7 * max(0.0, over)), 2)
