"""culture signals (under construction)."""

from __future__ import annotations

from radar.engine.signals._common import Rule

RULES: tuple[Rule, ...] = ()
RULE_IDS: tuple[str, ...] = ()
