"""Goal progress: met, on track, at risk, missed or unmeasured, from the metric's values."""

from __future__ import annotations

import random
from datetime import date

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.goals import GoalStatus, off_target, progress, progress_all
from radar.engine.records import GoalRecord
from tests.engine.builders import metric

START = date(2025, 1, 1)
DAY = date(2025, 6, 30)


def goal(target: float | None = 100.0, by: date | None = date(2025, 12, 31)) -> GoalRecord:
    return GoalRecord(1, "Grow revenue", metric_key="revenue", target=target, target_date=by)


def status(values, day=DAY, higher_is_better=True, **kw):
    series = metric("revenue", START, values, higher_is_better=higher_is_better)
    return progress(goal(**kw), series, day, DEFAULT_CONFIG)


def test_a_goal_is_met_when_the_latest_value_reaches_the_target():
    found = status([60, 70, 80, 90, 100, 104])
    assert found.status is GoalStatus.MET and found.current == 104
    assert found.measured == date(2025, 6, 1) and found.trend == "up"
    assert not found.off_target


def test_lower_is_better_turns_the_comparison_round():
    assert status([130, 120, 110, 100, 95, 90], higher_is_better=False).status is GoalStatus.MET
    rising = status([80, 85, 90, 100, 110, 120], higher_is_better=False)
    assert rising.status is GoalStatus.AT_RISK and rising.off_target  # moving away


def test_a_goal_closing_the_gap_fast_enough_is_on_track_and_too_slow_is_at_risk():
    fast = status([40, 50, 60, 70, 80, 90])  # +10 a month, six months left
    assert fast.status is GoalStatus.ON_TRACK and fast.projected is not None
    assert fast.projected >= 100 and not fast.off_target
    slow = status([80, 80.5, 81, 81.5, 82, 83])
    assert slow.status is GoalStatus.AT_RISK
    assert not slow.off_target  # behind, but the gap is not widening


def test_a_falling_metric_below_target_is_off_target():
    found = status([95, 94, 92, 90, 85, 80])
    assert (found.status, found.trend, found.off_target) == (GoalStatus.AT_RISK, "down", True)


def test_a_passed_target_date_without_reaching_it_is_missed():
    found = status([80, 85, 90, 95, 97, 98], by=date(2025, 5, 31))
    assert found.status is GoalStatus.MISSED and found.off_target


def test_without_a_date_a_goal_moving_toward_its_target_is_on_track():
    assert status([40, 50, 60, 70, 80, 90], by=None).status is GoalStatus.ON_TRACK
    assert status([90, 90, 90, 90, 90, 90], by=None).status is GoalStatus.AT_RISK


def test_only_values_up_to_the_day_count():
    found = status([60, 70, 80, 90, 100, 120], day=date(2025, 4, 15))
    assert found.current == 90 and found.measured == date(2025, 4, 1)


def test_a_goal_without_metric_target_or_values_is_unmeasured():
    assert status([], day=DAY).status is GoalStatus.UNMEASURED
    assert status([50, 60], target=None).status is GoalStatus.UNMEASURED
    loose = GoalRecord(2, "Be friends")
    assert progress(loose, None, DAY, DEFAULT_CONFIG).status is GoalStatus.UNMEASURED


def test_progress_all_matches_goals_to_their_metric_by_key():
    series = (metric("revenue", START, [100] * 6), metric("leads", START, [1] * 6))
    goals = (goal(), GoalRecord(3, "Leads", metric_key="leads", target=5.0), GoalRecord(4, "x"))
    found = progress_all(goals, series, DAY, DEFAULT_CONFIG)
    assert [p.status for p in found] == [GoalStatus.MET, GoalStatus.AT_RISK, GoalStatus.UNMEASURED]


def test_the_quick_off_target_check_agrees_with_the_full_progress() -> None:
    rng = random.Random(7)
    for case in range(400):
        values = [rng.uniform(0, 200) for _ in range(rng.randint(0, 9))]
        series = metric("revenue", START, values, higher_is_better=rng.random() < 0.6)
        by = rng.choice([None, date(2025, 3, 31), date(2025, 9, 30), date(2026, 6, 30)])
        target = rng.choice([None, 50.0, 120.0, 180.0])
        day = date(2025, rng.randint(1, 12), 28)
        found = progress(goal(target=target, by=by), series, day, DEFAULT_CONFIG)
        quick = off_target(goal(target=target, by=by), series, day, DEFAULT_CONFIG)
        expected = None if found.status is GoalStatus.UNMEASURED else found.off_target
        assert quick == expected, (case, values, target, by, day)
