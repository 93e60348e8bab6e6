"""bench/workplace.py keeps working (tiny scale; no timing assertions)."""

from __future__ import annotations

import pytest

from bench import workplace
from radar.portfolio.models import ActionItem, Alliance, InteractionParticipant

pytestmark = pytest.mark.django_db


def test_it_builds_a_portfolio_and_renders_every_page() -> None:
    workplace.build(4)
    assert Alliance.objects.count() == 4 and ActionItem.objects.count() == 24
    assert InteractionParticipant.objects.count() == 4 * 30 * 2
    rows = workplace.measure(runs=2)
    assert [r["page"] for r in rows] == [label for label, _url in workplace.PAGES]
    for row in rows:
        assert len(row["wall"]) == 2 and 0 < row["queries"] < 20, row
