"""Goals as the alliance page shows them: metric, target, current value, trend and status.

The status comes from the engine (radar.engine.goals), fed the same records the
loader builds, so the page and the goal-drift signal never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.goals import GoalProgress, GoalStatus, progress_all
from radar.portfolio import events
from radar.portfolio.models import Alliance, Goal
from radar.web.alliance.records import agreement_of

STATUS_LABELS = {
    GoalStatus.MET: ("met", "chip--positive"),
    GoalStatus.ON_TRACK: ("on track", ""),
    GoalStatus.AT_RISK: ("at risk", "chip--watching"),
    GoalStatus.MISSED: ("missed", "chip--confirmed"),
    GoalStatus.UNMEASURED: ("not measured", ""),
}
TREND_ARROWS = {"up": "↑ rising", "down": "↓ falling", "flat": "→ flat", "": ""}


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    progress: GoalProgress

    @property
    def status(self) -> str:
        return STATUS_LABELS[self.progress.status][0]

    @property
    def chip(self) -> str:
        return STATUS_LABELS[self.progress.status][1]

    @property
    def trend(self) -> str:
        return TREND_ARROWS.get(self.progress.trend, "")

    @property
    def unit(self) -> str:
        return self.goal.metric.unit if self.goal.metric_id and self.goal.metric else ""

    def review_age(self, today: date) -> int | None:
        return (today - self.goal.reviewed_on).days if self.goal.reviewed_on else None


def goal_rows(alliance: Alliance, goals: list[Goal], day: date | None = None) -> list[GoalRow]:
    """One row per goal (in the order given), judged on `day` (default: today)."""
    day = day or timezone.localdate()
    scope = Alliance.objects.filter(pk=alliance.pk)
    records = events.goals(scope, day).get(alliance.pk, [])
    series = tuple(events.metrics(scope, day).get(alliance.pk, []))
    found = {p.goal.id: p for p in progress_all(tuple(records), series, day, DEFAULT_CONFIG)}
    return [GoalRow(g, found[g.pk]) for g in goals if g.pk in found]


def last_review(alliance: Alliance, goals: list[Goal], day: date) -> tuple[date | None, bool]:
    """When the goals were last reviewed by `day`, and whether that was the agreement's
    review (which covers goals and terms): the same dates the goal-drift signal reads."""
    own = [g.reviewed_on for g in goals if g.reviewed_on and g.reviewed_on <= day]
    agreement = agreement_of(alliance)
    joint = agreement.last_reviewed_on if agreement else None
    joint = joint if joint and joint <= day else None
    latest = max([*own, *([joint] if joint else [])], default=None)
    return latest, latest is not None and latest == joint and latest not in own


def goals_context(alliance: Alliance, day: date) -> dict[str, Any]:
    """What the goals partial of the alliance page needs."""
    goals = list(alliance.goals.select_related("metric").order_by("title"))
    rows = goal_rows(alliance, goals, day)
    reviewed, with_agreement = last_review(alliance, goals, day)
    return {
        "goal_rows": rows,
        "goals_reviewed_on": reviewed,
        "goals_reviewed_with_agreement": with_agreement,
        "goals_off_target": sum(1 for r in rows if r.progress.off_target),
    }
