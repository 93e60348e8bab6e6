"""Alliances and assessments over the API: reading, creating, roles, validation."""

from __future__ import annotations

import pytest
from django.utils import timezone

from radar.portfolio.models import Alliance
from radar.web.refresh import refresh
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db


def test_it_lists_alliances_for_every_reader(api_as: ApiAs, alliance: Alliance) -> None:
    for role in ("viewer", "reviewer", "manager", "admin"):
        body = api_as(role).get("/api/alliances").json()
        assert body["count"] == 1
        item = body["items"][0]
        assert (item["slug"], item["partner"], item["tier"]) == (
            "northwind-cloud",
            "Northwind <Labs>",
            1,
        )
    assert api_as("norole").get("/api/alliances").status_code == 403


def test_it_filters_and_pages(api_as: ApiAs, alliance: Alliance) -> None:
    client = api_as("viewer")
    assert client.get("/api/alliances", tier=2).json()["count"] == 0
    assert client.get("/api/alliances", limit=0).status_code == 422


def test_it_reads_one_alliance_with_its_latest_assessment(
    api_as: ApiAs, alliance: Alliance
) -> None:
    client = api_as("viewer")
    assert client.get(f"/api/alliances/{alliance.slug}").json()["latest_assessment"] is None
    stored = refresh(alliance, timezone.localdate())
    assert stored is not None
    body = client.get(f"/api/alliances/{alliance.slug}").json()
    assert body["latest_assessment"]["score"] == stored.score
    assert client.get("/api/alliances/nope").status_code == 404


def test_it_creates_alliances_for_managers_only(api_as: ApiAs, alliance: Alliance) -> None:
    new = {"name": "Contoso Data", "partner": "Contoso", "tier": 1, "kind": "co_selling"}
    assert api_as("viewer").post("/api/alliances", new).status_code == 403
    assert api_as("reviewer").post("/api/alliances", new).status_code == 403
    created = api_as("manager").post("/api/alliances", new)
    assert created.status_code == 201 and created.json()["slug"] == "contoso-data"
    again = api_as("admin").post("/api/alliances", new)
    assert again.status_code == 409 and "already exists" in again.json()["detail"]


def test_it_explains_validation_errors(api_as: ApiAs, alliance: Alliance) -> None:
    response = api_as("manager").post(
        "/api/alliances", {"name": "", "partner": "X", "tier": 9, "kind": "friendship"}
    )
    assert response.status_code == 422
    fields = {tuple(e["loc"][-1:]) for e in response.json()["detail"]}
    assert {("name",), ("tier",), ("kind",)} <= fields
    assert not Alliance.objects.filter(partner__name="X").exists()


def test_it_serves_the_stored_assessment_and_a_backtest(api_as: ApiAs, alliance: Alliance) -> None:
    client = api_as("reviewer")
    url = f"/api/alliances/{alliance.slug}/assessment"
    assert client.get(url).status_code == 404
    refresh(alliance, timezone.localdate())
    stored = client.get(url).json()
    assert stored["payload"]["alliance_name"] == "Northwind Cloud"
    past = client.get(url, as_of="2026-01-31").json()
    assert past["as_of"] == "2026-01-31" and past["payload"]["as_of"] == "2026-01-31"
    history = client.get(f"/api/alliances/{alliance.slug}/assessments").json()
    assert history["count"] == 1  # the backtest was not stored
