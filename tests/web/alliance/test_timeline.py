"""The alliance timeline: filtered by kind, older items a page away, HTMX or not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio.models import CheckIn, Decision, Interaction, Observation
from radar.web.alliance.timeline import PAGE_SIZE, parse_kinds
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]


def busy(n_calls: int):
    a = pd.alliance("Busy Alliance")
    pd.store(pd.assessment(a, signals=(pd.signal(),)))
    start = datetime(2026, 11, 10, 9, tzinfo=UTC)
    Interaction.objects.bulk_create(
        Interaction(
            alliance=a, kind="call", occurred_at=start - timedelta(days=i), subject=f"Call {i}"
        )
        for i in range(n_calls)
    )
    Decision.objects.create(alliance=a, decided_on=date(2026, 3, 1), kind="reset", rationale="Go")
    CheckIn.objects.create(alliance=a, held_on=date(2026, 10, 1), manual_score=3)
    Observation.objects.create(alliance=a, observed_on=date(2026, 10, 5), title="Job ad")
    return a


def test_unknown_kinds_mean_everything() -> None:
    assert parse_kinds(["decision", "nonsense"]) == ("decision",)
    assert "meeting" in parse_kinds(["nonsense"])


def test_the_filter_shows_only_the_chosen_kinds(client_in) -> None:
    a = busy(5)
    url = f"/alliances/{a.slug}/timeline/?kind=decision&kind=review"
    html = client_in.get(url).content.decode()
    assert "Decision: Reset" in html and "Health review" in html
    assert "Call 0" not in html and "Job ad" not in html
    assert 'value="decision" checked' in html and 'value="meeting" checked' not in html


def test_older_items_are_a_page_away_and_nothing_is_lost(client_in) -> None:
    a = busy(PAGE_SIZE + 10)
    first = client_in.get(f"/alliances/{a.slug}/").content.decode()
    assert "Older items" in first and "Decision: Reset" not in first  # March is on page 2
    seen = set()
    page = 1
    while True:
        html = client_in.get(f"/alliances/{a.slug}/timeline/?page={page}").content.decode()
        seen |= {i for i in range(PAGE_SIZE + 10) if f">Call {i}<" in html}
        if "Older items" not in html:
            break
        page += 1
    assert page == 2
    assert "Decision: Reset" in html and "Newer items" in html
    assert len(seen) == PAGE_SIZE + 10


def test_htmx_gets_only_the_list_and_plain_requests_a_whole_page(client_in) -> None:
    a = busy(3)
    url = f"/alliances/{a.slug}/timeline/?kind=meeting"
    region = client_in.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert region.lstrip().startswith('<div id="timeline-list"') and "<html" not in region
    page = client_in.get(url).content.decode()
    assert "<h1>Timeline of Busy Alliance</h1>" in page and "Call 2" in page


def test_a_timeline_page_costs_the_same_queries_however_long_the_history(client_in) -> None:
    def queries(n: int) -> int:
        a = busy(n)
        with CaptureQueriesContext(connection) as ctx:
            client_in.get(f"/alliances/{a.slug}/timeline/?page=2")
        a.delete()
        return len(ctx.captured_queries)

    assert queries(PAGE_SIZE * 2) == queries(PAGE_SIZE * 6)
