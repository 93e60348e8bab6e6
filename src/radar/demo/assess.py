"""Score the freshly seeded demo, with monthly snapshots so pages have a history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from radar.demo.months import month_start
from radar.engine.assessment import Assessment
from radar.portfolio.assessments import evaluate_portfolio
from radar.portfolio.models import CheckIn

SNAPSHOT_MONTHS = 12


def snapshot_days(as_of: date, months: int = SNAPSHOT_MONTHS) -> list[date]:
    """The last day of each of the `months` months before as_of's month, then as_of."""
    ends = [month_start(as_of, m + 1) - timedelta(days=1) for m in range(-months, 0)]
    return [*ends, as_of]


def assess_demo(as_of: date, on_day: Callable[[date], None] | None = None) -> list[Assessment]:
    """Evaluate and store every snapshot day; returns the assessments as of `as_of`.

    Raises NotImplementedError while the engine is not there yet, and
    radar.portfolio.assessments.EvaluationFailed when one alliance cannot be scored.
    """
    latest: list[Assessment] = []
    for day in snapshot_days(as_of):
        latest = evaluate_portfolio(day, store=True)
        if on_day:
            on_day(day)
    fill_checkin_scores(latest)
    return latest


def fill_checkin_scores(assessments: list[Assessment]) -> int:
    """Give each check-in the engine's score next to the owner's, as the review form does.

    A check-in judges the last complete month, so it gets that month's score from
    the score history.
    """
    by_alliance = {
        a.alliance_id: {point.period: point.score for point in a.score_history} for a in assessments
    }
    changed = []
    for checkin in CheckIn.objects.filter(alliance_id__in=by_alliance):
        scores = by_alliance[checkin.alliance_id]
        checkin.computed_score = scores.get(month_start(checkin.held_on, -1))
        changed.append(checkin)
    CheckIn.objects.bulk_update(changed, ["computed_score"], batch_size=500)
    return sum(1 for c in changed if c.computed_score is not None)
