"""Signal detection: every rule, over every period of a frame.

Each category module exposes RULES (callables frame, config -> detections) and
RULE_IDS (the stable ids it can emit; docs/signals.md documents each one).
Metric rules emit one id per metric, "<RULE_ID>.<metric key>".
`detect_all` returns the detections of every period, not just the last, so the
triage can apply the rule of three and build a score history.
"""

from __future__ import annotations

from radar.engine.assessment import Detection
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.signals import (
    communication,
    culture,
    execution,
    goals,
    metrics,
    positive,
    priority,
    resource,
)
from radar.engine.signals._common import Rule

_MODULES = (communication, resource, priority, goals, execution, culture, metrics, positive)

RULES: tuple[Rule, ...] = tuple(rule for module in _MODULES for rule in module.RULES)
RULE_IDS: tuple[str, ...] = tuple(rule_id for module in _MODULES for rule_id in module.RULE_IDS)


# Rule families whose ids carry a metric key after the family id.
FAMILIES: tuple[str, ...] = ("metrics.falling", "metrics.below_target", "metrics.beats_target")


def rule_family(rule_id: str) -> str:
    """The documented id behind a rule id: "metrics.falling.leads" -> "metrics.falling"."""
    for family in FAMILIES:
        if rule_id.startswith(family + "."):
            return family
    return rule_id


def detect_all(frame: Frame, config: EngineConfig) -> list[Detection]:
    """All detections of all rules in all periods, ordered by period then rule id."""
    found: list[Detection] = []
    for rule in RULES:
        found.extend(rule(frame, config))
    found.sort(key=lambda d: (d.period, d.rule))
    return found


__all__ = ["FAMILIES", "RULES", "RULE_IDS", "detect_all", "rule_family"]
