"""The API refuses what the database and the importer would (409/422), and what it
accepts exports to a bundle that imports back into an empty store, owners included."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from radar.ingest.base import ImportOptions
from radar.ingest.bundle import export_bundle, import_bundle
from radar.portfolio.models import Alliance, Decision, Interaction, Observation, Partner
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db


def base(alliance: Alliance) -> str:
    return f"/api/alliances/{alliance.slug}"


def test_a_repeated_observation_is_a_conflict(api_as: ApiAs, alliance: Alliance) -> None:
    seen = {"observed_on": "2026-10-01", "title": "Rival hiring"}
    manager = api_as("manager")
    assert manager.post(base(alliance) + "/observations", seen).status_code == 201
    again = manager.post(base(alliance) + "/observations", seen)
    assert again.status_code == 409 and "already recorded" in again.json()["detail"]
    assert Observation.objects.count() == 1


def test_a_repeated_decision_is_a_conflict_and_actions_need_their_own_titles(
    api_as: ApiAs, alliance: Alliance
) -> None:
    manager = api_as("manager")
    call = {"title": "Call", "owner": "Ann", "due_on": "2026-10-09"}
    decided = {"decided_on": "2026-10-01", "kind": "reset", "rationale": "Talk", "actions": [call]}
    assert manager.post(base(alliance) + "/decisions", decided).status_code == 201
    assert manager.post(base(alliance) + "/decisions", decided).status_code == 409
    twice = decided | {"decided_on": "2026-10-02", "actions": [call, call]}
    response = manager.post(base(alliance) + "/decisions", twice)
    assert response.status_code == 422 and "same title" in response.content.decode()
    assert Decision.objects.count() == 1


def test_a_second_contact_of_the_same_name_needs_an_email(
    api_as: ApiAs, alliance: Alliance
) -> None:
    twin = {"side": "partner", "name": "Ada Partner"}
    assert api_as("manager").post(base(alliance) + "/contacts", twin).status_code == 409
    with_email = twin | {"email": "ada@northwind.example"}
    assert api_as("manager").post(base(alliance) + "/contacts", with_email).status_code == 201


def test_what_the_api_accepts_exports_and_imports_into_an_empty_store(
    api_as: ApiAs, alliance: Alliance, users: dict[str, User], tmp_path: Path
) -> None:
    manager = api_as("manager")
    call = {"kind": "call", "occurred_at": "2026-10-01T09:00:00Z", "subject": "Weekly"}
    assert manager.post(base(alliance) + "/interactions", call).status_code == 201
    assert manager.post(base(alliance) + "/interactions", call).status_code == 201  # two calls
    seen = {"observed_on": "2026-10-01", "title": "Rival hiring"}
    assert manager.post(base(alliance) + "/observations", seen).status_code == 201
    export_bundle(tmp_path / "b.zip", as_zip=True)

    Alliance.objects.all().delete()
    Partner.objects.all().delete()
    User.objects.all().delete()
    summary = import_bundle(tmp_path / "b.zip", ImportOptions())
    assert summary.warnings == []
    assert Interaction.objects.count() == 2
    observation = Observation.objects.get()
    assert observation.recorded_by is not None and observation.recorded_by.username == "manager"
    assert not observation.recorded_by.has_usable_password()
