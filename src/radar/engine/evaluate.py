"""The one entry point: evaluate(history, as_of) -> Assessment."""

from __future__ import annotations

from datetime import date

from radar.engine.assessment import Assessment
from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.records import History


def evaluate(history: History, as_of: date, config: EngineConfig = DEFAULT_CONFIG) -> Assessment:
    """Assess one alliance as it stood on `as_of`; ignores anything dated later."""
    raise NotImplementedError("engine under construction")
