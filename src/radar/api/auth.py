"""API authentication (bearer token or the browser session) and the role rules.

The API follows the web app's roles (radar.web.roles): reading needs the READ
ability, writing needs EDIT. A missing or unknown token is a 401; a valid token
whose user lacks the role is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from radar.api.models import ApiToken
from radar.web.roles import Ability, can, check


class TokenAuth(HttpBearer):
    """`Authorization: Bearer radar_…` — the token's user acts, with their roles."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.find(token)
        if found is None or not found.user.is_active:
            return None
        found.touch(timezone.now())
        request.user = found.user
        return found.user


# The session is accepted too, so the docs page works for a signed-in user;
# ninja checks the CSRF token on unsafe methods for session callers.
AUTH = [TokenAuth(), SessionAuth(csrf=True)]


def docs_guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The docs page and OpenAPI document: readers only (session or bearer token)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            TokenAuth().authenticate(request, header[7:].strip())
        denied = check(request, Ability.READ)
        return denied if denied is not None else view(request, *args, **kwargs)

    return guarded


def need(request: HttpRequest, ability: Ability) -> None:
    """Stop with a 403 unless the caller's roles give `ability`."""
    if not can(request.auth, ability):  # type: ignore[attr-defined]
        raise HttpError(403, f"Your role does not allow this ({ability.value}).")
