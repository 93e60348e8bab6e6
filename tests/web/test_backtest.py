"""The backtest page: the portfolio as the engine would have seen it on a past day."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.test import Client

from radar.portfolio.models import Alliance, Assessment
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]


def _with_monthly_calls(name: str, started: date, until: date) -> Alliance:
    a = pd.alliance(name)
    a.started_on = started
    a.save()
    year, month = started.year, started.month
    while date(year, month, 1) <= until:
        pd.contact(a, datetime(year, month, 10, 15, tzinfo=UTC))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return a


def test_it_assesses_the_portfolio_as_of_a_past_day_without_storing(client_in) -> None:
    _with_monthly_calls("Old Friend", date(2024, 1, 1), date(2026, 11, 1))
    _with_monthly_calls("Newcomer", date(2026, 8, 1), date(2026, 11, 1))
    response = client_in.get("/backtest/?as_of=2026-06-20")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Backtest: 20 June 2026" in html
    table = html[html.index('id="portfolio-table"') :]
    assert "Old Friend" in table
    assert "Newcomer" not in table  # it did not exist yet on that day
    assert 'class="score band-' in table
    # store facts are cut at the day too: the June call, not November's, is the last contact
    assert "10 days ago" in table
    assert Assessment.objects.count() == 0  # evaluated on the fly, not stored


def test_links_keep_the_backtest_date(client_in) -> None:
    a = _with_monthly_calls("Old Friend", date(2024, 1, 1), date(2026, 11, 1))
    html = client_in.get("/backtest/?as_of=2026-06-20").content.decode()
    assert f"/alliances/{a.slug}/?as_of=2026-06-20" in html
    assert "?as_of=2026-06-20&amp;sort=-score" in html or "as_of=2026-06-20&amp;sort=" in html


def test_the_alliance_page_can_be_seen_as_of_a_past_day(client_in) -> None:
    a = _with_monthly_calls("Old Friend", date(2024, 1, 1), date(2026, 11, 1))
    html = client_in.get(f"/alliances/{a.slug}/?as_of=2026-06-20").content.decode()
    assert "Backtest: the radar's view on" in html and "20 Jun 2026" in html
    assert "10 Jul 2026" not in html  # nothing after the day in the timeline
    assert "10 Jun 2026" in html
    assert Assessment.objects.count() == 0


def test_without_a_date_it_explains_and_suggests_one(client_in) -> None:
    html = client_in.get("/backtest/").content.decode()
    assert "How it works" in html
    assert 'value="2026-08-17"' in html  # 90 days back by default
    assert 'max="2026-11-14"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not-a-date", "That date could not be read"),
        ("2027-01-01", "Pick a day in the past"),
    ],
)
def test_it_explains_bad_dates(client_in, value: str, message: str) -> None:
    response = client_in.get(f"/backtest/?as_of={value}")
    assert response.status_code == 200
    assert message in response.content.decode()


def test_anonymous_visitors_are_sent_to_login() -> None:
    response = Client().get("/backtest/?as_of=2026-06-20")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_past_view_offers_no_edit_buttons() -> None:
    from radar.accounts.roles import Role, grant_role

    a = _with_monthly_calls("Old Friend", date(2024, 1, 1), date(2026, 11, 1))
    boss = pd.user("boss")
    grant_role(boss, Role.MANAGER)
    manager = Client()
    manager.force_login(boss)
    assert "Monthly review" in manager.get(f"/alliances/{a.slug}/").content.decode()
    past = manager.get(f"/alliances/{a.slug}/?as_of=2026-06-20").content.decode()
    assert "Monthly review" not in past
