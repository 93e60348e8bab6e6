"""What the API refuses beyond roles: unknown tokens and heavy use (429), non-web links."""

from __future__ import annotations

import pytest
from django.test import Client

from radar.portfolio.models import Alliance, Observation
from tests.api.client import ApiAs, ApiClient

pytestmark = pytest.mark.django_db
EVIL = "javascript:alert(document.cookie)"


def test_unknown_tokens_block_the_address_until_the_window_ends(
    api_as: ApiAs, settings: object
) -> None:
    settings.RADAR_API_BAD_TOKEN_LIMIT = 3  # type: ignore[attr-defined]
    guesser = ApiClient("radar_guess")
    assert [guesser.get("/api/alliances").status_code for _ in range(3)] == [401] * 3
    blocked = guesser.get("/api/alliances")
    assert blocked.status_code == 429
    assert 1 <= int(blocked["Retry-After"]) <= 600
    assert "unknown token" in blocked.json()["detail"]
    # Even a good token from that address waits: guessing cannot go on in between.
    assert api_as("viewer").get("/api/alliances").status_code == 429


def test_heavy_use_is_limited_per_caller(api_as: ApiAs, settings: object) -> None:
    settings.RADAR_API_RATE_LIMIT = 5  # type: ignore[attr-defined]
    busy, other = api_as("viewer"), api_as("manager")
    statuses = [busy.get("/api/alliances").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert int(busy.get("/api/alliances")["Retry-After"]) >= 1
    assert other.get("/api/alliances").status_code == 200


def test_the_openapi_document_declares_429_with_retry_after(api_as: ApiAs) -> None:
    schema = api_as("viewer").get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            too_many = operation["responses"].get("429")
            assert too_many is not None, f"{method} {path}"
            assert "Retry-After" in too_many["headers"]


def test_session_callers_are_counted_too(users: dict, settings: object) -> None:
    settings.RADAR_API_RATE_LIMIT = 2  # type: ignore[attr-defined]
    client = Client()
    client.force_login(users["viewer"])
    assert [client.get("/api/me").status_code for _ in range(3)] == [200, 200, 429]


def test_the_api_refuses_a_javascript_link(api_as: ApiAs, alliance: Alliance) -> None:
    seen = {"observed_on": "2026-10-01", "title": "Rival hiring", "url": EVIL}
    response = api_as("manager").post(f"/api/alliances/{alliance.slug}/observations", seen)
    assert response.status_code == 422
    assert "http:// or https://" in response.content.decode()
    assert not Observation.objects.exists()
