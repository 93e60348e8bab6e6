from __future__ import annotations

import dataclasses
from datetime import date

from radar.engine.assessment import CategoryScore
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.lifecycle import diagnose, direction, relative_change
from radar.engine.records import AgreementInfo, DecisionRecord
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, DecisionKind, Phase
from tests.engine.builders import alliance, build, history, metric, ramp, steady_periods
from tests.engine.detections import sig

AS_OF = date(2025, 12, 31)
START = date(2024, 1, 1)


def frame_of(started=date(2021, 6, 1), months=24, declared=None, **parts):
    parts.setdefault("periods", steady_periods(START, months))
    h = history(alliance=alliance(started=started, declared_phase=declared), **parts)
    return build(h, AS_OF)


def scores(frame, value=4.5):
    return [PeriodScore(p, value, value, ()) for p in frame.periods]


def signals(*items, systemic=False):
    cats = tuple(dict.fromkeys(s.category for s in items))
    return PeriodSignals(date(2025, 12, 1), tuple(items), systemic, cats if systemic else (), cats)


def test_relative_change_compares_the_two_halves():
    assert relative_change([10, 10, 20, 20]) == 1.0
    assert relative_change([10, None, 10]) is None
    assert direction(0.05, 0.15) == "flat" and direction(-0.3, 0.15) == "falling"


def test_a_stable_four_year_old_alliance_is_a_healthy_plateau_not_decline():
    frame = frame_of(metrics=(metric("revenue", START, [100.0] * 24),))
    phase = diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG)
    assert phase.phase is Phase.MATURITY and phase.healthy_plateau
    assert any("healthy plateau" in r for r in phase.reasons)


def test_an_active_communication_problem_spoils_the_plateau():
    frame = frame_of()
    phase = diagnose(
        frame, signals(sig("communication.reply_slower")), scores(frame), DEFAULT_CONFIG
    )
    assert phase.phase is Phase.MATURITY and not phase.healthy_plateau


