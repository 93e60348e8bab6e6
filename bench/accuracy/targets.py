"""Issue 10's targets, checked against the figures (met / missed; a run never fails)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Target:
    reading: str
    path: tuple[str, ...]  # where the figure sits in readings.figures()
    at_least: bool
    bound: float

    def figure(self, figures: dict[str, Any]) -> float | None:
        found: Any = figures
        for key in self.path:
            found = found.get(key) if isinstance(found, dict) else None
        return found if isinstance(found, (int, float)) else None

    def met(self, figures: dict[str, Any]) -> bool | None:
        value = self.figure(figures)
        if value is None:
            return None
        return value >= self.bound if self.at_least else value <= self.bound

    def describe(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.bound:.0%}"


DECLINING, QUIET = "declining", "quiet"
TARGETS = (
    Target(
        "declining: reset/exit >= 60 days before the revenue fall", (DECLINING, "early"), True, 0.90
    ),
    Target(
        "declining: diagnosed decline before the revenue fall", (DECLINING, "diagnosed"), True, 0.80
    ),
    Target(
        "declining: score <= 3.0 within 2 months of a confirmed multi-category pattern",
        (DECLINING, "low_after_pattern"),
        True,
        0.90,
    ),
    Target(
        "non-declining: alliances with reset/exit at some point", (QUIET, "alarmed"), False, 0.10
    ),
    Target("non-declining: alliance-months with reset/exit", (QUIET, "alarm_months"), False, 0.01),
    Target("final recommendation in the expected set", ("final_expected",), True, 0.95),
)


def check(figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "reading": t.reading,
            "figure": t.figure(figures),
            "target": t.describe(),
            "met": t.met(figures),
        }
        for t in TARGETS
    ]
