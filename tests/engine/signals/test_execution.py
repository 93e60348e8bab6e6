from __future__ import annotations

from datetime import date

from radar.engine.vocab import DeliverableStatus, ObservationKind, Side
from tests.engine.builders import deliverable, detect, fired, history, observation, steady_periods

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
MONTHS = 24


def month(n: int, day: int = 15) -> date:
    return date(2024 + n // 12, n % 12 + 1, day)


def on_time(side=Side.PARTNER, first_id=1):
    """One deliverable a month, each done a day early."""
    return [
        deliverable(first_id + n, month(n), side=side, done=month(n, 14)) for n in range(MONTHS)
    ]


def run(deliverables, observations=(), as_of=AS_OF):
    h = history(
        periods=steady_periods(START, MONTHS), deliverables=deliverables, observations=observations
    )
    return detect(h, as_of)


def test_on_time_deliverables_raise_no_execution_signal():
    assert fired(run(on_time() + on_time(Side.OURS, 100)), "execution.") == []


def test_a_missed_partner_deliverable_fires_in_its_due_month():
    items = on_time()
    items[20] = deliverable(21, month(20))  # due 2025-09-15, never done
    found = run(items)
    assert fired(found, "execution.partner_missed") == [date(2025, 9, 1)]
    assert fired(found, "execution.our_missed") == []
    detail = next(d.detail for d in found if d.rule == "execution.partner_missed")
    assert detail == "The partner slipped on 1 of 1 deliverables due in 2025-09 (1 missed)."


def test_late_and_partial_deliverables_count_as_slips():
    items = on_time()
    items[18] = deliverable(19, month(18), done=month(18).replace(day=28))  # 13 days late
    items[19] = deliverable(20, month(19), done=month(19, 20))  # 5 days: within grace
    items[21] = deliverable(22, month(21), status=DeliverableStatus.PARTIAL)
    items[22] = deliverable(23, month(22), status=DeliverableStatus.CANCELLED)
    found = run(items)
    assert fired(found, "execution.partner_missed") == [date(2025, 7, 1), date(2025, 10, 1)]
    details = [d.detail for d in found if d.rule == "execution.partner_missed"]
    assert "(1 late)" in details[0] and "(1 partial)" in details[1]


def test_our_own_slips_are_reported_separately_and_ask_the_question():
    items = on_time() + on_time(Side.OURS, 100)
    items[24 + 20] = deliverable(121, month(20), side=Side.OURS)
    found = run(items)
    assert fired(found, "execution.our_missed") == [date(2025, 9, 1)]
    assert fired(found, "execution.partner_missed") == []
    detail = next(d.detail for d in found if d.rule == "execution.our_missed")
    assert "could our own side be part of the problem" in detail.lower()


def test_work_still_inside_its_grace_period_is_not_judged_yet():
    items = [deliverable(1, date(2025, 12, 28))]
    assert fired(run(items), "execution.") == []
    assert fired(run(items, as_of=date(2026, 1, 31)), "execution.partner_missed") == [
        date(2025, 12, 1)
    ]


def test_work_finished_after_as_of_was_still_missing_then():
    items = [deliverable(1, date(2025, 10, 1), done=date(2026, 2, 1))]
    assert fired(run(items), "execution.partner_missed") == [date(2025, 10, 1)]
    detail = next(d.detail for d in run(items) if d.rule == "execution.partner_missed")
    assert "1 missed" in detail


def test_a_rising_share_of_slips_is_its_own_signal():
    items = on_time()
    for n in (21, 22, 23):  # the last three months all slip; the year before was clean
        items[n] = deliverable(n + 1, month(n), done=month(n, 28))
    found = run(items)
    assert fired(found, "execution.late_share_rising") == [date(2025, m, 1) for m in (10, 11, 12)]
    detail = next(d.detail for d in found if d.rule == "execution.late_share_rising")
    assert "slipped (33%), against 0% before" in detail


def test_one_bad_month_does_not_carry_the_rising_share_through_the_window():
    items = on_time()
    items[20] = deliverable(21, month(20), done=month(20, 28))
    assert fired(run(items), "execution.late_share_rising") == [date(2025, 9, 1)]


def test_quality_issues_are_execution_observations():
    found = run(
        on_time(), observations=(observation(1, date(2025, 4, 9), ObservationKind.QUALITY_ISSUE),)
    )
    assert fired(found, "execution.observation") == [date(2025, 4, 1)]


def test_each_slipped_deliverable_is_one_occurrence_towards_the_rule_of_three():
    slips = [deliverable(n, date(2025, 11, 3 + n)) for n in range(3)]
    ontime = deliverable(9, date(2025, 11, 20), done=date(2025, 11, 20))
    found = [d for d in run([*slips, ontime]) if d.rule == "execution.partner_missed"]
    assert [(d.period, d.occurrences) for d in found] == [(date(2025, 11, 1), 3)]
