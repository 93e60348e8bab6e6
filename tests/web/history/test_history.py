"""History on the alliance timeline and portfolio-wide for admins."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio.models import Alliance, Contact
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


def edit_champion(client, alliance: Alliance) -> Contact:
    ada = alliance.contacts.get(name="Ada Partner")
    data = {"name": "Ada Partner", "side": "partner", "role": "other", "title": "VP Partnerships"}
    response = client.post(f"/alliances/{alliance.slug}/people/{ada.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return ada


def test_the_alliance_timeline_says_who_changed_what(
    users: dict[str, User], alliance: Alliance
) -> None:
    users["manager"].first_name = "Maya"
    users["manager"].save()
    edit_champion(client_for(users["manager"]), alliance)
    html = (
        client_for(users["viewer"])
        .get(f"/alliances/{alliance.slug}/timeline/?kind=change")
        .content.decode()
    )
    assert "Person changed: Ada Partner (Partner side)" in html
    assert "by Maya: title — → VP Partnerships; role Champion → Other" in html
    assert "Person added: Ada Partner" in html  # the fixture's own creation, by the system
    assert "by the system" in html


def test_admins_filter_every_change_of_the_portfolio(
    users: dict[str, User], alliance: Alliance
) -> None:
    edit_champion(client_for(users["manager"]), alliance)
    admin = client_for(users["admin"])
    mine = admin.get(f"/history/?actor={users['manager'].pk}").content.decode()
    assert "1 change<" in mine and "Person changed: Ada Partner" in mine
    assert f'href="/alliances/{alliance.slug}/#timeline"' in mine
    added = admin.get("/history/?action=0").content.decode()
    assert "Person added" in added and "Person changed" not in added
    assert client_for(users["manager"]).get("/history/").status_code == 403


def test_the_history_page_costs_the_same_queries_however_long_the_log(
    users: dict[str, User], alliance: Alliance
) -> None:
    admin = client_for(users["admin"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert admin.get("/history/").status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    for i in range(60):
        Contact.objects.create(alliance=alliance, side="ours", name=f"Person {i}")
    assert queries() == small
