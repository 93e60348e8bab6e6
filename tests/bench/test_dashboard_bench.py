"""bench/dashboard.py keeps working (tiny scale; no timing assertions)."""

from __future__ import annotations

import pytest

from bench import dashboard
from radar.portfolio.models import Alliance, Assessment

pytestmark = pytest.mark.django_db


def test_it_builds_a_portfolio_and_renders_the_dashboard() -> None:
    dashboard.build(6)
    assert Alliance.objects.count() == 6 and Assessment.objects.count() == 6
    timings, queries, size, cpu = dashboard.measure(runs=2)
    assert len(timings) == len(cpu) == 2 and all(t > 0 for t in timings)
    assert 0 < queries < 15
    assert size > 10_000  # a real page, not an error
