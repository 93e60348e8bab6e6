"""Contacts, interactions, observations and decisions over the API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from radar.portfolio.models import Alliance, Decision, Interaction, Observation
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db


def base(alliance: Alliance) -> str:
    return f"/api/alliances/{alliance.slug}"


def test_it_lists_contacts(api_as: ApiAs, alliance: Alliance) -> None:
    names = [c["name"] for c in api_as("viewer").get(base(alliance) + "/contacts").json()["items"]]
    assert sorted(names) == ["Ada Partner", "Bo Ours"]


def test_it_adds_a_contact_once_per_email(api_as: ApiAs, alliance: Alliance) -> None:
    person = {"side": "partner", "name": "Cy", "email": "cy@northwind.example", "role": "champion"}
    manager = api_as("manager")
    assert manager.post(base(alliance) + "/contacts", person).status_code == 201
    assert manager.post(base(alliance) + "/contacts", person).status_code == 409
    assert api_as("viewer").post(base(alliance) + "/contacts", person).status_code == 403


def test_it_logs_an_interaction_and_reassesses(api_as: ApiAs, alliance: Alliance) -> None:
    meeting = {"kind": "meeting", "occurred_at": "2026-10-01T09:00:00Z", "ritual": "qbr"}
    response = api_as("manager").post(base(alliance) + "/interactions", meeting)
    assert response.status_code == 201
    assert Interaction.objects.get().source == "api"
    assert alliance.assessments.exists()
    listed = api_as("viewer").get(base(alliance) + "/interactions").json()
    assert listed["items"][0]["ritual"] == "qbr"


def test_it_rejects_an_unknown_interaction_kind(api_as: ApiAs, alliance: Alliance) -> None:
    response = api_as("manager").post(
        base(alliance) + "/interactions", {"kind": "pigeon", "occurred_at": "yesterday"}
    )
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"kind", "occurred_at"}
    assert not Interaction.objects.exists()


def test_it_records_an_external_observation(
    api_as: ApiAs, alliance: Alliance, users: dict[str, User]
) -> None:
    seen = {
        "observed_on": "2026-10-02",
        "title": "Partner posted jobs for a rival integration",
        "category": "priority",
        "kind": "job_posting",
        "source": "external",
    }
    response = api_as("admin").post(base(alliance) + "/observations", seen)
    assert response.status_code == 201 and response.json()["source"] == "external"
    assert Observation.objects.get().recorded_by == users["admin"]
    assert api_as("reviewer").post(base(alliance) + "/observations", seen).status_code == 403


def test_it_records_a_decision_with_action_items(api_as: ApiAs, alliance: Alliance) -> None:
    decision = {
        "decided_on": "2026-10-05",
        "kind": "reset",
        "rationale": "Champion left; three quiet months.",
        "actions": [{"title": "Meet the new sponsor", "owner": "Bo", "due_on": "2026-10-20"}],
    }
    response = api_as("manager").post(base(alliance) + "/decisions", decision)
    assert response.status_code == 201
    assert response.json()["actions"][0]["owner"] == "Bo"
    assert Decision.objects.get().actions.count() == 1
    listed = api_as("viewer").get(base(alliance) + "/decisions").json()["items"]
    assert listed[0]["kind"] == "reset"


def test_it_wants_an_owner_on_every_action(api_as: ApiAs, alliance: Alliance) -> None:
    decision = {
        "decided_on": "2026-10-05",
        "kind": "exit",
        "rationale": "r",
        "actions": [{"title": "Wind down", "owner": "", "due_on": "2026-12-01"}],
    }
    response = api_as("manager").post(base(alliance) + "/decisions", decision)
    assert response.status_code == 422
    assert not Decision.objects.exists()
