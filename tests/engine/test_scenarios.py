"""The guides' own scenarios, end to end through evaluate(), with frozen dates.

Each history is built as it would have been known on `known_on`, so the same
builders also serve the backtesting test.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from radar.engine.evaluate import evaluate
from radar.engine.records import CheckInRecord, ContextFactorRecord, History
from radar.engine.vocab import (
    AllianceKind,
    Category,
    ContactRole,
    ContextKind,
    DecisionKind,
    MetricKind,
    ObservationKind,
    Phase,
    Side,
)
from tests.engine.builders import (
    add_months,
    alliance,
    contact,
    deliverable,
    history,
    metric,
    observation,
    steady_periods,
)

START = date(2023, 1, 1)
WIGGLE = (0.0, 0.04, -0.03, 0.02, -0.05, 0.03, -0.02, 0.05, -0.04, 0.01, 0.02, -0.01)


def monthly_contact(n: int, day: int = 20) -> list[datetime]:
    return [datetime(2023 + i // 12, i % 12 + 1, day, 10) for i in range(n)]


def after(normal: float, changed: float, at: int, n: int) -> list[float]:
    return [normal if i < at else changed for i in range(n)]


def cut(items, known_on: date | None, when):
    return tuple(x for x in items if known_on is None or when(x) <= known_on)


def reassigned_lead_engineer(known_on: date | None = None) -> History:
    """Technology partnership: the partner reassigns the lead engineer in July 2025;
    from August attendance drops, updates get vague and deliverables slip."""
    n = 36
    periods = steady_periods(
        START,
        n,
        partner_attended=after(9, 5, 31, n),
        partner_words=after(120.0, 55.0, 31, n),
        last_contact=monthly_contact(n),
    )
    gone = known_on is None or known_on >= date(2025, 7, 14)
    contacts = [
        contact(
            1,
            "Dana Reyes",
            role=ContactRole.TECHNICAL_LEAD,
            started=date(2022, 1, 1),
            ended=date(2025, 7, 14) if gone else None,
            end_reason="reassigned" if gone else "",
            successor_id=2 if gone else None,
        ),
        contact(2, "Sam Ortiz", role=ContactRole.TECHNICAL_LEAD, started=date(2025, 7, 15)),
        contact(3, "Lee Park", role=ContactRole.CHAMPION, started=date(2022, 1, 1)),
        contact(4, "Ana Ruiz", side=Side.OURS, role=ContactRole.ALLIANCE_MANAGER),
    ]
    items = []
    for i in range(35):
        due = add_months(START, i).replace(day=15)
        done = due.replace(day=14) if i < 31 else add_months(due, 1).replace(day=20)
        if known_on is not None and done > known_on:
            done = None
        items.append(deliverable(i + 1, due, done=done))
    return history(
        alliance=alliance(started=date(2022, 1, 10), kind=AllianceKind.TECHNOLOGY),
        periods=cut(periods, known_on, lambda p: p.period),
        contacts=cut(contacts, known_on, lambda c: c.started or START),
        deliverables=tuple(items),
        checkins=cut(
            [CheckInRecord(add_months(START, i).replace(day=5)) for i in range(n)],
            known_on,
            lambda c: c.held,
        ),
    )


def test_the_reassigned_lead_engineer_leads_to_a_confirmed_systemic_pattern_and_a_reset():
    a = evaluate(reassigned_lead_engineer(), date(2025, 10, 31))
    confirmed = {s.rule for s in a.confirmed_signals}
    assert {"communication.attendance_falling", "execution.partner_missed"} <= confirmed
    assert a.systemic and Category.COMMUNICATION in a.systemic_categories
    assert a.recommendation.action is DecisionKind.RESET
    assert "communication.attendance_falling" in a.recommendation.evidence
    assert a.trend == "down" and a.score < a.baseline_score
    team = a.recommendation.checklist[1]
    assert (
        team.status == "attention" and "Dana Reyes" in team.finding and "Sam Ortiz" in team.finding
    )


def test_the_reassignment_itself_is_confirmed_at_once_and_named_in_why_it_moved():
    a = evaluate(reassigned_lead_engineer(), date(2025, 7, 31))
    left = next(s for s in a.signals if s.rule == "resource.key_contact_left")
    assert left.confirmed and left.category is Category.RESOURCE
    assert any(w.startswith("Resource fell") for w in a.why_moved)


def co_selling_incentive_change() -> History:
    """Co-selling partner: an internal competing initiative and an incentive change
    slow the lead flow from mid-2025; revenue only falls from November."""
    leads = [round(40 * (1 + WIGGLE[i % 12])) for i in range(29)] + [38, 33, 28, 24, 20, 17, 15]
    revenue = [round(200 * (1 + WIGGLE[(i + 3) % 12])) for i in range(34)] + [170, 150]
    return history(
        alliance=alliance(started=date(2021, 6, 1), kind=AllianceKind.CO_SELLING, tier=2),
        periods=steady_periods(START, 36, last_contact=monthly_contact(36)),
        contacts=(
            contact(1, "Kai", role=ContactRole.SALES_LEAD, started=date(2021, 6, 1)),
            contact(2, "Mo", role=ContactRole.CHAMPION, started=date(2021, 6, 1)),
        ),
        metrics=(
            metric("leads", START, leads, kind=MetricKind.LEADING),
            metric("revenue", START, revenue),
        ),
        observations=(
            observation(1, date(2025, 5, 20), ObservationKind.COMPETING_INITIATIVE),
            observation(2, date(2025, 6, 18), ObservationKind.FOCUS_SHIFT),
            observation(3, date(2025, 7, 10), ObservationKind.PROGRAM_TIER_CHANGE),
        ),
    )


def test_the_co_selling_slowdown_is_confirmed_before_revenue_falls():
    a = evaluate(co_selling_incentive_change(), date(2025, 10, 31))
    confirmed = {s.rule for s in a.confirmed_signals}
    assert "priority.observation" in confirmed
    assert "metrics.falling.leads" in confirmed
    assert not any("revenue" in s.rule for s in a.signals)  # the lagging metric has not moved
    assert a.recommendation.action is DecisionKind.RESET


def holiday_dip() -> History:
    """A steady alliance with one quiet December: fewer meetings, slower replies and
    one deliverable three weeks late; January is back to normal."""
    n, dec = 30, 23

    def dip(normal: float, dipped: float) -> list[float]:
        return [dipped if i == dec else normal for i in range(n)]

    periods = steady_periods(
        START,
        n,
        meetings_held=dip(4, 1),
        meetings_scheduled=dip(4, 2),
        meetings_cancelled=dip(0, 1),
        calls=dip(2, 0),
        emails_inbound=dip(20, 9),
        partner_reply_hours=dip(12.0, 30.0),
        last_contact=monthly_contact(n, day=18),
    )
    items = [
        deliverable(
            i + 1, add_months(START, i).replace(day=10), done=add_months(START, i).replace(day=9)
        )
        for i in range(n)
        if i != dec
    ]
    items.append(deliverable(99, date(2024, 12, 10), done=date(2025, 1, 14)))
    return history(
        alliance=alliance(started=date(2021, 3, 1)),
        periods=periods,
        deliverables=items,
        contacts=(contact(1, "Kai", role=ContactRole.CHAMPION), contact(2, "Mo")),
        metrics=(metric("revenue", START, [100.0] * n),),
    )


def test_a_december_holiday_dip_is_seen_but_not_escalated():
    a = evaluate(holiday_dip(), date(2024, 12, 31))
    assert a.signals and not a.confirmed_signals
    assert not a.systemic
    assert a.recommendation.action in (DecisionKind.MONITOR, DecisionKind.REINVEST)
    assert a.phase.phase is not Phase.DECLINE


def test_after_the_holiday_dip_recovers_nothing_is_left():
    for as_of in (date(2025, 1, 31), date(2025, 3, 31), date(2025, 6, 30)):
        a = evaluate(holiday_dip(), as_of)
        assert not [s for s in a.signals if s.polarity == "negative"], as_of
        assert a.recommendation.action in (DecisionKind.MONITOR, DecisionKind.REINVEST)
        assert a.cadence == () or all(f.code != "decision_overdue" for f in a.cadence)


def stable_mature_alliance() -> History:
    n = 36
    items = [
        deliverable(
            i + 1, add_months(START, i).replace(day=12), done=add_months(START, i).replace(day=10)
        )
        for i in range(n)
    ]
    return history(
        alliance=alliance(started=date(2021, 9, 1), declared_phase=Phase.MATURITY),
        periods=steady_periods(START, n, last_contact=monthly_contact(n)),
        contacts=(
            contact(1, "Kai", role=ContactRole.CHAMPION, started=date(2021, 9, 1)),
            contact(2, "Mo", role=ContactRole.EXECUTIVE_SPONSOR, started=date(2021, 9, 1)),
            contact(3, "Ila", role=ContactRole.TECHNICAL_LEAD, started=date(2021, 9, 1)),
        ),
        deliverables=items,
        metrics=(
            metric("revenue", START, [round(500 * (1 + WIGGLE[i % 12])) for i in range(n)]),
            metric("leads", START, [round(25 * (1 + WIGGLE[(i + 5) % 12])) for i in range(n)]),
        ),
        checkins=tuple(CheckInRecord(add_months(START, i).replace(day=3)) for i in range(n)),
    )


def test_a_stable_four_year_old_alliance_is_a_healthy_plateau_and_never_declining():
    h = stable_mature_alliance()
    for i in range(24, 36):
        a = evaluate(h, add_months(START, i + 1) - timedelta(days=1))  # each month's last day
        assert a.phase.phase is Phase.MATURITY, a.as_of
        assert a.phase.healthy_plateau, a.as_of
        assert not a.confirmed_signals
    final = evaluate(h, date(2025, 12, 31))
    assert final.score >= 4.5 and final.trend == "flat"
    assert final.recommendation.action is DecisionKind.MONITOR


def test_backtesting_at_a_past_date_equals_evaluating_the_history_known_then():
    for known_on in (date(2025, 6, 30), date(2025, 8, 31), date(2025, 9, 30)):
        full = evaluate(reassigned_lead_engineer(), known_on)
        then = evaluate(reassigned_lead_engineer(known_on), known_on)
        assert full.to_dict() == then.to_dict(), known_on


def test_signals_during_a_downturn_are_annotated_as_possibly_external_and_kept():
    plain = co_selling_incentive_change()
    downturn = ContextFactorRecord(
        ContextKind.DOWNTURN, date(2025, 6, 1), None, portfolio_wide=True, note="sector slump"
    )
    with_context = dataclasses.replace(plain, context=(downturn,))
    a = evaluate(with_context, date(2025, 10, 31))
    leads = next(s for s in a.signals if s.rule == "metrics.falling.leads")
    assert leads.confirmed and leads.possibly_external
    assert "downturn" in leads.context[0] and "sector slump" in leads.context[0]
    assert any("may be external" in r for r in a.recommendation.reasons)
    without = evaluate(plain, date(2025, 10, 31))
    assert {s.rule for s in a.signals} == {s.rule for s in without.signals}
    assert a.score == without.score  # annotated, never dropped or discounted
