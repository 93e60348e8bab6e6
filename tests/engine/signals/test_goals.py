"""priority.goal_drift: goals unreviewed for a year, or every measured goal off target."""

from __future__ import annotations

from datetime import date

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import AgreementInfo, GoalRecord
from radar.engine.signals.goals import goal_drift, review_age
from tests.engine.builders import alliance, build, history, metric, steady_periods

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
ON_TRACK = metric("revenue", START, [50 + 3 * i for i in range(24)])  # rising steadily
FALLING = metric("revenue", START, [120 - 3 * i for i in range(24)])


def goal(reviewed: date | None = date(2025, 9, 1), **fields) -> GoalRecord:
    fields.setdefault("target", 130.0)
    fields.setdefault("target_date", date(2026, 6, 30))
    return GoalRecord(1, "Grow revenue", metric_key="revenue", reviewed=reviewed, **fields)


def drift(goals=None, metrics=(ON_TRACK,), agreement=None, started=START):
    goals = (goal(),) if goals is None else goals
    h = history(
        alliance=alliance(started=started),
        periods=steady_periods(START, 24),
        goals=goals,
        metrics=metrics,
        agreement=agreement,
    )
    return list(goal_drift(build(h, AS_OF), DEFAULT_CONFIG))


def test_it_stays_silent_for_reviewed_goals_on_track():
    assert drift() == []


def test_it_stays_silent_without_goals():
    assert drift(goals=()) == []


def test_it_fires_when_goals_have_not_been_reviewed_for_a_year():
    found = drift(goals=(goal(reviewed=date(2024, 10, 1)),))
    assert found and found[-1].period == date(2025, 12, 1)
    assert found[0].period == date(2025, 10, 1)  # 31 Oct: 395 days; 30 Sep: 364, not yet
    last = found[-1]
    assert last.rule == "priority.goal_drift" and "not been reviewed for 456 days" in last.detail
    assert last.evidence.baseline == 456 and last.evidence.threshold == 365


def test_it_fires_when_every_measured_goal_is_off_target():
    found = drift(metrics=(FALLING,))
    assert found and "only measured goal is off target" in found[-1].detail
    assert found[-1].evidence.points[0].value == "51 of 130 (at risk)"
    assert found[-1].evidence.points_of == "goal"  # the evidence table's row heading


def test_the_evidence_writes_large_amounts_as_people_do():
    falling_revenue = metric("revenue", START, [96_000 - 2_400 * i for i in range(24)])
    found = drift(goals=(goal(target=110_000.0),), metrics=(falling_revenue,))
    assert found[-1].evidence.points[0].value == "40,800 of 110,000 (at risk)"


def test_one_goal_still_on_track_keeps_it_silent():
    leads = metric("leads", START, [10 + i for i in range(24)])
    second = GoalRecord(2, "Leads", metric_key="leads", target=40.0, target_date=date(2026, 6, 30))
    assert drift(goals=(goal(), second), metrics=(FALLING, leads)) == []
    assert drift(goals=(goal(),), metrics=(FALLING, leads)) != []


def test_an_agreement_review_counts_as_a_goal_review():
    agreement = AgreementInfo(last_reviewed=date(2025, 8, 1), has_review_clause=True)
    assert drift(goals=(goal(reviewed=None),), agreement=agreement) == []


def test_never_reviewed_goals_count_from_the_alliance_start():
    found = drift(goals=(goal(reviewed=None),))
    assert found[0].period == date(2025, 1, 1)  # judged at its end: a year and a month in


def test_before_the_first_review_on_record_reviews_are_not_judged():
    h = history(alliance=alliance(started=START), goals=(goal(reviewed=date(2025, 9, 1)),))
    assert review_age(h, date(2025, 6, 30)) is None
    assert review_age(h, date(2025, 10, 1)) == 30
    assert review_age(history(alliance=alliance(started=None), goals=(goal(None),)), AS_OF) is None
