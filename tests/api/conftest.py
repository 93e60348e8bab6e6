"""API test helpers: a client per role, each with its own bearer token."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from radar.api.models import ApiToken
from tests.api.client import ApiAs, ApiClient


@pytest.fixture
def api_as(users: dict[str, User]) -> ApiAs:
    def make(role: str | None) -> ApiClient:
        if role is None:
            return ApiClient(None)
        _token, raw = ApiToken.issue(users[role], "tests")
        return ApiClient(raw)

    return make
