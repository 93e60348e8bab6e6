"""Action items that get done: my open and overdue actions, ticked off in one click."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio.models import ActionItem, Alliance, Decision
from tests.web import pagedata as pd
from tests.web.support import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]
TODAY = date(2026, 11, 15)


def action(a: Alliance, title: str, owner: User | None, due: date, **kw) -> ActionItem:
    decision, _ = Decision.objects.get_or_create(
        alliance=a, decided_on=date(2026, 9, 1), kind="reset", defaults={"rationale": "Why"}
    )
    return ActionItem.objects.create(
        decision=decision, title=title, owner_user=owner, due_on=due, **kw
    )


def titles(html: str, *candidates: str) -> list[str]:
    return sorted((t for t in candidates if t in html), key=html.index)


def test_my_actions_lists_my_open_ones_overdue_first(users: dict[str, User]) -> None:
    me, other = users["manager"], users["admin"]
    a = pd.alliance("Northwind")
    action(a, "Call the sponsor", me, date(2026, 12, 1))
    action(a, "Send the plan", me, date(2026, 10, 1))
    action(a, "Book the workshop", other, date(2026, 9, 1))
    action(a, "Old news", me, date(2026, 9, 1), done_on=date(2026, 9, 2))
    html = client_for(me).get("/actions/").content.decode()
    assert titles(html, "Call the sponsor", "Send the plan", "Book the workshop", "Old news") == [
        "Send the plan",
        "Call the sponsor",
    ]
    assert '2 actions, <span class="overdue">1 overdue</span>' in html
    everyone = client_for(me).get("/actions/?owner=all&status=overdue").content.decode()
    assert titles(everyone, "Book the workshop", "Send the plan", "Call the sponsor") == [
        "Book the workshop",
        "Send the plan",
    ]
    done = client_for(me).get("/actions/?status=done").content.decode()
    assert "Old news" in done and "Send the plan" not in done


def test_the_list_filters_by_alliance_and_by_owner(users: dict[str, User]) -> None:
    me, other = users["manager"], users["admin"]
    a, b = pd.alliance("Alpha"), pd.alliance("Beta")
    action(a, "Alpha action", other, date(2026, 12, 1))
    action(b, "Beta action", other, date(2026, 12, 1))
    html = client_for(me).get(f"/actions/?owner={other.pk}&alliance={b.slug}").content.decode()
    assert "Beta action" in html and "Alpha action" not in html


def test_one_click_marks_an_action_done_and_another_opens_it_again(
    users: dict[str, User],
) -> None:
    item = action(pd.alliance("Northwind"), "Send the plan", users["manager"], date(2026, 10, 1))
    manager = client_for(users["manager"])
    url = f"/actions/{item.pk}/done/"
    row = manager.post(url, {"done": "1", "variant": "row"}, HTTP_HX_REQUEST="true")
    html = row.content.decode()
    assert html.lstrip().startswith(f'<tr data-action id="action-row-{item.pk}"')
    assert "done 15 Nov 2026" in html and "Open again" in html
    assert "“Send the plan” done." in html
    item.refresh_from_db()
    assert item.done_on == TODAY
    manager.post(url, {"done": "1", "variant": "row"}, HTTP_HX_REQUEST="true")  # a double click
    item.refresh_from_db()
    assert item.done_on == TODAY
    plain = manager.post(url, {"done": "0", "next": "/actions/?status=all"})
    assert plain.status_code == 303 and plain["Location"] == "/actions/?status=all"
    item.refresh_from_db()
    assert item.done_on is None


def test_without_a_safe_next_the_toggle_returns_to_the_alliances_actions(
    users: dict[str, User],
) -> None:
    a = pd.alliance("Northwind")
    item = action(a, "Send the plan", users["manager"], date(2026, 10, 1))
    manager = client_for(users["manager"])
    response = manager.post(
        f"/actions/{item.pk}/done/", {"done": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/alliances/{a.slug}/#actions"


def test_only_editors_tick_actions_off(users: dict[str, User]) -> None:
    item = action(pd.alliance("Northwind"), "Send the plan", None, date(2026, 10, 1))
    assert (
        client_for(users["viewer"]).post(f"/actions/{item.pk}/done/", {"done": "1"}).status_code
        == 403
    )
    assert client_for(users["manager"]).get(f"/actions/{item.pk}/done/").status_code == 405


def test_the_action_list_costs_the_same_queries_however_big_the_portfolio(
    users: dict[str, User],
) -> None:
    me = users["manager"]
    client = client_for(me)

    def grow(n: int) -> None:
        start = Alliance.objects.count()
        for i in range(start, start + n):
            a = pd.alliance(f"Alliance {i}")
            action(a, f"Mine {i}", me, date(2026, 10, 1 + i % 28))
            action(a, f"Theirs {i}", users["admin"], date(2026, 12, 1))

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    grow(3)
    small = [queries("/actions/"), queries("/actions/?owner=all&status=all")]
    grow(60)  # more than a page
    assert [queries("/actions/"), queries("/actions/?owner=all&status=all")] == small


def test_an_exit_recorded_with_its_playbook_gets_the_playbooks_actions(
    users: dict[str, User],
) -> None:
    from radar.portfolio.models import Playbook, PlaybookStep
    from tests.portfolio.playbook_defaults import add_defaults

    add_defaults(Playbook, PlaybookStep)
    a = pd.alliance("Northwind")
    manager = client_for(users["manager"])
    form = manager.get(f"/alliances/{a.slug}/decide/").content.decode()
    assert "Exit playbook: 6 actions after a decision to exit" in form
    data = {
        "decided_on": "2026-11-10",
        "kind": "exit",
        "rationale": "Sustained decline; the reset did not help.",
        "use_playbook": "on",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    saved = manager.post(f"/alliances/{a.slug}/decide/", data, HTTP_HX_REQUEST="true")
    assert "Decision recorded: Exit. 6 actions from the playbook added." in saved.content.decode()
    made = ActionItem.objects.filter(decision__alliance=a)
    assert made.count() == 6 and {i.owner_user for i in made} == {users["manager"]}
    mine = manager.get("/actions/").content.decode()
    assert "Read the exit clause and note the last day to give notice" in mine