def test_confirmed_problems_in_two_categories_with_falling_engagement_is_decline():
    falling = ramp(20, 6, 24)
    frame = frame_of(periods=steady_periods(START, 24, emails_inbound=[round(v) for v in falling]))
    found = signals(
        sig("communication.fewer_inbound", confirmed=True),
        sig("resource.key_contact_left", confirmed=True),
    )
    phase = diagnose(frame, found, scores(frame, 3.0), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    reason = "Confirmed problems in communication and resource while engagement falls."
    assert reason in phase.reasons


def test_one_confirmed_problem_corroborated_elsewhere_with_falling_engagement_is_decline():
    # The slow boil: one category confirmed, another only repeating so far.
    falling = ramp(20, 6, 24)
    frame = frame_of(periods=steady_periods(START, 24, emails_inbound=[round(v) for v in falling]))
    slower = sig("communication.fewer_inbound", confirmed=True)
    alone = signals(slower, sig("culture.tone_falling"))
    phase = diagnose(frame, alone, scores(frame, 3.5), DEFAULT_CONFIG)
    # Nothing corroborates it, so it makes no cluster; engagement has sunk far below its
    # healthy level for months, so the degraded-alliance rule alone calls it a decline.
    assert "confirmed_while_falling" not in phase.reason_codes
    assert phase.reason_codes[-1] == "degraded_problem"
    found = dataclasses.replace(alone, corroborated=True)
    phase = diagnose(frame, found, scores(frame, 3.5), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    assert (
        "Confirmed problems in communication, corroborated by other signals, "
        "while engagement falls." in phase.reasons
    )
    # A standing risk (a single point of contact) is no problem that a sighting corroborates.
    standing = signals(sig("resource.single_contact", confirmed=True), sig("culture.tone_falling"))
    standing = dataclasses.replace(standing, corroborated=True)
    assert diagnose(frame, standing, scores(frame, 3.5), DEFAULT_CONFIG).phase is not Phase.DECLINE
    # Nor is a fall in the results that a downturn on record may explain.
    revenue = dataclasses.replace(
        sig("metrics.falling.revenue", confirmed=True), possibly_external=True, context=("x",)
    )
    explained = dataclasses.replace(
        signals(revenue, sig("culture.tone_falling")), corroborated=True
    )
    assert diagnose(frame, explained, scores(frame, 3.5), DEFAULT_CONFIG).phase is not Phase.DECLINE


def low_engagement_frame(low_months: int):
    """Two healthy years, then partner mail and calls at well under half for `low_months`."""
    inbound = [20] * (24 - low_months) + [6] * low_months
    calls = [2] * (24 - low_months) + [0] * low_months
    meetings = [4] * (24 - low_months) + [2] * low_months
    periods = steady_periods(
        START,
        24,
        emails_inbound=inbound,
        calls=calls,
        meetings_scheduled=meetings,
        meetings_held=meetings,
    )
    return frame_of(periods=periods)


def test_one_confirmed_problem_while_engagement_stays_low_is_decline():
    # Issue 10: the decline phase recognises a degraded, stalled alliance. One confirmed
    # problem, nothing corroborating it, engagement stuck far below its healthy level.
    found = signals(sig("priority.survey_unanswered", confirmed=True))
    stuck = low_engagement_frame(6)
    phase = diagnose(stuck, found, scores(stuck, 3.8), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    assert "degraded_problem" in phase.reason_codes
    # Without the confirmed problem, or with engagement at its healthy level, no decline.
    assert diagnose(stuck, signals(), scores(stuck, 3.8), DEFAULT_CONFIG).phase is not (
        Phase.DECLINE
    )
    healthy = frame_of()
    assert diagnose(healthy, found, scores(healthy, 3.8), DEFAULT_CONFIG).phase is not (
        Phase.DECLINE
    )


def test_a_low_level_must_last_before_it_makes_a_decline():
    # One low month is a reading, not a level: the median of the recent months stays healthy.
    found = signals(sig("priority.survey_unanswered", confirmed=True))
    dip = low_engagement_frame(1)
    assert diagnose(dip, found, scores(dip, 3.8), DEFAULT_CONFIG).phase is not Phase.DECLINE


def test_a_result_an_outside_force_explains_makes_no_degraded_decline():
    revenue = dataclasses.replace(
        sig("metrics.falling.revenue", confirmed=True), possibly_external=True, context=("x",)
    )
    stuck = low_engagement_frame(6)
    phase = diagnose(stuck, signals(revenue), scores(stuck, 3.8), DEFAULT_CONFIG)
    assert phase.phase is not Phase.DECLINE


def test_confirmed_problems_without_anything_falling_are_not_decline():
    frame = frame_of()
    found = signals(
        sig("communication.fewer_inbound", confirmed=True),
        sig("resource.key_contact_left", confirmed=True),
    )
    phase = diagnose(frame, found, scores(frame, 3.5), DEFAULT_CONFIG)
    assert phase.phase is Phase.MATURITY and not phase.healthy_plateau


def test_a_corroborated_problem_is_decline_while_the_numbers_hold():
    # The champion left and the partner's mail keeps thinning: the relationship erodes
    # months before revenue falls, and nothing has fallen yet.
    frame = frame_of(metrics=(metric("revenue", START, [100.0] * 24),))
    gone = sig("resource.champion_left", confirmed=True)
    found = dataclasses.replace(
        signals(gone, sig("communication.fewer_inbound")), corroborated=True
    )
    phase = diagnose(frame, found, scores(frame, 4.2), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    assert phase.reason_codes[-1] == "early_pattern"
    # Uncorroborated, the same problem is no decline while nothing falls or stays low.
    alone = signals(gone, sig("communication.fewer_inbound"))
    assert diagnose(frame, alone, scores(frame, 4.2), DEFAULT_CONFIG).phase is Phase.MATURITY
    # A standing risk beside one problem is no pattern: it waits for the numbers.
    standing = signals(
        sig("resource.single_contact", confirmed=True),
        sig("communication.fewer_inbound", confirmed=True),
    )
    assert diagnose(frame, standing, scores(frame, 4.2), DEFAULT_CONFIG).phase is Phase.MATURITY


def test_a_sustained_low_score_is_decline():
    frame = frame_of()
    phase = diagnose(frame, signals(), scores(frame, 2.0), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE


def test_a_young_alliance_is_forming():
    frame = frame_of(
        started=date(2025, 3, 1), months=9, periods=steady_periods(date(2025, 3, 1), 9)
    )
    assert diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG).phase is Phase.FORMATION


def test_rising_metrics_mean_growth():
    frame = frame_of(metrics=(metric("leads", START, ramp(10, 30, 24)),))
    assert diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG).phase is Phase.GROWTH


def test_a_recent_reset_decision_means_renewal():
    frame = frame_of(decisions=(DecisionRecord(date(2025, 10, 1), DecisionKind.RESET),))
    phase = diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG)
    assert phase.phase is Phase.RENEWAL


def test_a_recent_renegotiation_means_renewal_but_an_old_one_does_not():
    recent = frame_of(agreement=AgreementInfo(renegotiation=date(2025, 9, 1)))
    old = frame_of(agreement=AgreementInfo(renegotiation=date(2024, 3, 1)))
    assert diagnose(recent, signals(), scores(recent), DEFAULT_CONFIG).phase is Phase.RENEWAL
    assert diagnose(old, signals(), scores(old), DEFAULT_CONFIG).phase is Phase.MATURITY


def test_it_says_when_the_declared_phase_differs():
    frame = frame_of(declared=Phase.GROWTH)
    phase = diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG)
    assert phase.declared is Phase.GROWTH
    assert phase.reasons[-1] == "Declared phase is growth, but the data points to maturity."


def test_it_is_silent_when_the_declared_phase_agrees():
    frame = frame_of(declared=Phase.MATURITY)
    phase = diagnose(frame, signals(), scores(frame), DEFAULT_CONFIG)
    assert not any("Declared" in r for r in phase.reasons)


RESET_OCT = (DecisionRecord(date(2025, 10, 1), DecisionKind.RESET),)
CLUSTER = (
    sig("communication.fewer_inbound", confirmed=True),
    sig("resource.team_shrinking", confirmed=True),
)


def scored(frame, before, after, confirmed_before, confirmed_after):
    """Scores (and confirmed negatives) before October 2025, and from October on."""
    result = []
    for p in frame.periods:
        value, confirmed = (
            (before, confirmed_before) if p < date(2025, 10, 1) else (after, confirmed_after)
        )
        cats = (CategoryScore(Category.COMMUNICATION, value, 1.0, confirmed, confirmed),)
        result.append(PeriodScore(p, value, value, cats))
    return result


def test_a_reset_the_alliance_does_not_respond_to_is_decline_and_says_so():
    frame = frame_of(decisions=RESET_OCT)
    phase = diagnose(frame, signals(*CLUSTER), scored(frame, 3.2, 3.1, 2, 2), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    said = [r for r in phase.reasons if "has not turned things round yet" in r]
    assert said and said[0].startswith("A reset was decided on 2025-10-01")
    assert "2 confirmed problem(s) and a score of 3.2 before it, 2 and 3.1 now" in said[0]
    assert "Confirmed problems in communication and resource persist." in phase.reasons


def test_a_reset_followed_by_a_growing_cluster_is_decline():
    frame = frame_of(decisions=RESET_OCT)
    found = signals(*CLUSTER, sig("culture.tone_cooler", confirmed=True))
    phase = diagnose(frame, found, scored(frame, 3.4, 3.0, 2, 3), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE


def test_a_reset_with_fewer_confirmed_problems_since_is_renewal():
    frame = frame_of(decisions=RESET_OCT)
    phase = diagnose(frame, signals(*CLUSTER), scored(frame, 3.0, 3.0, 4, 2), DEFAULT_CONFIG)
    assert phase.phase is Phase.RENEWAL
    assert not any("not turned things round" in r for r in phase.reasons)


def test_a_reset_with_a_rising_score_since_is_renewal():
    frame = frame_of(decisions=RESET_OCT)
    phase = diagnose(frame, signals(*CLUSTER), scored(frame, 2.9, 3.4, 2, 2), DEFAULT_CONFIG)
    assert phase.phase is Phase.RENEWAL


def test_a_renegotiation_that_changes_nothing_is_decline_too():
    frame = frame_of(agreement=AgreementInfo(renegotiation=date(2025, 10, 15)))
    phase = diagnose(frame, signals(*CLUSTER), scored(frame, 3.0, 3.0, 2, 2), DEFAULT_CONFIG)
    assert phase.phase is Phase.DECLINE
    assert any(
        r.startswith("The agreement was renegotiated on 2025-10-15, but") for r in phase.reasons
    )


def test_reinvesting_in_a_growing_alliance_backs_growth_rather_than_renewing_it():
    reinvest = (DecisionRecord(date(2025, 10, 1), DecisionKind.REINVEST),)
    rising = (metric("leads", START, ramp(10, 30, 24)),)
    growing = frame_of(metrics=rising, decisions=reinvest)
    phase = diagnose(growing, signals(), scores(growing), DEFAULT_CONFIG)
    assert phase.phase is Phase.GROWTH
    assert "A reinvest was decided on 2025-10-01 to back its growth." in phase.reasons
    flat = frame_of(decisions=reinvest)
    assert diagnose(flat, signals(), scores(flat), DEFAULT_CONFIG).phase is Phase.RENEWAL
