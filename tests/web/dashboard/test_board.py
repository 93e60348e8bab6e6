"""The dashboard from the standing rows gives what the rows read in full gave."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from radar.engine.assessment import CadenceFlag
from radar.engine.vocab import Category
from radar.portfolio.models import Alliance, CheckIn
from radar.web.dashboard.board import board_context
from radar.web.dashboard.listing import SORTS, Listing
from radar.web.dashboard.portfolio import portfolio_rows
from radar.web.views.dashboard import dashboard_context
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]

FLAGS = ("review_overdue", "decision_overdue", "no_direct_contact", "ritual_overdue")


def varied_portfolio(n: int, seed: int = 3, prefix: str = "Ally") -> None:
    """Alliances with every kind of attention, ties in score, owners, unassessed ones."""
    rng = random.Random(seed)
    cats = list(Category)
    for i in range(n):
        a = pd.alliance(f"{prefix} {i:03d}", tier=1 + i % 3, owner=rng.choice(("Dana", "Eli", "")))
        if i % 3 == 0:
            a.owner = User.objects.get_or_create(username=f"u{i % 2}", first_name="Ola")[0]
            a.save()
        if rng.random() < 0.1:
            continue  # never assessed
        signals = tuple(
            pd.signal(rng.choice(cats), title=f"S{k}", confirmed=rng.random() < 0.5)
            for k in range(rng.randrange(0, 4))
        )
        flags = tuple(
            CadenceFlag(
                code, f"{code} message", due=pd.TODAY - timedelta(days=rng.randrange(-40, 40))
            )
            for code in rng.sample(FLAGS, rng.randrange(0, 3))
        )
        score = rng.choice((1.5, 2.0, 2.4, 3.0, 4.5))
        pd.store(pd.assessment(a, score, signals=signals, cadence=flags))
        if rng.random() < 0.7:
            pd.contact(a, datetime(2026, rng.randrange(8, 12), 1 + i % 27, 10, tzinfo=UTC))
        if rng.random() < 0.5:
            CheckIn.objects.create(
                alliance=a,
                held_on=date(2026, rng.randrange(5, 11), 3),
                manual_score=rng.randrange(1, 6),
                computed_score=rng.choice((1.0, 3.0, 4.5)),
                neutral_reviewer=rng.random() < 0.3,
            )


def shown(context: dict[str, object]) -> tuple[object, ...]:
    page = context["page"]
    groups = context["attention"]
    return (
        [(r.alliance.pk, r.score, r.next_review, r.last_contact) for r in context["rows"]],
        (page.number, page.pages, page.total),
        context["stats"],
        context["all_count"],
        context["attention_total"],
        [(g.row.alliance.pk, [(i.kind, i.detail) for i in g.items]) for g in groups],
        context["owners"],
    )


@pytest.mark.parametrize(
    "query",
    [{}, {"sort": "-score"}, {"sort": "review"}, {"sort": "contact", "page": "2"}]
    + [{"sort": key} for key in SORTS]
    + [{"tier": "2"}, {"owner": "Ola"}, {"phase": "decline"}, {"category": "culture"}]
    + [{"page": "99"}, {"sort": "-owner", "page": "2"}, {"sort": "-contact"}, {"sort": "-review"}],
)
def test_the_standing_dashboard_matches_the_full_rows(query):
    varied_portfolio(70)
    listing = Listing.from_query(query)
    rows = portfolio_rows(pd.TODAY)
    expected = dashboard_context(rows, listing, pd.TODAY)
    got, want = shown(board_context(pd.TODAY, listing)), shown(expected)
    for part, (a, b) in enumerate(zip(got, want, strict=True)):
        assert a == b, part
    assert expected["attention_total"] > 0 and expected["rows"]


@pytest.mark.parametrize("query", [{}, {"owner": "Nobody"}, {"page": "3"}])
def test_nothing_to_show_shows_an_empty_page(query):
    varied_portfolio(5)
    listing = Listing.from_query({**query, "owner": "Nobody"})
    expected = dashboard_context(portfolio_rows(pd.TODAY), listing, pd.TODAY)
    got = board_context(pd.TODAY, listing)
    assert shown(got) == shown(expected)
    assert (got["page"].total, got["page"].number, got["rows"]) == (0, 1, [])


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/", "/?sort=review&page=2", "/?owner=Dana&category=culture"])
def test_the_query_count_is_the_same_at_two_sizes(url):
    client = Client()
    client.force_login(pd.user())
    varied_portfolio(20, seed=1)
    Alliance.objects.filter(standing__isnull=True).update(active=False)  # nothing to assess
    small = _queries(client, url)
    varied_portfolio(120, seed=2, prefix="More")
    Alliance.objects.filter(standing__isnull=True).update(active=False)
    assert _queries(client, url) == small
