"""Deviations one month at a time, as objects: the readable definitions
(radar.engine.baseline's docstring) that the engine's one-pass `scan` and
`ratio_scan` are tested against. The engine itself never builds these objects."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from radar.engine.baseline import (
    Baseline,
    Direction,
    _baseline,
    _median_sorted,
    _window,
    ratio_scan,
    scan,
)
from radar.engine.config import EngineConfig


@dataclass(frozen=True, slots=True)
class Deviation:
    value: float
    baseline: Baseline
    z: float  # signed robust z
    relative: float  # signed relative change against the median (inf when the median is 0)

    @property
    def change(self) -> float:
        return self.value - self.baseline.median


def _relative(value: float, median: float) -> float:
    if median == 0:
        if value == median:
            return 0.0
        return math.copysign(math.inf, value - median)
    return (value - median) / abs(median)


def deviation_at(
    values: Sequence[float | None],
    i: int,
    direction: Direction,
    config: EngineConfig,
    *,
    min_change: float | None = None,
) -> Deviation | None:
    """The deviation of values[i] in `direction` against its baseline, or None.

    `min_change` replaces the relative test with an absolute one (for series that
    hover around zero, where a relative change means nothing). The cheap relative
    test runs first, so the MAD is only computed for candidate deviations.
    """
    value = values[i]
    if value is None:
        return None
    window = _window(values, i, config)
    if window is None:
        return None
    median = _median_sorted(window)
    change = (value - median) * direction.value
    if change <= 0:
        return None
    relative = _relative(value, median)
    if min_change is not None:
        if change < min_change:
            return None
    elif abs(relative) < config.deviation_relative:
        return None
    baseline = _baseline(window, median)
    z = (value - median) / baseline.sigma(config)
    if abs(z) < config.deviation_z:
        return None
    return Deviation(value=value, baseline=baseline, z=z, relative=relative)


def deviations(
    values: Sequence[float | None],
    direction: Direction,
    config: EngineConfig,
    *,
    min_change: float | None = None,
    sigma_floor: float | None = None,
) -> Iterator[tuple[int, Deviation]]:
    """Every (index, deviation) of a series: `deviation_at` over all periods, in one pass."""
    for i, value, median, mad, n, _sigma, z in scan(
        values, direction.value, config, min_change, sigma_floor
    ):
        baseline = Baseline(median=median, mad=mad, n=n, floor=sigma_floor)
        yield i, Deviation(value=value, baseline=baseline, z=z, relative=_relative(value, median))


@dataclass(frozen=True, slots=True)
class RatioDeviation:
    """A deviation judged on a log scale, reported back in the series' own units."""

    value: float
    median: float  # exp of the median of the logs (the plain median for an odd window)
    n: int
    z: float  # robust z on the log scale
    relative: float  # value / median - 1
    threshold: float  # the value the month had to cross, in the series' units


def ratio_deviations(
    values: Sequence[float | None], direction: Direction, config: EngineConfig
) -> Iterator[tuple[int, RatioDeviation]]:
    """`ratio_scan` with each deviation as an object."""
    for i, value, median, n, z, relative, threshold in ratio_scan(values, direction, config):
        yield (
            i,
            RatioDeviation(
                value=value, median=median, n=n, z=z, relative=relative, threshold=threshold
            ),
        )
