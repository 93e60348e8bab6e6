from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from radar.engine.assessment import PhaseDiagnosis
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import AgreementInfo, ContextFactorRecord, DecisionRecord
from radar.engine.respond import agreement_dates, recommend
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals, context_notes
from radar.engine.vocab import ContactRole, ContextKind, DecisionKind, Phase, Polarity, Side
from tests.engine.builders import (
    alliance,
    build,
    contact,
    deliverable,
    history,
    metric,
    steady_periods,
)
from tests.engine.detections import sig

AS_OF = date(2025, 12, 31)
START = date(2024, 1, 1)
MATURE = PhaseDiagnosis(Phase.MATURITY, None, True, ())
DECLINE = PhaseDiagnosis(Phase.DECLINE, None, False, ())
GROWTH = PhaseDiagnosis(Phase.GROWTH, None, False, ())


def frame_of(**parts):
    parts.setdefault("periods", steady_periods(START, 24))
    return build(history(alliance=alliance(started=date(2021, 1, 1)), **parts), AS_OF)


def scores(frame, values):
    values = list(values) if isinstance(values, list) else [values] * len(frame.periods)
    return [
        PeriodScore(p, v, v, ()) for p, v in zip(frame.periods[-len(values) :], values, strict=True)
    ]


def signals(*items, systemic=False):
    cats = tuple(dict.fromkeys(s.category for s in items))
    return PeriodSignals(date(2025, 12, 1), tuple(items), systemic, cats if systemic else (), cats)


