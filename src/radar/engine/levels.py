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

from collections.abc import Sequence
from statistics import median

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
) -> float:
    """The robust spread of the window the reference median came from (before index j)."""
    window = [v for v in values[max(0, j - config.baseline_periods) : j] if v is not None]
    spread = sorted(abs(v - reference) for v in window)
    mad = median(spread) if spread else 0.0
    floor = config.baseline_mad_floor * abs(reference) if sigma_floor is None else sigma_floor
    return max(MAD_TO_SIGMA * mad, floor, _EPSILON)


def level_scan(
    values: Sequence[float | None],
    sign: int,
    config: EngineConfig,
    min_change: float | None = None,
    sigma_floor: float | None = None,
    medians: Sequence[float | None] | None = None,
) -> list[LevelFound]:
    """Every month whose current level is worse than the reference level, in direction
    `sign` (+1: up is worse, as for reply times; -1: down is worse).

    `medians` are the trailing medians of `values` when the caller has them already.
    Cheap for a healthy series: the level is first compared with the best median seen
    so far, and only a level clearly worse than that looks for its reference window.
    """
    meds = running_medians(values, config) if medians is None else medians
    recent_size = max(config.level_periods, 1)
    need = (recent_size + 1) // 2
    span = max(config.reference_periods, 1)
    relative, z_min = config.deviation_relative, config.deviation_z
    found: list[LevelFound] = []
    best: float | None = None  # the best median so far (an upper bound of the window's)
    for i, value in enumerate(values):
        m = meds[i]
        if m is not None and (best is None or (m - best) * sign < 0):
            best = m
        if value is None or best is None:
            continue
        recent = [v for v in values[max(0, i - recent_size + 1) : i + 1] if v is not None]
        if len(recent) < need:
            continue
        level = median(recent)
        reach = min_change if min_change is not None else relative * abs(best)
        if (level - best) * sign < reach:
            continue  # not even worse than the best level ever seen
        lo = max(0, i - span + 1)
        known = [(meds[j], j) for j in range(lo, i + 1) if meds[j] is not None]
        reference, j = min(known, key=lambda item: (item[0] or 0.0) * sign)
        if reference is None:
            continue
        change = (level - reference) * sign
        reach = min_change if min_change is not None else relative * abs(reference)
        if change <= 0 or change < reach or (value - reference) * sign < reach / 2:
            continue  # not worse enough, or this month itself is back near the reference
        sigma = _sigma(values, j, reference, config, sigma_floor)
        z = (level - reference) / sigma
        if abs(z) < z_min:
            continue
        found.append((i, level, reference, z, reference + sign * max(z_min * sigma, reach)))
    return found
