"""The demo tells the same stories whatever day `radar demo` runs (docs/demo.md).

Each date seeds the demo afresh, assesses it on that date and at the two
backtest dates the stories name (tests.demo.stories), and checks every
documented reading. The dates cover a month's first and last days, a leap
day, both sides of New Year and mid-month days in both halves of the year;
tests/demo/test_stories.py reads one more date in detail.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from radar.demo import seed_demo, wipe_portfolio
from radar.demo.people import OWNERS
from tests.demo.stories import Backtests, Readings, failures

pytestmark = pytest.mark.django_db

DATES = (
    date(2024, 2, 29),  # a leap day, also a month's last day
    date(2025, 1, 1),  # New Year's day: the holiday month is the last complete one
    date(2025, 1, 31),  # a month's last day: the engine counts January as complete
    date(2025, 3, 1),
    date(2025, 6, 15),
    date(2025, 8, 31),
    date(2025, 12, 31),  # New Year's Eve
    date(2026, 7, 1),
)


def read(day: date) -> Readings:
    from radar.portfolio.assessments import evaluate_portfolio
    from radar.portfolio.models import Alliance

    slugs = dict(Alliance.objects.values_list("id", "slug"))
    return {slugs[a.alliance_id]: a for a in evaluate_portfolio(day, store=False)}


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_every_story_reads_the_same_on_any_date(as_of: date):
    backtests = Backtests.for_date(as_of)
    try:
        seed_demo(42, as_of)
        now = read(as_of)
        after_holidays, earlier = read(backtests.after_holidays), read(backtests.two_months_earlier)
    finally:
        wipe_portfolio()
        get_user_model().objects.filter(username__in=OWNERS).delete()
    assert failures(now, after_holidays, earlier) == []


def test_backtest_dates_follow_the_demo_months():
    assert Backtests.for_date(date(2025, 6, 15)) == Backtests(date(2025, 1, 12), date(2025, 4, 15))
    # On a month's last day that month is complete: two months earlier is a month's end too.
    assert Backtests.for_date(date(2025, 1, 31)).two_months_earlier == date(2024, 11, 30)
    assert Backtests.for_date(date(2025, 1, 5)).after_holidays == date(2024, 1, 12)
    assert Backtests.for_date(date(2024, 3, 31)).two_months_earlier == date(2024, 1, 31)
