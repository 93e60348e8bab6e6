"""Sustained levels against the reference (healthy) level: the slow boil.

The baseline rules compare one month with the median of the twelve before it. A
slow decline defeats that: after six or nine months of slower replies the median
has caught up, the new level is "normal", and the signal clears while nothing has
recovered. `level_scan` compares the *current level* — the median of the last
`level_periods` months, so one odd month does not move it — with the *reference
level*: the best trailing 12-month median within the last `reference_periods`
months, how the series was when the alliance was healthy. It deviates with the
same two tests as a single month does (relative change and robust z, the spread
taken from the reference window), and the month itself must still be at least
half that far from the reference: a low level stays a signal month after month
until it recovers, or until the reference window has forgotten the healthy time.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence

from radar.engine.baseline import MAD_TO_SIGMA, running_medians
from radar.engine.config import EngineConfig

# One month whose level deviates: (index, level, reference, z, threshold).
LevelFound = tuple[int, float, float, float, float]

_EPSILON = 1e-9


def _sigma(
    values: Sequence[float | None],
    j: int,
    reference: float,
    config: EngineConfig,
    sigma_floor: float | None,
    counts: bool = False,
) -> float:
    """The robust spread of the window the reference median came from (before index j);
    for counts, never below the Poisson spread (the square root of the reference)."""
    window = [v for v in values[max(0, j - config.baseline_periods) : j] if v is not None]
    spread = sorted([abs(v - reference) for v in window])
    size, mid = len(spread), len(spread) // 2
    mad = 0.0 if not size else spread[mid] if size % 2 else (spread[mid - 1] + spread[mid]) / 2
    floor = config.baseline_mad_floor * abs(reference) if sigma_floor is None else sigma_floor
    if counts:
        floor = max(floor, math.sqrt(abs(reference)))
    return max(MAD_TO_SIGMA * mad, floor, _EPSILON)


def _recent_median(values: Sequence[float | None], i: int, size: int, need: int) -> float | None:
    """The median of the last `size` values up to i (None with fewer than `need` present)."""
    recent = [v for v in values[max(0, i - size + 1) : i + 1] if v is not None]
    count = len(recent)
    if count < need:
        return None
    if count == 3:  # the usual case, without sorting
        a, b, c = recent
        return a + b + c - min(a, b, c) - max(a, b, c)
    recent.sort()
    mid = count // 2
    return recent[mid] if count % 2 else (recent[mid - 1] + recent[mid]) / 2


def level_scan(
    values: Sequence[float | None],
    sign: int,
    config: EngineConfig,
    min_change: float | None = None,
    sigma_floor: float | None = None,
    medians: Sequence[float | None] | None = None,
    counts: bool = False,
) -> list[LevelFound]:
    """Every month whose current level is worse than the reference level, in direction
    `sign` (+1: up is worse, as for reply times; -1: down is worse).

    `medians` are the trailing medians of `values` when the caller has them already.
    One pass: the best median of the reference window is kept in a monotonic queue,
    and the spread of a reference window is worked out once, for the months that
    pass the cheaper tests first.
    """
    meds = running_medians(values, config) if medians is None else medians
    size = max(config.level_periods, 1)
    need = (size + 1) // 2
    span = max(config.reference_periods, 1)
    relative, z_min = config.deviation_relative, config.deviation_z
    found: list[LevelFound] = []
    best: deque[int] = deque()  # indexes of medians, best first (monotonic in sign)
    spreads: dict[int, float] = {}
    for i, value in enumerate(values):
        m = meds[i]
        if m is not None:
            while best and (meds[best[-1]] or 0.0) * sign >= m * sign:
                best.pop()  # never the best again while m is in the window
            best.append(i)
        while best and best[0] <= i - span:
            best.popleft()
        if value is None or not best:
            continue
        j = best[0]
        reference = meds[j] or 0.0
        reach = min_change if min_change is not None else relative * abs(reference)
        if (value - reference) * sign < reach / 2:
            continue  # this month itself is near the reference: recovered, or never left
        level = _recent_median(values, i, size, need)
        if level is None:
            continue
        change = (level - reference) * sign
        if change <= 0 or change < reach:
            continue
        sigma = spreads.get(j)
        if sigma is None:
            sigma = spreads[j] = _sigma(values, j, reference, config, sigma_floor, counts)
        z = (level - reference) / sigma
        if abs(z) < z_min:
            continue
        found.append((i, level, reference, z, reference + sign * max(z_min * sigma, reach)))
    return found
