"""Token authentication: hashed storage, last use, unknown and revoked tokens."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from radar.api.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_hash_and_records_last_use(users: dict[str, User]) -> None:
    token, raw = ApiToken.issue(users["viewer"], "sync")
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.last_used is None
    response = Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json() == {"username": "viewer", "roles": ["viewer"]}
    token.refresh_from_db()
    assert token.last_used is not None


def test_it_notes_a_token_use_at_most_once_a_minute(users: dict[str, User]) -> None:
    token, _raw = ApiToken.issue(users["viewer"], "sync")
    first = timezone.now()
    token.touch(first)
    token.touch(first + timedelta(seconds=30))  # too soon: no write
    token.refresh_from_db()
    assert token.last_used == first
    token.touch(first + timedelta(seconds=61))
    token.refresh_from_db()
    assert token.last_used == first + timedelta(seconds=61)


def test_it_refuses_missing_unknown_and_deactivated_tokens(users: dict[str, User]) -> None:
    assert Client().get("/api/alliances").status_code == 401
    bad = Client().get("/api/alliances", headers={"Authorization": "Bearer radar_nope"})
    assert bad.status_code == 401
    _token, raw = ApiToken.issue(users["manager"], "old laptop")
    users["manager"].is_active = False
    users["manager"].save()
    gone = Client().get("/api/alliances", headers={"Authorization": f"Bearer {raw}"})
    assert gone.status_code == 401


def test_it_creates_a_token_from_the_command_line(users: dict[str, User]) -> None:
    out = StringIO()
    call_command("create_api_token", "manager", "--name", "CRM", stdout=out, stderr=StringIO())
    raw = out.getvalue().strip()
    found = ApiToken.find(raw)
    assert found is not None and found.user == users["manager"] and found.name == "CRM"
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("create_api_token", "ghost", stdout=StringIO())


def test_it_accepts_the_browser_session(users: dict[str, User]) -> None:
    client = Client()
    client.force_login(users["reviewer"])
    assert client.get("/api/me").json()["roles"] == ["reviewer"]


def test_it_serves_the_docs_page_offline(users: dict[str, User]) -> None:
    client = Client()
    assert client.get("/api/docs").status_code == 302  # anonymous: sign in first
    client.force_login(users["viewer"])
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert "/api/alliances/{slug}/decisions" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_it_checks_the_role_before_the_body(users: dict[str, User]) -> None:
    _token, raw = ApiToken.issue(users["viewer"], "t")
    response = Client().post(
        "/api/alliances",
        {},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 403
    assert "does not allow" in response.json()["detail"]


def test_it_wants_the_csrf_token_from_session_writers(users: dict[str, User]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["manager"])
    body = {"name": "Fabrikam", "partner": "Fabrikam"}
    refused = client.post("/api/alliances", body, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    client.get("/accounts/login/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/alliances", body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201
