from __future__ import annotations

import dataclasses
from datetime import date, datetime

from radar.engine.cadence import cadence_flags
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import AgreementInfo, CheckInRecord, DecisionRecord, GovernanceBody
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import DecisionKind, GovernanceTier, Ritual
from tests.engine.builders import alliance, build, history, steady_periods
from tests.engine.detections import sig

AS_OF = date(2025, 12, 31)
START = date(2024, 1, 1)
RECENT = datetime(2025, 12, 18, 15)
FRESH_CHECKIN = CheckInRecord(date(2025, 12, 15))


def flags(tier=1, score=4.0, found=(), **parts):
    parts.setdefault("periods", steady_periods(START, 24, last_contact=RECENT))
    parts.setdefault("checkins", (FRESH_CHECKIN,))
    frame = build(history(alliance=alliance(tier=tier), **parts), AS_OF)
    scores = [PeriodScore(p, score, score, ()) for p in frame.periods]
    signals = PeriodSignals(date(2025, 12, 1), tuple(found), False, ())
    return {f.code: f for f in cadence_flags(frame, signals, scores, DEFAULT_CONFIG)}


def test_a_well_kept_alliance_raises_no_flag():
    assert flags() == {}


def test_it_flags_no_direct_contact_after_thirty_days():
    periods = steady_periods(START, 24, last_contact=datetime(2025, 11, 20, 9))
    flag = flags(periods=periods)["no_direct_contact"]
    assert flag.since == date(2025, 11, 20) and flag.days_overdue == 11
    assert "41 days" in flag.message


def test_a_monthly_review_is_overdue_for_a_top_tier_alliance_but_not_a_quarterly_one():
    old = (CheckInRecord(date(2025, 10, 15)),)
    assert flags(tier=1, checkins=old)["review_overdue"].days_overdue == 77 - 31
    assert "review_overdue" not in flags(tier=2, checkins=old)


def test_no_checkin_at_all_is_an_overdue_review():
    assert "No health review" in flags(checkins=())["review_overdue"].message


def test_it_flags_a_governance_ritual_not_held_within_its_cadence():
    steering = GovernanceBody(
        GovernanceTier.STEERING, "Joint steering committee", Ritual.STEERING_COMMITTEE, 92
    )
    june = {Ritual.STEERING_COMMITTEE: date(2025, 6, 12)}
    held_in_june = tuple(
        dataclasses.replace(p, rituals=june) if p.period == date(2025, 6, 1) else p
        for p in steady_periods(START, 24, last_contact=RECENT)
    )
    flag = flags(periods=held_in_june, governance=(steering,))["ritual_overdue"]
    assert flag.since == date(2025, 6, 12) and flag.due == date(2025, 9, 12)
    assert "never met" in flags(governance=(steering,))["ritual_overdue"].message


def test_a_confirmed_pattern_without_a_decision_is_flagged_after_thirty_days():
    found = [sig("communication.reply_slower", confirmed=True, first_seen=date(2025, 9, 1))]
    flag = flags(found=found)["decision_overdue"]
    assert (
        flag.since == date(2025, 10, 1) and flag.days_overdue == (AS_OF - date(2025, 10, 31)).days
    )


def test_a_decision_after_the_confirmation_clears_the_flag():
    found = [sig("communication.reply_slower", confirmed=True, first_seen=date(2025, 9, 1))]
    decided = (DecisionRecord(date(2025, 10, 20), DecisionKind.RESET),)
    assert "decision_overdue" not in flags(found=found, decisions=decided)


def test_a_manual_score_two_points_off_asks_for_a_neutral_reviewer():
    checkins = (CheckInRecord(date(2025, 12, 15), manual_score=5, reviewer="Kim"),)
    flag = flags(score=2.8, checkins=checkins)["score_divergence"]
    assert "neutral reviewer" in flag.message and "Kim" in flag.message
    close = (CheckInRecord(date(2025, 12, 15), manual_score=4),)
    assert "score_divergence" not in flags(score=2.8, checkins=close)


def test_no_neutral_reviewer_is_asked_for_once_one_has_reviewed_the_scorecard():
    neutral = CheckInRecord(
        date(2025, 12, 15), manual_score=5, reviewer="Ines", neutral_reviewer=True
    )
    assert "score_divergence" not in flags(score=2.8, checkins=(neutral,))
    # Only the latest rated check-in counts: an older neutral review does not clear a new gap.
    older = dataclasses.replace(neutral, held=date(2025, 11, 15))
    latest = CheckInRecord(date(2025, 12, 15), manual_score=5, reviewer="Kim")
    assert "score_divergence" in flags(score=2.8, checkins=(older, latest))


def test_a_passed_agreement_review_date_is_flagged_until_reviewed():
    due = AgreementInfo(next_review=date(2025, 11, 1))
    assert flags(agreement=due)["agreement_review_overdue"].days_overdue == 60
    done = AgreementInfo(next_review=date(2025, 11, 1), last_reviewed=date(2025, 11, 5))
    assert "agreement_review_overdue" not in flags(agreement=done)


def test_an_alliance_that_has_not_started_needs_no_review_yet():
    frame = build(history(alliance=alliance(started=date(2026, 3, 1))), AS_OF)
    signals = PeriodSignals(date(2025, 12, 1), (), False, ())
    assert cadence_flags(frame, signals, [], DEFAULT_CONFIG) == ()
