from __future__ import annotations

import math

import pytest

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.trends import growth, level_gap, way

WIGGLE = (0.0, 0.05, -0.04, 0.02, -0.03, 0.04, -0.02, 0.03, -0.05, 0.01, 0.0, -0.01)


def compounding(per_year: float, months: int = 12, start: float = 100.0, noise: bool = True):
    monthly = (1 + per_year) ** (1 / 12)
    return [start * monthly**i * (1 + (WIGGLE[i % 12] if noise else 0)) for i in range(months)]


@pytest.mark.parametrize("per_year", [0.25, 0.30, 0.35])
def test_compounding_growth_of_25_to_35_percent_a_year_reads_as_growth(per_year):
    found = growth(compounding(per_year), 6)
    assert found is not None and abs(found.rate - per_year) < 0.08
    assert way(found, DEFAULT_CONFIG) == "rising"


def test_the_halves_of_a_year_of_30_percent_growth_would_have_read_flat():
    from radar.engine.lifecycle_facts import direction, relative_change

    values = compounding(0.30)
    assert direction(relative_change(values, 6), DEFAULT_CONFIG.plateau_band) == "flat"


def test_a_flat_noisy_series_is_flat_and_a_decline_is_falling():
    assert way(growth([100 * (1 + w) for w in WIGGLE], 6), DEFAULT_CONFIG) == "flat"
    assert way(growth(compounding(-0.4), 6), DEFAULT_CONFIG) == "falling"


def test_a_perfect_line_and_zeros_are_handled():
    exact = growth(compounding(0.3, noise=False), 6)
    assert exact is not None and math.isinf(exact.t) and abs(exact.rate - 0.3) < 1e-9
    with_zeros = growth([0, 2, 4, 6, 8, 10, None, 14], 6)
    assert (
        with_zeros is not None
        and with_zeros.rate > 0
        and way(with_zeros, DEFAULT_CONFIG) == "rising"
    )
    assert growth([1.0, None, 2.0], 6) is None


def test_a_series_falling_to_zero_falls_by_at_most_all_of_it():
    # With zeros the fit is a straight line, which a steep fall carries below zero.
    found = growth([12, 10, 8, 6, 3, 1, 0, 0, 0, 0, 0, 0], 6)
    assert found is not None and found.rate == -1.0
    assert way(found, DEFAULT_CONFIG) == "falling"


def test_the_level_gap_remembers_the_healthy_level_after_a_slow_decline():
    healthy, months_down = [20.0] * 14, 10
    slow = healthy + [20.0 * (1 - 0.05 * (i + 1)) for i in range(months_down)]
    gap = level_gap(slow, DEFAULT_CONFIG)
    assert gap is not None and gap < -0.4  # about half of the healthy 20
    assert level_gap([20.0] * 24, DEFAULT_CONFIG) == 0.0
    slower_replies = [10.0] * 14 + [10.0 + 2 * (i + 1) for i in range(10)]
    worse = level_gap(slower_replies, DEFAULT_CONFIG, higher_is_better=False)
    assert worse is not None and worse < -1.0