def test_nothing_confirmed_means_monitor():
    frame = frame_of()
    found = signals(sig("communication.reply_slower"))
    rec = recommend(frame, found, scores(frame, 4.4), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.MONITOR
    assert rec.evidence == ("communication.reply_slower",)


def test_a_confirmed_pattern_means_reset_with_its_evidence():
    frame = frame_of()
    found = signals(
        sig("communication.reply_slower", confirmed=True),
        sig("culture.tone_falling", confirmed=True),
    )
    rec = recommend(frame, found, scores(frame, 3.8), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.RESET and rec.rule == "reset_pattern"
    assert rec.evidence == ("communication.reply_slower", "culture.tone_falling")
    assert any("Confirmed pattern" in r for r in rec.reasons)


def test_one_confirmed_problem_nothing_corroborates_is_a_watch_not_a_reset():
    frame = frame_of()
    found = signals(sig("communication.reply_slower", confirmed=True))
    rec = recommend(frame, found, scores(frame, 3.8), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.WATCH and rec.rule == "watch_uncorroborated"
    assert rec.evidence == ("communication.reply_slower",)


def test_our_own_confirmed_late_delivery_means_reset_even_when_the_partner_is_fine():
    frame = frame_of()
    found = signals(sig("execution.late_ours", confirmed=True))
    rec = recommend(frame, found, scores(frame, 4.2), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.RESET
    assert any("Our own side is missing commitments" in r for r in rec.reasons)


def test_one_unconfirmed_slip_on_our_side_is_a_reason_to_check_not_a_reset():
    frame = frame_of(
        deliverables=[deliverable(1, date(2025, 11, 10), side=Side.OURS)],
    )
    found = signals(sig("execution.our_missed"))
    rec = recommend(frame, found, scores(frame, 4.2), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.MONITOR
    assert any(
        "Our own side slipped recently" in r and "not yet confirmed" in r for r in rec.reasons
    )
    ours = [item for item in rec.checklist if "Could we be the problem" in item.question]
    assert ours and ours[0].status == "attention"


def test_healthy_with_positive_signals_means_reinvest():
    frame = frame_of()
    found = signals(sig("resource.new_connections", polarity=Polarity.POSITIVE))
    rec = recommend(frame, found, scores(frame, 4.8), MATURE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.REINVEST
    assert rec.evidence == ("resource.new_connections",)


def factor(kind, start, end=None):
    return ContextFactorRecord(kind, start, end, note="on record")


@pytest.mark.parametrize(
    ("context", "action"),
    [
        # A downturn that ended within the trend window (12 months) still holds back.
        ((factor(ContextKind.DOWNTURN, date(2024, 9, 1), date(2025, 3, 31)),), "monitor"),
        ((factor(ContextKind.REGULATION, date(2025, 10, 1)),), "monitor"),
        # ... one that ended more than a year ago no longer does,
        ((factor(ContextKind.DOWNTURN, date(2023, 1, 1), date(2024, 6, 30)),), "reinvest"),
        # ... and a change inside the partner is no market force.
        ((factor(ContextKind.MERGER_ACQUISITION, date(2025, 10, 1)),), "reinvest"),
        ((factor(ContextKind.OTHER, date(2025, 10, 1)),), "reinvest"),
    ],
)
def test_a_market_force_on_record_holds_back_a_reinvest(context, action):
    frame = frame_of(context=context)
    found = signals(sig("resource.new_connections", polarity=Polarity.POSITIVE))
    rec = recommend(frame, found, scores(frame, 4.8), MATURE, DEFAULT_CONFIG)
    assert rec.action == action
    if action == "monitor":
        assert rec.rule == "monitor_outside_force"
        assert "but during " in rec.reasons[0] and "on record:" in rec.reasons[0]


def test_growth_without_positive_signals_means_reinvest_but_a_low_score_does_not():
    frame = frame_of()
    assert (
        recommend(frame, signals(), scores(frame, 4.5), GROWTH, DEFAULT_CONFIG).action
        is DecisionKind.REINVEST
    )
    assert (
        recommend(frame, signals(), scores(frame, 3.5), GROWTH, DEFAULT_CONFIG).action
        is DecisionKind.MONITOR
    )


def test_sustained_decline_after_an_unanswered_reset_means_exit():
    frame = frame_of(decisions=(DecisionRecord(date(2025, 6, 10), DecisionKind.RESET),))
    found = signals(
        sig("communication.reply_slower", confirmed=True),
        sig("resource.key_contact_left", confirmed=True),
        sig("execution.late", confirmed=True),
        systemic=True,
    )
    rec = recommend(frame, found, scores(frame, 2.2), DECLINE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.EXIT
    assert any("2025-06-10" in r for r in rec.reasons)


def test_a_reset_that_lifted_the_score_is_not_unanswered():
    frame = frame_of(decisions=(DecisionRecord(date(2025, 6, 10), DecisionKind.RESET),))
    history_scores = [1.5] * 18 + [2.0, 2.2, 2.3, 2.4, 2.4, 2.4]
    found = signals(sig("communication.reply_slower", confirmed=True), systemic=True)
    rec = recommend(frame, found, scores(frame, history_scores), DECLINE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.RESET


def test_a_declining_alliance_near_its_renewal_means_exit():
    agreement = AgreementInfo(renewal=date(2026, 3, 1), exit_notice_days=60, has_exit_clause=True)
    frame = frame_of(agreement=agreement)
    found = signals(
        sig("metrics.leads_falling", confirmed=True),
        sig("communication.reply_slower", confirmed=True),
    )
    rec = recommend(frame, found, scores(frame, 3.0), DECLINE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.EXIT
    assert ("exit notice deadline", date(2025, 12, 31)) in rec.agreement_dates
    # One problem nothing corroborates is watched, even in a declining alliance.
    alone = signals(sig("metrics.leads_falling", confirmed=True))
    rec = recommend(frame, alone, scores(frame, 3.0), DECLINE, DEFAULT_CONFIG)
    assert rec.action is DecisionKind.WATCH


def test_agreement_dates_include_the_exit_notice_deadline():
    agreement = AgreementInfo(
        renewal=date(2026, 6, 30), exit_notice_days=90, next_review=date(2026, 1, 15)
    )
    assert agreement_dates(agreement) == (
        ("next review", date(2026, 1, 15)),
        ("renewal", date(2026, 6, 30)),
        ("exit notice deadline", date(2026, 4, 1)),
    )
    assert agreement_dates(None) == ()


def test_signals_during_a_downturn_are_called_possibly_external_in_the_reasons():
    frame = frame_of()
    notes = context_notes(
        date(2025, 10, 1),
        date(2025, 12, 1),
        (ContextFactorRecord(ContextKind.DOWNTURN, date(2025, 9, 1)),),
    )
    s = sig("metrics.leads_falling", confirmed=True)
    s = dataclasses.replace(s, possibly_external=True, context=notes)
    rec = recommend(frame, signals(s), scores(frame, 3.5), MATURE, DEFAULT_CONFIG)
    assert any("downturn" in r and "may be external" in r for r in rec.reasons)


def checklist_of(frame, found=None):
    rec = recommend(frame, found or signals(), scores(frame, 4.0), MATURE, DEFAULT_CONFIG)
    return {item.question.split("?")[0]: item for item in rec.checklist}


def test_the_checklist_reports_recent_contact_and_a_team_change_with_its_successor():
    periods = steady_periods(START, 24, last_contact=datetime(2025, 12, 20, 10))
    contacts = (
        contact(
            1,
            "Dana",
            role=ContactRole.TECHNICAL_LEAD,
            ended=date(2025, 9, 1),
            end_reason="reassigned",
            successor_id=2,
        ),
        contact(2, "Sam", role=ContactRole.TECHNICAL_LEAD, started=date(2025, 9, 1)),
    )
    items = checklist_of(frame_of(periods=periods, contacts=contacts))
    spoken = items["Have we spoken directly with the partner in the last 30 days"]
    assert spoken.status == "ok" and "11 days ago" in spoken.finding
    team = items["Has the partner's team changed recently"]
    assert team.status == "attention"
    assert team.finding == "Dana (technical lead) was reassigned on 2025-09-01, replaced by Sam."


def test_the_checklist_flags_stale_contact_and_our_own_late_deliverables():
    periods = steady_periods(START, 24, last_contact=datetime(2025, 10, 2, 9))
    ours = (
        deliverable(1, date(2025, 10, 1), side=Side.OURS, done=date(2025, 11, 20)),
        deliverable(2, date(2025, 11, 1), side=Side.OURS, done=date(2025, 11, 1)),
    )
    items = checklist_of(frame_of(periods=periods, deliverables=ours))
    assert (
        items["Have we spoken directly with the partner in the last 30 days"].status == "attention"
    )
    mine = items["Are we still delivering on our commitments"]
    assert mine.status == "attention" and mine.finding.startswith("1 of our 2")


def test_the_checklist_says_unknown_without_data_and_ok_for_a_fresh_review():
    bare = checklist_of(frame_of())
    assert bare["Are we still delivering on our commitments"].status == "unknown"
    assert bare["Have we reviewed the agreement recently"].status == "unknown"
    reviewed = checklist_of(frame_of(agreement=AgreementInfo(last_reviewed=date(2025, 7, 1))))
    assert reviewed["Have we reviewed the agreement recently"].status == "ok"


def test_contact_yesterday_reads_yesterday_not_one_days_ago():
    periods = steady_periods(START, 24, last_contact=datetime(2025, 12, 30, 10))
    items = checklist_of(frame_of(periods=periods))
    spoken = items["Have we spoken directly with the partner in the last 30 days"]
    assert spoken.finding == "Last direct contact yesterday (2025-12-30)."


def test_revenue_that_has_stayed_far_below_its_healthy_level_is_a_reset():
    # Eighteen healthy months, then half the revenue for six: confirmed, and lasting.
    revenue = metric("joint_revenue", START, [100.0] * 18 + [50.0] * 6)
    frame = frame_of(metrics=(revenue,))
    found = signals(sig("metrics.falling.joint_revenue", confirmed=True))
    rec = recommend(frame, found, scores(frame, 4.3), MATURE, DEFAULT_CONFIG)
    assert (rec.action, rec.rule) == (DecisionKind.RESET, "reset_lasting_loss")
    assert any("50% below their healthy level" in r for r in rec.reasons)
    # One low month is no lasting loss: watched until something corroborates it.
    dip = metric("joint_revenue", START, [100.0] * 23 + [50.0])
    frame = frame_of(metrics=(dip,))
    rec = recommend(frame, found, scores(frame, 4.3), MATURE, DEFAULT_CONFIG)
    assert rec.rule == "watch_uncorroborated"
