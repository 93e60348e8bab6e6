"""The people directory: who is overdue a conversation, across the whole portfolio."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant
from radar.web.people.directory import Filters, people
from tests.web import pagedata as pd
from tests.web.support import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]
TODAY = date(2026, 11, 15)
NOW = pd.NOW


def person(a: Alliance, name: str, *, side: str = "partner", role: str = "other", **kw) -> Contact:
    return Contact.objects.create(alliance=a, side=side, name=name, role=role, **kw)


def met(contact: Contact, days_ago: int, *, kind: str = "meeting", **kw) -> Interaction:
    interaction = Interaction.objects.create(
        alliance=contact.alliance, kind=kind, occurred_at=NOW - timedelta(days=days_ago), **kw
    )
    InteractionParticipant.objects.create(interaction=interaction, contact=contact)
    return interaction


def names(found) -> list[str]:
    return [p.name for p in found]


def test_overdue_people_come_first_longest_overdue_first() -> None:
    strategic = pd.alliance("Strategic", tier=1)  # keep in touch every 30 days
    core = pd.alliance("Core", tier=3)  # every 90 days
    met(person(strategic, "Recent"), 5)
    met(person(strategic, "Slipping"), 40)  # 10 days overdue
    met(person(core, "Quiet"), 100)  # 10 days overdue... on a 90-day rhythm
    met(person(core, "Long gone quiet"), 200)  # 110 days overdue
    person(core, "Never met")
    found = people(Filters(), TODAY)
    assert names(found) == ["Long gone quiet", "Quiet", "Slipping", "Never met", "Recent"]
    assert [p.status_text for p in found] == [
        "110 days overdue",
        "10 days overdue",
        "10 days overdue",
        "never contacted",
        "due in 25 days",
    ]


def test_only_real_two_way_contact_counts() -> None:
    a = pd.alliance("Strategic", tier=1)
    ada = person(a, "Ada")
    met(ada, 2, kind="meeting", cancelled=True)
    met(ada, 3, kind="email", direction="outbound")  # we wrote; no answer
    met(ada, 50, kind="email", direction="inbound")  # she wrote
    assert people(Filters(), TODAY)[0].days_since == 50


def test_a_person_of_their_own_rhythm_and_the_tier_default() -> None:
    a = pd.alliance("Strategic", tier=1)
    met(person(a, "Weekly", keep_in_touch_days=7), 10)
    met(person(a, "Monthly"), 10)
    found = {p.name: p for p in people(Filters(), TODAY)}
    assert found["Weekly"].overdue and found["Weekly"].every == 7
    assert not found["Monthly"].overdue and found["Monthly"].every == 30


def test_one_of_our_people_in_several_alliances_is_one_entry() -> None:
    one, two = pd.alliance("One", tier=3), pd.alliance("Two", tier=1)
    first = person(one, "Robin Hale", side="ours", email="robin@us.example", role="champion")
    second = person(two, "Robin Hale", side="ours", email="Robin@us.example")
    met(first, 60)
    met(second, 20)
    (robin,) = people(Filters(), TODAY)
    assert [m.name for m in robin.memberships] == ["One", "Two"]
    assert robin.days_since == 20 and robin.every == 30  # the most demanding alliance


def test_filters_by_alliance_side_role_overdue_and_people_who_left() -> None:
    a, b = pd.alliance("Alpha", tier=1), pd.alliance("Beta", tier=1)
    met(person(a, "Alpha champion", role="champion"), 45)
    met(person(a, "Alpha ours", side="ours"), 1)
    met(person(b, "Beta lead", role="technical_lead"), 1)
    person(b, "Beta former", ended_on=date(2026, 6, 1))
    assert names(people(Filters(alliance=a.slug), TODAY)) == ["Alpha champion", "Alpha ours"]
    assert names(people(Filters(side="ours"), TODAY)) == ["Alpha ours"]
    assert names(people(Filters(role="technical_lead"), TODAY)) == ["Beta lead"]
    assert "Beta former" not in names(people(Filters(), TODAY))
    assert "Beta former" in names(people(Filters(left=True), TODAY))
    client = client_for(pd.user())
    html = client.get("/people/?overdue=1").content.decode()
    assert "Alpha champion" in html and "Beta lead" not in html


def test_a_champion_without_a_backup_is_flagged() -> None:
    alone, covered = pd.alliance("Alone"), pd.alliance("Covered")
    person(alone, "Solo champion", role="champion")
    person(alone, "Partner analyst", role="other")  # not a key role: no backup
    person(covered, "Backed champion", role="champion")
    person(covered, "Their sponsor", role="executive_sponsor")
    flagged = {p.name for p in people(Filters(), TODAY) if p.no_backup}
    assert flagged == {"Solo champion"}
    html = client_for(pd.user()).get("/people/?backup=missing").content.decode()
    assert "Solo champion" in html and "Backed champion" not in html and "no backup" in html


def test_managers_set_how_often_to_keep_in_touch_for_every_alliance_of_a_person(
    users: dict[str, User],
) -> None:
    one, two = pd.alliance("One"), pd.alliance("Two")
    first = person(one, "Robin", side="ours", email="robin@us.example")
    second = person(two, "Robin", side="ours", email="robin@us.example")
    manager = client_for(users["manager"])
    response = manager.post(
        f"/people/{first.pk}/keep-in-touch/", {"every": "14", "next": "/people/"}
    )
    assert response.status_code == 303 and response["Location"] == "/people/"
    second.refresh_from_db()
    assert second.keep_in_touch_days == 14
    row = manager.post(f"/people/{first.pk}/keep-in-touch/", {"every": ""}, HTTP_HX_REQUEST="true")
    html = row.content.decode()
    assert html.startswith(f'<tr id="person-{first.pk}"') and "tier&#x27;s rhythm again" in html
    assert Contact.objects.get(pk=second.pk).keep_in_touch_days is None
    bad = manager.post(f"/people/{first.pk}/keep-in-touch/", {"every": "0"}, HTTP_HX_REQUEST="true")
    assert "Not saved" in bad.content.decode()
    viewer = client_for(users["viewer"])
    assert viewer.post(f"/people/{first.pk}/keep-in-touch/", {"every": "3"}).status_code == 403


def test_the_directory_costs_the_same_queries_however_big_the_portfolio() -> None:
    client = client_for(pd.user())

    def grow(n: int) -> None:
        start = Alliance.objects.count()
        for i in range(start, start + n):
            a = pd.alliance(f"Alliance {i}", tier=1 + i % 3)
            ours = person(a, f"Ours {i}", side="ours", email="shared@us.example")
            met(ours, i % 70)
            met(person(a, f"Champion {i}", role="champion"), i % 50)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/people/?overdue=1").status_code == 200
        return len(ctx.captured_queries)

    grow(3)
    small = queries()
    grow(40)
    assert queries() == small
