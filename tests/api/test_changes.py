"""PATCH and DELETE over the API: the same role rules and checks as the web forms."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from radar.portfolio.models import (
    ActionItem,
    Alliance,
    Contact,
    Decision,
    Interaction,
    Observation,
    Partner,
)
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db


def base(alliance: Alliance) -> str:
    return f"/api/alliances/{alliance.slug}"


def test_it_changes_an_alliance_and_its_partner(api_as: ApiAs, alliance: Alliance) -> None:
    change = {"name": "Northwind Data", "partner": "northwind <LABS>", "tier": 2, "slug": "nw"}
    response = api_as("manager").patch(base(alliance), change)
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["slug"], body["tier"]) == ("Northwind Data", "nw", 2)
    assert body["partner"] == "Northwind <Labs>" and Partner.objects.count() == 1
    assert body["latest_assessment"] is not None  # re-assessed
    moved = api_as("manager").patch("/api/alliances/nw", {"partner": "Southwind"})
    assert moved.json()["partner"] == "Southwind"


def test_archiving_is_a_patch_and_keeps_the_records(api_as: ApiAs, alliance: Alliance) -> None:
    response = api_as("manager").patch(base(alliance), {"active": False})
    assert response.status_code == 200 and response.json()["active"] is False
    assert alliance.contacts.count() == 2


def test_a_changed_alliance_must_not_clash_or_lose_what_it_needs(
    api_as: ApiAs, alliance: Alliance
) -> None:
    Alliance.objects.create(name="Other", slug="other", partner=Partner.objects.create(name="P"))
    manager = api_as("manager")
    assert manager.patch(base(alliance), {"name": "Other"}).status_code == 409
    assert manager.patch(base(alliance), {"slug": "other"}).status_code == 409
    reserved = manager.patch(base(alliance), {"slug": "new"})
    assert reserved.status_code == 422 and reserved.json()["detail"][0]["loc"][-1] == "slug"
    assert manager.patch(base(alliance), {"name": None}).status_code == 422
    assert manager.patch(base(alliance), {"tier": 7}).status_code == 422
    assert manager.patch("/api/alliances/nowhere", {"tier": 1}).status_code == 404
    alliance.refresh_from_db()
    assert (alliance.name, alliance.slug, alliance.tier) == (
        "Northwind Cloud",
        "northwind-cloud",
        1,
    )


def test_only_editors_change_or_delete(api_as: ApiAs, alliance: Alliance) -> None:
    for role in ("viewer", "reviewer"):
        assert api_as(role).patch(base(alliance), {"tier": 3}).status_code == 403
        assert api_as(role).delete(base(alliance)).status_code == 403
    assert api_as(None).delete(base(alliance)).status_code == 401
    # the role is checked before the body: a wrong body from a viewer is still a 403
    assert api_as("viewer").patch(base(alliance), {"tier": "x"}).status_code == 403


def test_deleting_an_alliance_with_records_needs_its_name(
    api_as: ApiAs, alliance: Alliance
) -> None:
    manager = api_as("manager")
    refused = manager.delete(base(alliance))
    assert refused.status_code == 409
    assert "2 people" in refused.json()["detail"] and '"active": false' in refused.json()["detail"]
    assert manager.delete(base(alliance) + "?confirm=Northwind").status_code == 409
    assert manager.delete(base(alliance) + "?confirm=northwind%20cloud").status_code == 204
    assert not Alliance.objects.filter(pk=alliance.pk).exists()
    assert manager.delete(base(alliance)).status_code == 404


def test_an_alliance_without_records_is_deleted_at_once(api_as: ApiAs) -> None:
    empty = Alliance.objects.create(name="Typo", partner=Partner.objects.create(name="P"))
    assert api_as("admin").delete(base(empty)).status_code == 204


def test_a_contact_who_left_is_recorded_with_a_successor(api_as: ApiAs, alliance: Alliance) -> None:
    ada = alliance.contacts.get(name="Ada Partner")
    ben = Contact.objects.create(alliance=alliance, side="partner", name="Ben", role="champion")
    change = {"ended_on": "2026-10-15", "end_reason": "left", "successor_id": ben.pk, "title": None}
    response = api_as("manager").patch(f"{base(alliance)}/contacts/{ada.pk}", change)
    assert response.status_code == 200 and response.json()["ended_on"] == "2026-10-15"
    ada.refresh_from_db()
    assert (ada.successor, ada.end_reason, ada.title) == (ben, "left", "")
    assert alliance.assessments.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"started_on": "2026-05-01", "ended_on": "2026-04-01"}, "ended_on"),
        ({"end_reason": "left"}, "ended_on"),
        ({"name": None}, None),
        ({"role": "mascot"}, "role"),
    ],
)
def test_a_contact_change_is_checked_like_the_form(
    api_as: ApiAs, alliance: Alliance, change: dict[str, object], field: str | None
) -> None:
    ada = alliance.contacts.get(name="Ada Partner")
    response = api_as("manager").patch(f"{base(alliance)}/contacts/{ada.pk}", change)
    assert response.status_code == 422
    if field:
        assert response.json()["detail"][0]["loc"][-1] == field


def test_a_successor_is_a_contact_of_the_same_alliance_and_side(
    api_as: ApiAs, alliance: Alliance
) -> None:
    ada = alliance.contacts.get(name="Ada Partner")
    ours = alliance.contacts.get(name="Bo Ours")
    other = Alliance.objects.create(name="Other", partner=Partner.objects.create(name="P"))
    stranger = Contact.objects.create(alliance=other, side="partner", name="Stranger")
    url = f"{base(alliance)}/contacts/{ada.pk}"
    left = {"ended_on": "2026-10-01", "end_reason": "left"}
    for successor in (ours.pk, stranger.pk, ada.pk):
        response = api_as("manager").patch(url, {**left, "successor_id": successor})
        assert response.status_code == 422, successor


def test_a_contact_email_stays_unique_and_strangers_are_not_found(
    api_as: ApiAs, alliance: Alliance
) -> None:
    Contact.objects.filter(name="Bo Ours").update(email="bo@example.com")
    ada = alliance.contacts.get(name="Ada Partner")
    manager = api_as("manager")
    clash = manager.patch(f"{base(alliance)}/contacts/{ada.pk}", {"email": "BO@example.com"})
    assert clash.status_code == 409
    other = Alliance.objects.create(name="Other", partner=Partner.objects.create(name="P"))
    stranger = Contact.objects.create(alliance=other, side="partner", name="Stranger")
    assert manager.patch(f"{base(alliance)}/contacts/{stranger.pk}", {}).status_code == 404
    assert manager.delete(f"{base(alliance)}/contacts/{stranger.pk}").status_code == 404
    assert manager.delete(f"{base(alliance)}/contacts/{ada.pk}").status_code == 204
    assert not Contact.objects.filter(pk=ada.pk).exists()


def test_an_interaction_is_changed_then_deleted(api_as: ApiAs, alliance: Alliance) -> None:
    meeting = Interaction.objects.create(
        alliance=alliance, kind="meeting", occurred_at="2026-10-01T09:00:00Z"
    )
    url = f"{base(alliance)}/interactions/{meeting.pk}"
    manager = api_as("manager")
    assert manager.patch(url, {"kind": "pigeon"}).status_code == 422
    changed = manager.patch(url, {"cancelled": True, "subject": "Moved"})
    assert changed.status_code == 200 and changed.json()["cancelled"] is True
    assert manager.delete(url).status_code == 204
    assert not Interaction.objects.exists()


def test_an_observation_is_changed_then_deleted(api_as: ApiAs, alliance: Alliance) -> None:
    seen = Observation.objects.create(alliance=alliance, observed_on=date(2026, 10, 2), title="x")
    url = f"{base(alliance)}/observations/{seen.pk}"
    manager = api_as("manager")
    response = manager.patch(url, {"title": "Rival programme", "category": None})
    assert response.status_code == 200 and response.json()["category"] == ""
    assert manager.delete(url).status_code == 204


def test_a_decision_gets_new_actions_and_a_reset_keeps_at_least_one(
    api_as: ApiAs, alliance: Alliance
) -> None:
    decision = Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 10, 5), kind="monitor", rationale="Watch"
    )
    url = f"{base(alliance)}/decisions/{decision.pk}"
    manager = api_as("manager")
    assert manager.patch(url, {"kind": "reset"}).status_code == 422
    action = {"title": "Meet the sponsor", "owner": "Bo", "due_on": "2026-10-20"}
    response = manager.patch(url, {"kind": "reset", "actions": [action]})
    assert response.status_code == 200 and response.json()["actions"][0]["owner"] == "Bo"
    assert manager.patch(url, {"actions": []}).status_code == 422
    assert ActionItem.objects.count() == 1
    assert manager.delete(url).status_code == 204
    assert not ActionItem.objects.exists()


def test_a_new_reset_needs_an_action_as_in_the_web_form(api_as: ApiAs, alliance: Alliance) -> None:
    bare = {"decided_on": "2026-10-05", "kind": "exit", "rationale": "Run its course"}
    response = api_as("manager").post(base(alliance) + "/decisions", bare)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "actions"
    assert not Decision.objects.exists()


def test_a_changed_contact_must_not_take_the_name_of_another_without_email(
    api_as: ApiAs, alliance: Alliance
) -> None:
    """Without an e-mail a person is known by name: a PATCH that makes two alike is a 409."""
    Contact.objects.create(alliance=alliance, side="partner", name="Cy Partner")
    ada = alliance.contacts.get(name="Ada Partner")
    url = f"{base(alliance)}/contacts/{ada.pk}"
    manager = api_as("manager")
    assert manager.patch(url, {"name": "Cy Partner"}).status_code == 409
    ada.refresh_from_db()
    assert ada.name == "Ada Partner"
    assert manager.patch(url, {"name": "Ada P."}).status_code == 200


def test_a_changed_observation_must_not_repeat_one_already_recorded(
    api_as: ApiAs, alliance: Alliance
) -> None:
    day = date(2026, 10, 2)
    Observation.objects.create(alliance=alliance, observed_on=day, title="Rival programme")
    seen = Observation.objects.create(alliance=alliance, observed_on=day, title="x")
    url = f"{base(alliance)}/observations/{seen.pk}"
    clash = api_as("manager").patch(url, {"title": "Rival programme"})
    assert clash.status_code == 409 and "already recorded" in clash.json()["detail"]
    seen.refresh_from_db()
    assert seen.title == "x"


def test_a_changed_decision_must_not_repeat_one_or_its_action_titles(
    api_as: ApiAs, alliance: Alliance
) -> None:
    Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 10, 5), kind="reset", rationale="Earlier"
    )
    decision = Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 10, 5), kind="monitor", rationale="Watch"
    )
    url = f"{base(alliance)}/decisions/{decision.pk}"
    manager = api_as("manager")
    action = {"title": "Meet the sponsor", "owner": "Bo", "due_on": "2026-10-20"}
    clash = manager.patch(url, {"kind": "reset", "actions": [action]})
    assert clash.status_code == 409 and "already recorded" in clash.json()["detail"]
    twice = manager.patch(url, {"actions": [action, action]})
    assert twice.status_code == 422 and twice.json()["detail"][0]["loc"][-1] == "actions"
    decision.refresh_from_db()
    assert decision.kind == "monitor" and not decision.actions.exists()


def test_a_change_over_the_api_is_signed_by_the_tokens_user_in_the_history(
    api_as: ApiAs, alliance: Alliance
) -> None:
    """The token signs the caller in inside the view, after the history's middleware ran:
    the change must still be theirs, not "by the system"."""
    ada = alliance.contacts.get(name="Ada Partner")
    response = api_as("manager").patch(f"{base(alliance)}/contacts/{ada.pk}", {"title": "CTO"})
    assert response.status_code == 200
    entry = LogEntry.objects.get_for_object(ada).latest("timestamp")
    assert entry.changes_dict["title"][1] == "CTO"
    assert entry.actor is not None and entry.actor.username == "manager"
