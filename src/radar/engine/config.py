"""Every threshold of the engine, in one documented, overridable place.

docs/configuration.md documents each field; `EngineConfig.from_mapping` loads
overrides (from a TOML/JSON file or the database) and refuses unknown keys so a
typo never silently falls back to a default. Engine modules may add fields here,
always with a default and a one-line comment saying what it means.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from radar.engine.vocab import Category


def _default_weights() -> dict[Category, float]:
    return {category: 1.0 for category in Category}


@dataclass(frozen=True)
class EngineConfig:
    # Rule of three: a detection must recur in this many consecutive periods to be confirmed.
    confirm_after_periods: int = 3
    # Triangulation: confirmed/active signals in at least this many categories = systemic.
    systemic_min_categories: int = 3
    # ... within this many most recent periods.
    systemic_window_periods: int = 3
    # Baseline: trailing periods used (median/MAD), and the minimum needed to judge change.
    baseline_periods: int = 12
    baseline_min_periods: int = 3
    # A value deviates when it is this many robust standard deviations from the baseline ...
    deviation_z: float = 2.0
    # ... and at least this relative change from the baseline median (guards tiny MADs).
    deviation_relative: float = 0.25
    # Category weights in the 1-5 score.
    weights: Mapping[Category, float] = field(default_factory=_default_weights)
    # Score change (points) that counts as a move in "why it moved" and trend.
    trend_threshold: float = 0.3
    # Cadence.
    no_contact_days: int = 30
    decision_overdue_days: int = 30
    review_days_by_tier: Mapping[int, int] = field(default_factory=lambda: {1: 31, 2: 92, 3: 92})
    divergence_points: int = 2
    # A survey with no partner response after this many days is itself a signal.
    survey_response_days: int = 21

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, Any]) -> EngineConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown engine setting(s): {', '.join(unknown)}")
        values: dict[str, Any] = dict(overrides)
        if "weights" in values:
            weights = _default_weights()
            for name, weight in dict(values["weights"]).items():
                weights[Category(name)] = float(weight)
            values["weights"] = weights
        if "review_days_by_tier" in values:
            values["review_days_by_tier"] = {
                int(k): int(v) for k, v in dict(values["review_days_by_tier"]).items()
            }
        return dataclasses.replace(cls(), **values)


DEFAULT_CONFIG = EngineConfig()
