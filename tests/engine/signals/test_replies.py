"""Partner replies judged reply by reply: sparse months are pooled, not dropped."""

from __future__ import annotations

import math
import random
from datetime import date

from radar.engine.evaluate import evaluate
from radar.engine.features import add_months
from radar.engine.records import PeriodStats
from tests.engine.builders import history, steady_periods

START = date(2023, 1, 1)


def with_replies(periods, replies_by_month):
    """Steady months whose partner replies are the given reply times (hours)."""
    made = []
    for stats, replies in zip(periods, replies_by_month, strict=True):
        logs = [math.log(max(h, 0.1)) for h in replies]
        made.append(
            PeriodStats(
                **{
                    **{f: getattr(stats, f) for f in stats.__slots__},
                    "partner_reply_hours": sum(replies) / len(replies) if replies else None,
                    "partner_replies": len(replies),
                    "partner_reply_log": sum(logs) / len(logs) if logs else None,
                    "partner_reply_log_sq": sum(v * v for v in logs) / len(logs) if logs else None,
                }
            )
        )
    return tuple(made)


def sparse(rng, months, typical, slow_from=None, slow=None):
    """1-8 replies a month, log-normal around `typical` hours (then `slow` from a month)."""
    found = []
    for i in range(months):
        level = slow if slow_from is not None and i >= slow_from else typical
        found.append([level * math.exp(rng.gauss(0, 0.7)) for _ in range(rng.randint(1, 8))])
    return found


def test_sparse_replies_from_7_to_35_hours_are_confirmed_within_months():
    rng = random.Random(4)
    months = 36
    h = history(periods=with_replies(steady_periods(START, months), sparse(rng, months, 7, 28, 35)))
    signals = {s.rule: s for s in evaluate(h, add_months(START, 32) - date.resolution).signals}
    assert signals["communication.reply_slower"].confirmed  # by the fourth slow month


def test_healthy_sparse_replies_never_confirm_over_three_years():
    for seed in range(8):
        rng = random.Random(seed)
        h = history(periods=with_replies(steady_periods(START, 36), sparse(rng, 36, 7)))
        for months in range(14, 37):
            as_of = add_months(START, months) - date.resolution
            found = {s.rule: s for s in evaluate(h, as_of).signals}
            slower = found.get("communication.reply_slower")
            assert slower is None or not slower.confirmed, (seed, months)


def test_one_slow_reply_after_a_holiday_is_a_sighting_never_a_pattern():
    replies = [[6.0, 7.0, 8.0, 7.5, 6.5]] * 24
    replies[20] = [6.0, 7.0, 8.0, 7.5, 300.0]  # one reply waited for the holiday's end
    h = history(periods=with_replies(steady_periods(START, 24), replies))
    for as_of in (date(2024, 9, 30), date(2024, 10, 31), date(2024, 12, 31)):
        slower = {s.rule: s for s in evaluate(h, as_of).signals}.get("communication.reply_slower")
        assert slower is None or (not slower.confirmed and slower.occurrences == 1)
