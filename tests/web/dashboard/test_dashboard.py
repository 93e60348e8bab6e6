"""The portfolio dashboard: content, filters, sorting, attention queue, query counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from radar.engine.assessment import CadenceFlag
from radar.engine.vocab import Category
from radar.portfolio.models import Assessment, CheckIn
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]


def test_it_sends_anonymous_visitors_to_login() -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_lists_every_alliance_with_score_phase_and_recommendation(client_in: Client) -> None:
    a = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(a, 2.4, signals=(pd.signal(),)))
    b = pd.alliance("Contoso Data")
    pd.store(pd.assessment(b, 4.3, history=(4.0, 4.2, 4.3)))
    html = client_in.get("/").content.decode()
    assert "Northwind Cloud" in html and "Contoso Data" in html
    assert 'class="score band-2"' in html and "2.4" in html
    assert 'class="score band-4"' in html
    assert "rec--reset" in html
    assert "scored as of 15 Nov 2026" in html
    assert '<svg class="spark' in html  # sparkline drawn server-side
    assert 'Communication&nbsp;1<span class="visually-hidden"> (1 confirmed, 0 watching)' in html


def test_it_shows_last_contact_and_flags_old_contact(client_in: Client) -> None:
    a = pd.alliance("Quiet Partner")
    pd.store(pd.assessment(a))
    pd.contact(a, datetime(2026, 9, 1, 9, tzinfo=UTC))
    html = client_in.get("/").content.decode()
    assert "75 days ago" in html
    assert "Last direct contact 75 days ago." in html  # attention queue


def test_it_filters_by_tier_and_category(client_in: Client) -> None:
    top = pd.alliance("Top Tier", tier=1)
    pd.store(pd.assessment(top, signals=(pd.signal(Category.RESOURCE),)))
    low = pd.alliance("Low Tier", tier=3)
    pd.store(pd.assessment(low, signals=(pd.signal(Category.CULTURE),)))
    by_tier = client_in.get("/?tier=1").content.decode()
    assert "Top Tier" in by_tier and "Low Tier" not in by_tier
    by_cat = client_in.get("/?category=culture").content.decode()
    assert "Low Tier" in by_cat and "Top Tier" not in by_cat


def _table(html: str) -> str:
    return html[html.index('id="portfolio-table"') :]


def test_it_sorts_by_score_both_ways(client_in: Client) -> None:
    for name, score in (("Alpha", 3.0), ("Bravo", 1.5), ("Charlie", 4.5)):
        pd.store(pd.assessment(pd.alliance(name), score))
    html = _table(client_in.get("/?sort=score").content.decode())
    assert html.index("Bravo") < html.index("Alpha") < html.index("Charlie")
    html = _table(client_in.get("/?sort=-score").content.decode())
    assert html.index("Charlie") < html.index("Alpha") < html.index("Bravo")


def test_it_ignores_unknown_query_values(client_in: Client) -> None:
    pd.store(pd.assessment(pd.alliance("Alpha")))
    response = client_in.get("/?sort=drop_table&tier=9&phase=<x>")
    assert response.status_code == 200
    assert "Alpha" in response.content.decode()


def test_htmx_requests_get_only_the_portfolio_region(client_in: Client) -> None:
    pd.store(pd.assessment(pd.alliance("Alpha")))
    html = client_in.get("/?tier=2", HTTP_HX_REQUEST="true").content.decode()
    assert "Alpha" in html
    assert "<html" not in html and 'id="portfolio-table"' in html


def test_the_attention_queue_lists_patterns_clusters_and_cadence(client_in: Client) -> None:
    a = pd.alliance("Drifting Co")
    flag = CadenceFlag("decision_pending", "Reset proposed 45 days ago, no decision yet.")
    pd.store(pd.assessment(a, signals=(pd.signal(),), systemic=True, cadence=(flag,)))
    html = client_in.get("/").content.decode()
    assert "Systemic cluster" in html and "Signals cluster across communication, resource" in html
    assert "Confirmed pattern" in html and "Partner replies are slower" in html
    assert "Reset proposed 45 days ago, no decision yet." in html
    assert "No direct two-way contact on record." in html


def test_the_attention_queue_flags_a_score_divergence(client_in: Client) -> None:
    a = pd.alliance("Rosy View")
    pd.store(pd.assessment(a, 2.0))
    CheckIn.objects.create(alliance=a, held_on=pd.TODAY, manual_score=5, computed_score=2.0)
    html = client_in.get("/").content.decode()
    assert "Score divergence" in html and "ask a neutral reviewer" in html


def test_it_escapes_alliance_names(client_in: Client) -> None:
    pd.store(pd.assessment(pd.alliance("<script>alert(1)</script>")))
    html = client_in.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _queries_for(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def _grow_to_30() -> None:
    for i in range(27):
        a = pd.alliance(f"More {i}")
        pd.store(pd.assessment(a, signals=(pd.signal(),)))
        pd.contact(a, datetime(2026, 11, 2, tzinfo=UTC))
        CheckIn.objects.create(alliance=a, held_on=pd.TODAY, manual_score=3, computed_score=3.0)


def test_the_query_count_does_not_grow_with_the_portfolio(client_in: Client) -> None:
    pd.portfolio(3)
    small = _queries_for(client_in)
    assert _queries_for(client_in) == small  # no cache: every visit reads the same way
    _grow_to_30()
    assert _queries_for(client_in) == small


def test_a_reassessment_shows_at_once(client_in: Client) -> None:
    a = pd.alliance("Changing")
    pd.store(pd.assessment(a, 2.0))
    assert 'class="score band-2"' in client_in.get("/").content.decode()
    pd.store(pd.assessment(a, 4.6))  # the same day assessed again
    assert 'class="score band-5"' in client_in.get("/").content.decode()


def test_long_portfolios_are_paged_and_links_keep_the_filters(client_in: Client) -> None:
    for i in range(55):
        pd.store(pd.assessment(pd.alliance(f"Ally {i:02d}", tier=2), 1.0 + i * 0.05))
    first = client_in.get("/?tier=2").content.decode()
    assert "Showing 1\u201350 of 55" in first and "Page 1 of 2" in first
    assert "?tier=2&amp;page=2" in first
    second = client_in.get("/?tier=2&page=2").content.decode()
    table = second[second.index('id="portfolio-table"') :]
    assert "Ally 54" in table and "Ally 00" not in table
    assert "Showing 51\u201355 of 55" in second


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("agreement_review_overdue", "Agreement review"),
        ("ritual_overdue", "Governance overdue"),
        ("decision_overdue", "Decision pending"),
        ("no_direct_contact", "No recent contact"),
    ],
)
def test_cadence_flags_get_their_own_labels(client_in: Client, code: str, label: str) -> None:
    a = pd.alliance("Flagged")
    pd.store(pd.assessment(a, cadence=(CadenceFlag(code, f"Message for {code}."),)))
    html = client_in.get("/").content.decode()
    assert f'>{label}</span> <span class="attention__detail">Message for {code}.</span>' in html


def test_an_htmx_history_restore_gets_the_whole_page(client_in: Client) -> None:
    pd.store(pd.assessment(pd.alliance("Alpha")))
    html = client_in.get(
        "/?tier=2", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    ).content.decode()
    assert "<html" in html and "Alpha" in html


def test_recent_contact_reads_naturally(client_in: Client) -> None:
    a = pd.alliance("Chatty")
    pd.store(pd.assessment(a))
    pd.contact(a, datetime(2026, 11, 15, 9, tzinfo=UTC))
    b = pd.alliance("Yesterday Co")
    pd.store(pd.assessment(b))
    pd.contact(b, datetime(2026, 11, 14, 9, tzinfo=UTC))
    table = _table(client_in.get("/").content.decode())
    assert "<span >today</span>" in table and "<span >yesterday</span>" in table


def test_an_alliance_without_an_assessment_is_assessed_on_first_view(client_in: Client) -> None:
    a = pd.alliance("Fresh Import")
    a.started_on = date(2025, 1, 1)
    a.save()
    for month in range(1, 11):
        pd.contact(a, datetime(2026, month, 8, 10, tzinfo=UTC))
    table = _table(client_in.get("/").content.decode())
    assert "Fresh Import" in table and "not assessed" not in table
    assert Assessment.objects.filter(alliance=a).exists()  # stored for the next visit


def test_only_a_few_alliances_are_assessed_inline(
    client_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("radar.web.dashboard.portfolio.MAX_INLINE_ASSESSMENTS", 1)
    for name in ("First New", "Second New"):
        pd.alliance(name)
    table = _table(client_in.get("/").content.decode())
    assert table.count("not assessed") == 1
    assert Assessment.objects.count() == 1


def test_next_review_follows_the_last_check_in_and_the_tier(client_in: Client) -> None:
    monthly = pd.alliance("Monthly One", tier=1)
    pd.store(pd.assessment(monthly))
    CheckIn.objects.create(alliance=monthly, held_on=date(2026, 9, 1))
    quarterly = pd.alliance("Quarterly One", tier=2)
    pd.store(pd.assessment(quarterly))
    CheckIn.objects.create(alliance=quarterly, held_on=date(2026, 9, 1))
    table = _table(client_in.get("/").content.decode())
    assert "2 Oct 2026 (overdue)" in table  # tier 1: a month after 1 Sep
    assert "2 Dec 2026" in table and "2 Dec 2026 (overdue)" not in table  # tier 2: a quarter
