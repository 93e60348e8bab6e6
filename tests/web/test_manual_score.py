"""The manager's own score with its reason, beside the radar's, on the dashboard and the page."""

from __future__ import annotations

from datetime import date

import pytest

from radar.portfolio.models import CheckIn
from tests.web import pagedata as pd
from tests.web.support import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]


def reviewed(neutral: bool = False):
    a = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(a, 2.4))
    CheckIn.objects.create(
        alliance=a,
        held_on=date(2026, 11, 10),
        manual_score=5,
        computed_score=2.4,
        score_comment="Their new CTO doubled the joint budget last week.",
        neutral_reviewer=neutral,
    )
    return a


def test_the_dashboard_shows_the_managers_score_beside_the_radars() -> None:
    reviewed()
    html = client_for(pd.user()).get("/").content.decode()
    assert 'class="manual-score manual-score--divergent"' in html and "manager 5" in html
    assert "Their new CTO doubled the joint budget last week." in html  # in its title
    assert "waiting for a neutral reviewer" in html
    assert "Score divergence" in html  # and in the needs-attention list


def test_the_alliance_page_shows_the_score_its_reason_and_the_review_it_waits_for() -> None:
    a = reviewed()
    html = client_for(pd.user()).get(f"/alliances/{a.slug}/").content.decode()
    overview = html[html.index('id="alliance-state"') : html.index("data-tabs")]
    assert 'Manager\'s score · <span class="nowrap">10 Nov</span>' in overview  # kept on one line
    assert "<q>Their new CTO doubled the joint budget last week.</q>" in overview
    assert "waiting for a neutral reviewer" in overview and "open the review" in overview


def test_once_a_neutral_reviewer_has_looked_nothing_waits() -> None:
    a = reviewed(neutral=True)
    client = client_for(pd.user())
    page = client.get(f"/alliances/{a.slug}/").content.decode()
    assert "seen by a neutral reviewer" in page and "waiting for a neutral reviewer" not in page
    dashboard = client.get("/").content.decode()
    assert "manual-score--divergent" not in dashboard and "manager 5" in dashboard
