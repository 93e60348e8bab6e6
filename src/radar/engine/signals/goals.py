"""Goal drift: the alliance's goals were set and then left alone, or none is being met.

Goals that are never revisited are the first reason a partnership plateaus: what
made sense in year one no longer steers the work. `priority.goal_drift` fires in
a period when, at its end, the alliance has goals and
- they have not been reviewed for more than `goal_review_days` — the latest review
  on record of any goal, or of the agreement (whose review covers goals and terms);
  with no review on record at all, counted from the alliance's start; or
- every goal that can be measured is off target (missed, or short of its target
  with its metric moving away from it: radar.engine.goals), at least one being
  measurable.
Periods before the first review on record are not judged on reviews: what
happened then is unknown, not absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.goals import GoalProgress, off_target, progress
from radar.engine.records import GoalRecord, History, MetricSeries
from radar.engine.signals._common import Rule, fmt
from radar.engine.vocab import Category, Polarity

RULE_ID = "priority.goal_drift"


def review_age(history: History, day: date) -> int | None:
    """Days since the goals were last reviewed as of `day`; None when that is unknown."""
    known = [g.reviewed for g in history.goals if g.reviewed is not None]
    agreement = history.agreement
    if agreement is not None and agreement.last_reviewed is not None:
        known.append(agreement.last_reviewed)
    before = [d for d in known if d <= day]
    if before:
        return (day - max(before)).days
    start = history.alliance.started
    if known or start is None or start > day:
        return None
    return (day - start).days


Judged = list[tuple[GoalRecord, MetricSeries | None]]


def _all_off_target(goals: Judged, day: date, config: EngineConfig) -> int:
    """How many goals are measured when every one of them is off target, else 0.

    Stops at the first measured goal that is not: on most alliances, most months,
    that is the first goal, and the others are never judged."""
    measured = 0
    for goal, series in goals:
        off = off_target(goal, series, day, config)
        if off is None:
            continue
        if not off:
            return 0
        measured += 1
    return measured


def _reasons(age: int | None, off_target: int, config: EngineConfig) -> list[str]:
    reasons = []
    if age is not None and age > config.goal_review_days:
        reasons.append(f"the goals have not been reviewed for {age} days")
    if off_target:
        every = "the only measured goal is" if off_target == 1 else "every measured goal is"
        reasons.append(f"{every} off target")
    return reasons


def _point(p: GoalProgress) -> EvidencePoint:
    if p.current is None:
        return EvidencePoint(p.goal.title, "not measured")
    label = p.status.value.replace("_", " ")
    target = p.goal.target
    of = f" of {fmt(target)}" if target is not None else ""
    return EvidencePoint(p.goal.title, f"{fmt(p.current)}{of} ({label})")


def goal_drift(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    history = frame.history
    if not history.goals:
        return
    by_key = {m.definition.key: m for m in history.metrics}
    judged = [(g, by_key.get(g.metric_key) if g.metric_key else None) for g in history.goals]
    for i, period in enumerate(frame.periods):
        day = frame.period_end(i)
        age = review_age(history, day)
        reasons = _reasons(age, _all_off_target(judged, day, config), config)
        if not reasons:
            continue
        goals = [progress(g, series, day, config) for g, series in judged]
        yield Detection(
            rule=RULE_ID,
            category=Category.PRIORITY,
            polarity=Polarity.NEGATIVE,
            period=period,
            title="Goals are drifting",
            detail=f"{' and '.join(reasons).capitalize()}: revisit them with the partner.",
            evidence=Evidence(
                summary="goals against their targets; days since they were last reviewed",
                points=tuple(_point(p) for p in goals),
                baseline=None if age is None else float(age),
                threshold=float(config.goal_review_days),
                unit="days",
                points_of="goal",
            ),
            severity=0.4 + 0.15 * len(reasons),
        )


RULES: tuple[Rule, ...] = (goal_drift,)
RULE_IDS = (RULE_ID,)
