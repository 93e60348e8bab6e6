"""The slow boil: a sustained degradation must not become the new normal."""

from __future__ import annotations

from datetime import date

from radar.engine.evaluate import evaluate
from radar.engine.features import add_months
from tests.engine.builders import detect, history, ramp, steady_periods

START = date(2023, 1, 1)
HEALTHY, DOWN, STAYS = 24, 6, 12  # months healthy, months of decline, months it stays low


def slow(healthy: float, low: float) -> list[float]:
    return [healthy] * HEALTHY + ramp(healthy, low, DOWN + 1)[1:] + [low] * STAYS


def boil(**fields):
    months = HEALTHY + DOWN + STAYS
    return history(periods=steady_periods(START, months, **fields))


def signals_at(h, months_after_start: int):
    as_of = add_months(START, months_after_start) - date.resolution  # the month before's end
    return {s.rule: s for s in evaluate(h, as_of).signals}


def test_slower_replies_for_a_year_after_the_decline_stay_signalled_and_confirmed():
    h = boil(partner_reply_hours=slow(12.0, 40.0))
    for months_low in (3, 6, 9, 12):
        found = signals_at(h, HEALTHY + DOWN + months_low)
        assert "communication.reply_slower" in found, months_low
        assert found["communication.reply_slower"].confirmed, months_low


def test_thinner_attendance_that_stays_thin_is_still_a_signal_nine_months_on():
    invited = 10
    h = boil(partner_invited=invited, partner_attended=[round(v) for v in slow(9, 4)])
    found = signals_at(h, HEALTHY + DOWN + 9)
    assert found["communication.attendance_falling"].confirmed
    assert "healthy" in found["communication.attendance_falling"].detail


def test_the_signal_clears_once_the_level_recovers():
    values = slow(12.0, 40.0)[: HEALTHY + DOWN + 6] + [12.0] * 3
    h = history(periods=steady_periods(START, len(values), partner_reply_hours=values))
    assert "communication.reply_slower" not in signals_at(h, len(values))


def test_a_stable_alliance_raises_no_sustained_level_signal():
    h = boil()
    for months in range(13, HEALTHY + DOWN + STAYS + 1):
        negatives = [s.rule for s in signals_at(h, months).values() if s.polarity == "negative"]
        assert negatives == [], months


def test_a_low_level_is_a_new_reading_once_per_level_window_not_every_month():
    # The level is the median of the last 3 months: next month's level re-reads two of
    # them, so a run of low levels counts one reading in three for the rule of three.
    h = boil(partner_invited=10, partner_attended=[round(v) for v in slow(9, 4)])
    as_of = add_months(START, HEALTHY + DOWN + STAYS) - date.resolution
    levels = [
        d
        for d in detect(h, as_of)
        if d.rule == "communication.attendance_falling" and d.detail.startswith("Not recovered")
    ]
    assert len(levels) >= 6
    counted = [d.occurrences for d in levels]
    assert all(sum(counted[k : k + 3]) == 1 for k in range(len(counted) - 2)), counted
