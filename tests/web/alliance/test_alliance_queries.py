"""The alliance page reads each fact once: a fixed number of queries, whatever the record
holds, and no table read twice where one read serves every part of the page."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from radar.accounts.roles import Role, grant_role
from radar.portfolio.models import (
    ActionItem,
    Agreement,
    Alliance,
    CheckIn,
    Contact,
    Decision,
    Goal,
    Interaction,
)
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]

# Session, user and roles (3); the alliance with its agreement and the overview's
# facts, and its latest assessment (2); decisions and their action items (2, for the
# section, the next steps and the timeline); then one or two per section (people,
# timeline, deliverables, metrics, goals, agreement flags, governance, context
# factors) and the menu's unread notifications.
PAGE_QUERIES = 31
# Tables the page once read two to four times, each now read once.
READ_ONCE = {
    "portfolio_alliance",
    "portfolio_agreement",
    "portfolio_assessment",
    "portfolio_checkin",
    "portfolio_decision",
    "portfolio_actionitem",
}
TABLE = re.compile(r'^SELECT (?:DISTINCT )?"(\w+)"\.')


@pytest.fixture
def editor() -> Client:
    user = pd.user("editor")
    grant_role(user, Role.MANAGER)
    client = Client()
    client.force_login(user)
    return client


def _fill(alliance: Alliance, n: int) -> None:
    """n of each record the page shows (decisions with an open and a done action,
    check-ins, contacts, interactions, goals)."""
    Agreement.objects.get_or_create(
        alliance=alliance, defaults={"next_review_on": date(2026, 10, 1)}
    )
    start = Decision.objects.filter(alliance=alliance).count()
    for i in range(start, start + n):
        day = date(2026, 1, 1) + timedelta(days=10 * i)
        decision = Decision.objects.create(
            alliance=alliance, decided_on=day, kind="reset", rationale=f"Reset {i}"
        )
        ActionItem.objects.create(decision=decision, title=f"Open {i}", due_on=day)
        ActionItem.objects.create(decision=decision, title=f"Done {i}", due_on=day, done_on=day)
        CheckIn.objects.create(alliance=alliance, held_on=day, manual_score=3)
        Contact.objects.create(alliance=alliance, side="partner", name=f"Partner person {i}")
        Interaction.objects.create(
            alliance=alliance, kind="meeting", occurred_at=datetime(2026, 2, 1 + i, tzinfo=UTC)
        )
        Goal.objects.create(alliance=alliance, title=f"Goal {i}")


def _queries(client: Client, alliance: Alliance) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/alliances/{alliance.slug}/").status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def _tables(queries: list[str]) -> Counter[str]:
    """How often each table is the one a query reads (its first selected column's)."""
    return Counter(m.group(1) for q in queries if (m := TABLE.match(q)))


def test_the_alliance_page_costs_the_same_queries_however_much_it_holds(editor) -> None:
    alliance = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(alliance, 2.4, signals=(pd.signal(),)))
    _fill(alliance, 1)
    small = _queries(editor, alliance)
    _fill(alliance, 6)
    large = _queries(editor, alliance)
    assert len(small) == len(large) == PAGE_QUERIES


def test_the_alliance_page_reads_each_shared_fact_once(editor) -> None:
    alliance = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(alliance, 2.4, signals=(pd.signal(),)))
    _fill(alliance, 3)
    tables = _tables(_queries(editor, alliance))
    assert {t: tables[t] for t in READ_ONCE} == dict.fromkeys(READ_ONCE, 1)


def test_the_latest_review_button_opens_the_latest_check_in(editor) -> None:
    alliance = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(alliance, 2.4))
    CheckIn.objects.create(alliance=alliance, held_on=date(2026, 9, 1))
    latest = CheckIn.objects.create(alliance=alliance, held_on=date(2026, 11, 1))
    html = editor.get(f"/alliances/{alliance.slug}/").content.decode()
    assert f'href="/alliances/{alliance.slug}/reviews/{latest.pk}/">Latest review<' in html


def test_the_timeline_shows_decisions_and_done_actions_from_the_records_read_once(
    editor,
) -> None:
    alliance = pd.alliance("Northwind Cloud")
    pd.store(pd.assessment(alliance, 2.4))
    decision = Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 9, 1), kind="reset", rationale="Reset"
    )
    for title, done in (("Book the workshop", date(2026, 9, 20)), ("Later", date(2026, 12, 1))):
        ActionItem.objects.create(decision=decision, title=title, due_on=done, done_on=done)
    html = editor.get(f"/alliances/{alliance.slug}/").content.decode()
    timeline = html[html.index('id="timeline"') :]
    assert timeline.index("Action done: Book the workshop") < timeline.index("Decision: Reset")
    assert "Action done: Later" not in timeline  # done after today: not yet
