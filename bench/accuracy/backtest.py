"""Backtest at month ends: what the radar said about each alliance, month by month.

An assessment is reduced to a `Reading` by reading its documented fields
(docs/assessment-schema.md) defensively, so the benchmark keeps working while
the engine grows: a score may become None ("not enough data yet"), and a
watch / early-warning state, when the assessment exposes one, is picked up
under any of a few likely names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from bench.accuracy.classes import WINDOW
from bench.accuracy.dates import add_months, month_end
from bench.accuracy.history import full_history, history_as_of
from bench.accuracy.portfolio import Portfolio
from radar.engine.evaluate import evaluate

WATCH_NAMES = ("watch", "early_warning", "watching", "watch_state", "warning")


@dataclass(frozen=True, slots=True)
class Reading:
    alliance: int
    as_of: date
    score: float | None
    action: str
    phase: str
    systemic: bool
    confirmed: frozenset[str]  # categories with a confirmed negative signal
    watch: bool | None  # None: the assessment exposes no watch state


def _value(thing: Any) -> str:
    return str(getattr(thing, "value", thing))


def _flag(owner: Any) -> bool | None:
    for name in WATCH_NAMES:
        if hasattr(owner, name):
            found = getattr(owner, name)
            return bool(found() if callable(found) else found)
    return None


def watch_state(assessment: Any) -> bool | None:
    """True/False when the assessment exposes a watch state; None when it has none.

    Either a flag on the assessment or its recommendation, or a "watch" action in
    the recommendation's vocabulary (then every other action means no watch).
    """
    recommendation = getattr(assessment, "recommendation", None)
    action = getattr(recommendation, "action", None)
    for owner in (assessment, recommendation):
        flag = _flag(owner)
        if flag is not None:
            return flag or _value(action) == "watch"
    if isinstance(action, Enum) and "watch" in {m.value for m in type(action)}:
        return _value(action) == "watch"
    return True if _value(action) == "watch" else None


def read(alliance_id: int, assessment: Any) -> Reading:
    confirmed = frozenset(
        _value(s.category)
        for s in assessment.signals
        if s.confirmed and _value(s.polarity) == "negative"
    )
    score = getattr(assessment, "score", None)
    return Reading(
        alliance=alliance_id,
        as_of=assessment.as_of,
        score=None if score is None else float(score),
        action=_value(assessment.recommendation.action),
        phase=_value(assessment.phase.phase),
        systemic=bool(assessment.systemic),
        confirmed=confirmed,
        watch=watch_state(assessment),
    )


def month_ends(last_day: date, started: date, count: int = WINDOW) -> list[date]:
    """The last `count` month ends up to `last_day` from the alliance's first month on."""
    first = add_months(last_day.replace(day=1), 1 - count)
    ends = [month_end(add_months(first, i)) for i in range(count)]
    return [day for day in ends if day >= month_end(started.replace(day=1))]


def backtest_engine(portfolio: Portfolio) -> Iterator[Reading]:
    """The engine-level path: History records built from each alliance's events."""
    for alliance in portfolio.alliances:
        full = full_history(alliance.world, alliance.id)
        for as_of in month_ends(portfolio.last_day, alliance.world.started):
            yield read(alliance.id, evaluate(history_as_of(full, as_of), as_of))


def by_alliance(readings: Iterable[Reading]) -> dict[int, list[Reading]]:
    found: dict[int, list[Reading]] = {}
    for reading in sorted(readings, key=lambda r: (r.alliance, r.as_of)):
        found.setdefault(reading.alliance, []).append(reading)
    return found
