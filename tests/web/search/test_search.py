"""Search: alliances, partners, people, decisions and observations, from the header box."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio.models import Alliance, Contact, Decision, Observation
from radar.web.search.results import PAGE_SIZE, PER_GROUP, search, terms_of
from tests.web import pagedata as pd
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio() -> Alliance:
    a = pd.alliance("Northwind Cloud", partner="Northwind Labs")
    b = pd.alliance("Southwind Retail", partner="Southwind Stores")
    Contact.objects.create(alliance=a, side="partner", name="Ada Lovelace", title="CTO")
    Contact.objects.create(
        alliance=b, side="partner", name="Grace Hopper", email="grace@sw.example"
    )
    Decision.objects.create(
        alliance=a, decided_on=date(2026, 9, 1), kind="reset", rationale="Champion left; reset"
    )
    Observation.objects.create(
        alliance=b,
        observed_on=date(2026, 10, 5),
        title="Rival connector launched",
        source="external",
    )
    return a


def hits(query: str, only: str = "") -> dict[str, list[str]]:
    return {g.key: [h.title for h in g.hits] for g in search(query, only) if g.hits}


def test_each_kind_of_record_is_found(portfolio: Alliance) -> None:
    assert hits("northwind") == {"alliances": ["Northwind Cloud"], "partners": ["Northwind Labs"]}
    assert hits("hopper") == {"people": ["Grace Hopper"]}
    assert hits("sw.example") == {"people": ["Grace Hopper"]}  # e-mail addresses too
    assert hits("CHAMPION") == {"decisions": ["Reset — Northwind Cloud"]}
    assert hits("rival") == {"observations": ["Rival connector launched"]}


def test_every_word_must_match_somewhere(portfolio: Alliance) -> None:
    assert hits("ada cto") == {"people": ["Ada Lovelace"]}
    assert hits("ada hopper") == {}
    assert terms_of("a  northwind Northwind") == ["northwind"]  # one letter is too little


def test_names_starting_with_the_word_come_first() -> None:
    pd.alliance("Big Wind Farms")
    pd.alliance("Windward Logistics")
    assert hits("wind")["alliances"] == ["Windward Logistics", "Big Wind Farms"]


def test_the_page_marks_the_words_and_escapes_everything(portfolio: Alliance) -> None:
    Contact.objects.create(alliance=portfolio, side="ours", name="<script>alert(1)</script> Ada")
    client = client_for(pd.user())
    html = client.get("/search/?q=ada").content.decode()
    assert "<mark>Ada</mark> Lovelace" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    quoted = client.get("/search/?q=%3Cscript%3E").content.decode()
    assert "<script>" not in quoted.split("<main", 1)[1].split("</main>", 1)[0]


def test_one_kind_alone_is_paged_with_its_total() -> None:
    a = pd.alliance("Big Portfolio")
    Contact.objects.bulk_create(
        Contact(alliance=a, side="partner", name=f"Pat {i:03d}") for i in range(PAGE_SIZE + 5)
    )
    (everything,) = [g for g in search("pat") if g.key == "people"]
    assert len(everything.hits) == PER_GROUP and everything.more
    (first,) = search("pat", "people", 1)
    (second,) = search("pat", "people", 2)
    assert first.total == PAGE_SIZE + 5 and first.more and len(first.hits) == PAGE_SIZE
    assert len(second.hits) == 5 and not second.more
    client = client_for(pd.user())
    page = client.get("/search/?q=pat").content.decode()
    assert "All people matching “pat”" in page
    assert 'rel="next"' in client.get("/search/?q=pat&in=people").content.decode()


def test_htmx_gets_only_the_results(portfolio: Alliance) -> None:
    client = client_for(pd.user())
    region = client.get("/search/?q=grace", HTTP_HX_REQUEST="true").content.decode()
    assert "<mark>Grace</mark> Hopper" in region and "<html" not in region


def test_the_header_has_the_search_box_for_readers(users: dict[str, User]) -> None:
    page = client_for(users["viewer"]).get("/").content.decode()
    assert 'action="/search/"' in page and 'name="q"' in page


def test_a_search_costs_the_same_queries_however_big_the_portfolio() -> None:
    client = client_for(pd.user())

    def grow(n: int) -> None:
        start = Alliance.objects.count()
        for i in range(start, start + n):
            a = pd.alliance(f"Wind Alliance {i}", partner=f"Wind Partner {i}")
            Contact.objects.create(alliance=a, side="partner", name=f"Wendy Wind {i}")
            Decision.objects.create(
                alliance=a, decided_on=date(2026, 9, 1), kind="monitor", rationale="Wind down?"
            )
            Observation.objects.create(alliance=a, observed_on=date(2026, 9, 1), title="Windfall")

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    grow(2)
    small = [queries("/search/?q=wind"), queries("/search/?q=wind&in=people")]
    grow(40)
    assert [queries("/search/?q=wind"), queries("/search/?q=wind&in=people")] == small
