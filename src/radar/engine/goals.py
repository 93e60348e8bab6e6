"""Where each goal stands on a day: its metric's current value, trend and status.

A goal is a target on one of the alliance's metrics (`GoalRecord`). On a day:
- `met`: the latest value on or before the day reaches the target (at or above it,
  or at or below it for a metric where lower is better);
- `missed`: not met and the target date has passed;
- `on_track`: not met, but the metric moves toward the target fast enough to reach
  it by the target date (a straight line through the last `goal_trend_months`
  values); without a target date, moving toward it at all;
- `at_risk`: not met and not on track;
- `unmeasured`: no metric, no target or no value yet.
A goal is *off target* when it was missed, or is at risk with its metric moving
away from the target (a widening gap, not merely a target still ahead).
Pure: the caller passes the day; nothing after it is read.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from radar.engine.config import EngineConfig
from radar.engine.records import GoalRecord, MetricDefinition, MetricSeries


class GoalStatus(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MISSED = "missed"
    UNMEASURED = "unmeasured"


@dataclass(frozen=True, slots=True)
class GoalProgress:
    goal: GoalRecord
    status: GoalStatus
    current: float | None = None
    measured: date | None = None  # the period of the current value
    trend: str = ""  # "up", "down" or "flat": how the metric itself moves
    projected: float | None = None  # the trend's value at the target date

    higher_is_better: bool = True

    @property
    def off_target(self) -> bool:
        if self.status is GoalStatus.MISSED:
            return True
        away = "down" if self.higher_is_better else "up"
        return self.status is GoalStatus.AT_RISK and self.trend == away


def _months(start: date, end: date) -> float:
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30


def _slope(points: list[tuple[date, float]]) -> float:
    """Least-squares change per month of the points (0 with fewer than two)."""
    if len(points) < 2:
        return 0.0
    first = points[0][0]
    xs = [_months(first, day) for day, _value in points]
    ys = [value for _day, value in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    if spread == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread


def _trend(points: list[tuple[date, float]], config: EngineConfig) -> str:
    if len(points) < 2:
        return ""
    earlier = [value for _day, value in points[:-1]]
    level = sum(earlier) / len(earlier)
    change = points[-1][1] - level
    if abs(change) <= config.goal_flat_share * max(abs(level), 1e-9):
        return "flat"
    return "up" if change > 0 else "down"


def _reaches(value: float, target: float, definition: MetricDefinition) -> bool:
    return value >= target if definition.higher_is_better else value <= target


def _window(
    goal: GoalRecord, series: MetricSeries | None, day: date, config: EngineConfig
) -> list[tuple[date, float]]:
    """The values the goal is judged on (the last `goal_trend_months` up to `day`)."""
    if series is None or goal.target is None:
        return []
    upto = bisect_right(series.points, (day, float("inf")))
    return list(series.points[max(0, upto - config.goal_trend_months) : upto])


def _on_track(
    goal: GoalRecord, points: list[tuple[date, float]], trend: str, definition: MetricDefinition
) -> tuple[bool, float | None]:
    """Whether a goal not yet met will be, and the projected value at its target date."""
    slope = _slope(points)
    toward = slope > 0 if definition.higher_is_better else slope < 0
    if goal.target_date is None or goal.target is None:
        return toward and trend != "flat", None
    measured, current = points[-1]
    projected = current + slope * _months(measured, goal.target_date)
    return toward and _reaches(projected, goal.target, definition), projected


def progress(
    goal: GoalRecord, series: MetricSeries | None, day: date, config: EngineConfig
) -> GoalProgress:
    """The goal as it stood on `day`, from its metric's values up to that day."""
    points = _window(goal, series, day, config)
    if series is None or goal.target is None or not points:
        return GoalProgress(goal, GoalStatus.UNMEASURED)
    measured, current = points[-1]
    trend = _trend(points, config)
    definition = series.definition
    better = definition.higher_is_better
    if _reaches(current, goal.target, definition):
        return GoalProgress(goal, GoalStatus.MET, current, measured, trend, None, better)
    if goal.target_date is not None and goal.target_date < day:
        return GoalProgress(goal, GoalStatus.MISSED, current, measured, trend, None, better)
    on_track, projected = _on_track(goal, points, trend, definition)
    status = GoalStatus.ON_TRACK if on_track else GoalStatus.AT_RISK
    return GoalProgress(goal, status, current, measured, trend, projected, better)


def off_target(
    goal: GoalRecord, series: MetricSeries | None, day: date, config: EngineConfig
) -> bool | None:
    """`progress(...).off_target` (None when unmeasured), without the projection unless
    the metric moves away from the target: the goal-drift rule asks this every month."""
    points = _window(goal, series, day, config)
    if series is None or goal.target is None or not points:
        return None
    definition = series.definition
    if _reaches(points[-1][1], goal.target, definition):
        return False
    if goal.target_date is not None and goal.target_date < day:
        return True
    trend = _trend(points, config)
    if trend != ("down" if definition.higher_is_better else "up"):
        return False
    return not _on_track(goal, points, trend, definition)[0]


def progress_all(
    goals: tuple[GoalRecord, ...],
    metrics: tuple[MetricSeries, ...],
    day: date,
    config: EngineConfig,
) -> list[GoalProgress]:
    by_key = {m.definition.key: m for m in metrics}
    return [
        progress(g, by_key.get(g.metric_key) if g.metric_key else None, day, config) for g in goals
    ]
