from __future__ import annotations

from radar.engine.baseline import Direction, baseline_at, severity_from_z
from radar.engine.config import EngineConfig
from tests.engine.deviations import deviation_at, deviations, ratio_deviations

CONFIG = EngineConfig()


def test_it_uses_median_and_mad_of_the_values_before_the_period():
    values = [10.0, 12.0, 11.0, 50.0, 9.0]
    found = baseline_at(values, 4, CONFIG)
    assert found is not None
    assert found.median == 11.5  # the 50 outlier barely moves it
    assert found.mad == 1.0
    assert found.n == 4


def test_it_has_no_baseline_with_too_little_history():
    assert baseline_at([10.0, 11.0], 2, CONFIG) is None
    assert baseline_at([10.0, 11.0, 12.0], 3, CONFIG) is not None


def test_it_skips_missing_values_instead_of_reading_them_as_zero():
    values = [10.0, None, 10.0, None, 10.0, None]
    found = baseline_at(values, 6, CONFIG)
    assert found is not None and found.median == 10.0 and found.n == 3
    assert deviation_at([10.0, None, 10.0, 10.0, None], 4, Direction.DOWN, CONFIG) is None


def test_it_only_looks_at_the_trailing_window():
    config = EngineConfig(baseline_periods=3)
    values = [100.0] * 10 + [10.0, 10.0, 10.0, 10.0]
    found = baseline_at(values, 13, config)
    assert found is not None and found.median == 10.0


def test_it_flags_a_drop_that_is_large_in_both_z_and_relative_terms():
    values = [20.0, 22.0, 19.0, 21.0, 20.0, 8.0]
    found = deviation_at(values, 5, Direction.DOWN, CONFIG)
    assert found is not None
    assert found.baseline.median == 20.0
    assert found.z < -2 and found.relative == -0.6


def test_it_ignores_a_change_in_the_other_direction():
    values = [20.0, 22.0, 19.0, 21.0, 20.0, 40.0]
    assert deviation_at(values, 5, Direction.DOWN, CONFIG) is None
    assert deviation_at(values, 5, Direction.UP, CONFIG) is not None


def test_a_flat_history_does_not_make_a_tiny_change_look_huge():
    values = [20.0] * 12 + [19.0]
    assert deviation_at(values, 12, Direction.DOWN, CONFIG) is None


def test_a_noisy_history_needs_more_than_the_relative_change():
    # 30% below the median, but well inside this alliance's usual spread.
    values = [10.0, 30.0, 12.0, 28.0, 20.0, 8.0, 32.0, 14.0]
    assert deviation_at([*values, 14.0], 8, Direction.DOWN, CONFIG) is None


def test_an_absolute_minimum_change_replaces_the_relative_test():
    values = [0.02, 0.0, 0.01, 0.02, 0.01, -0.05]
    assert deviation_at(values, 5, Direction.DOWN, CONFIG, min_change=0.15) is None
    values[-1] = -0.3
    assert deviation_at(values, 5, Direction.DOWN, CONFIG, min_change=0.15) is not None


def test_severity_grows_with_z_and_stays_in_range():
    assert severity_from_z(2.0, CONFIG) == 0.3
    assert severity_from_z(-4.0, CONFIG) > severity_from_z(3.0, CONFIG)
    assert severity_from_z(100.0, CONFIG) == 1.0


def test_the_one_pass_scan_agrees_with_the_per_period_test():
    import random

    rng = random.Random(11)
    for _ in range(200):
        values = [None if rng.random() < 0.15 else float(rng.randint(0, 30)) for _ in range(30)]
        for direction in Direction:
            for min_change in (None, 5.0):
                expected = [
                    (i, found)
                    for i in range(len(values))
                    if (found := deviation_at(values, i, direction, CONFIG, min_change=min_change))
                ]
                assert (
                    list(deviations(values, direction, CONFIG, min_change=min_change)) == expected
                )


def test_ratio_scale_treats_doubling_and_halving_alike():
    history = [12.0, 13.0, 11.0, 12.0, 12.5, 11.5, 12.0]
    up = list(ratio_deviations([*history, 24.0], Direction.UP, CONFIG))
    down = list(ratio_deviations([*history, 6.0], Direction.DOWN, CONFIG))
    assert [i for i, _ in up] == [7] and [i for i, _ in down] == [7]
    assert abs(up[0][1].z + down[0][1].z) < 1e-9  # same size, opposite sign
    assert up[0][1].value == 24.0 and up[0][1].median == 12.0
    assert up[0][1].relative == 1.0 and down[0][1].relative == -0.5
    assert 12.0 < up[0][1].threshold < 24.0 and 6.0 < down[0][1].threshold < 12.0


def test_ratio_scale_needs_the_relative_change_as_a_ratio():
    flat = [10.0] * 12
    assert list(ratio_deviations([*flat, 12.4], Direction.UP, CONFIG)) == []  # +24%
    assert [i for i, _ in ratio_deviations([*flat, 12.6], Direction.UP, CONFIG)] == [12]
    assert list(ratio_deviations([*flat, 7.6], Direction.DOWN, CONFIG)) == []  # -24%
    assert [i for i, _ in ratio_deviations([*flat, 7.4], Direction.DOWN, CONFIG)] == [12]


def test_ratio_scale_skips_missing_and_non_positive_values():
    values = [10.0, None, 0.0, 10.0, 10.0, None, 30.0]
    found = list(ratio_deviations(values, Direction.UP, CONFIG))
    assert [i for i, _ in found] == [6] and found[0][1].n == 3
