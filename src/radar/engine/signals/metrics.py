"""Metrics: the alliance's own numbers (leads, conversion, revenue, satisfaction ...).

Each metric is judged against its own baseline in its own good direction
(`higher_is_better`), and against its target. Rule ids carry the metric key,
e.g. "metrics.falling.leads", so each metric has its own rule of three.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from radar.engine.assessment import Detection, Evidence
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import MetricDefinition
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import (
    Rule,
    fmt,
    is_scale,
    observation_rule,
    trailing_points,
    unit_suffix,
)
from radar.engine.vocab import Category, MetricKind, Polarity

M = Category.METRICS
NEG = Polarity.NEGATIVE


def indicator(definition: MetricDefinition) -> str:
    if definition.kind == MetricKind.LEADING:
        return "leading indicator: tends to move before the results do"
    return "lagging indicator: shows results after the fact"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def worse(definition: MetricDefinition) -> Direction:
    return Direction.DOWN if definition.higher_is_better else Direction.UP


@lru_cache(maxsize=1024)
def _falling_rule(d: MetricDefinition) -> BaselineRule:
    """The baseline rule of one metric (built once per definition, not per alliance)."""
    verb = "fell" if d.higher_is_better else "rose"
    return BaselineRule(
        rule=f"metrics.falling.{d.key}",
        category=M,
        polarity=NEG,
        series=d.name,
        direction=worse(d),
        title=f"{capital(d.name)} {'falling' if d.higher_is_better else 'rising'}",
        sentence=(
            f"{capital(d.name)} {verb} to {{value}}{'' if is_scale(d.unit) else '{value_unit}'}, "
            f"against a usual {{median}}{{median_unit}} ({{change}}); a {d.kind.value} indicator."
        ),
        unit=d.unit,
        note=indicator(d),
    )


def falling(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A metric moves the wrong way against its own baseline."""
    for series in frame.history.metrics:
        d = series.definition
        yield from _falling_rule(d).run(frame, config, frame.metric(d.key), f"metric:{d.key}")


def target_rule(frame: Frame, config: EngineConfig, *, met: bool) -> Iterator[Detection]:
    """Per metric with a target, one detection per period it misses (met=False) or meets it."""
    for series in frame.history.metrics:
        d = series.definition
        target = d.target
        if target is None:
            continue
        values = frame.metric(d.key)
        # Everything that does not change from month to month is built once.
        goal = fmt(target)
        goal = f"{goal}{unit_suffix(d.unit, goal)}"
        if met:
            rule, polarity, title = f"metrics.beats_target.{d.key}", Polarity.POSITIVE, "on target"
            tail = f", meeting the target of {goal}; a {d.kind.value} indicator."
        else:
            rule, polarity, title = f"metrics.below_target.{d.key}", NEG, "off target"
            side = "below" if d.higher_is_better else "above"
            tail = f", {side} the target of {goal}; a {d.kind.value} indicator."
        title = f"{capital(d.name)} {title}"
        summary = f"{d.name} against its target; {indicator(d)}"
        name = capital(d.name)
        sign = 1.0 if d.higher_is_better else -1.0
        periods = frame.periods
        for i, value in enumerate(values):
            if value is None:
                continue
            gap = (target - value) * sign  # > 0: on the wrong side of the target
            if (gap > 0) == met:
                continue
            severity = (
                0.5 if met else round(min(1.0, 0.3 + gap / abs(target)), 2) if target else 1.0
            )
            yield Detection(
                rule=rule,
                category=M,
                polarity=polarity,
                period=periods[i],
                title=title,
                detail=f"{name} was {(shown := fmt(value))}{unit_suffix(d.unit, shown)}{tail}",
                evidence=Evidence(
                    summary=summary,
                    points=trailing_points(frame, values, i, config),
                    threshold=target,
                    unit=d.unit,
                ),
                severity=severity,
            )


def below_target(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A metric misses its target for the period."""
    return target_rule(frame, config, met=False)


RULES: tuple[Rule, ...] = (
    falling,
    below_target,
    observation_rule("metrics.observation", M, NEG, "Results concern noted"),
)
# Metric rules are families: each emits "<id>.<metric key>".
RULE_IDS = ("metrics.falling", "metrics.below_target", "metrics.observation")
