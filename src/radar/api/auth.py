"""API authentication (bearer token or the browser session) and the role rules.

The API follows the web app's roles (radar.accounts.roles): reading needs the READ
ability, writing needs EDIT. The check runs with authentication, before the body
is validated: a missing or unknown token is a 401, a valid caller without the
role a 403 — even when the body is also wrong. Unknown tokens and heavy use are
rate-limited (radar.security.ratelimit): 429 with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from radar.accounts.roles import Ability, can, check
from radar.api.models import ApiToken
from radar.security.client import client_ip
from radar.security.ratelimit import count_bad_token, count_use, refuse_blocked_address

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def user_for_token(request: HttpRequest, raw: str) -> Any:
    """The active user a bearer token belongs to, or None (counted as a bad token)."""
    address = client_ip(request)
    refuse_blocked_address(address)
    found = ApiToken.find(raw)
    if found is None or not found.user.is_active:
        count_bad_token(address)
        return None
    found.touch(timezone.now())
    request.user = found.user
    return found.user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer radar_…`, or the signed-in browser session (with CSRF on
    writes); then the caller's roles must give `ability`."""

    def __init__(self, ability: Ability) -> None:
        super().__init__()
        self.ability = ability

    def __call__(self, request: HttpRequest) -> Any:
        refuse_blocked_address(client_ip(request))
        user = super().__call__(request) or self._session_user(request)
        if user is None:
            return None
        count_use(user.pk)
        if not can(user, self.ability):
            raise HttpError(403, f"Your role does not allow this ({self.ability.value}).")
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_token(request, token)

    @staticmethod
    def _session_user(request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header.")
        return user


def caller(request: HttpRequest) -> User:
    """The user the operation's authentication returned (TokenAuth: always a signed-in user)."""
    # django-ninja sets request.auth at run time; HttpRequest's stubs cannot declare it.
    user: User = request.auth  # type: ignore[attr-defined]
    return user


READERS = TokenAuth(Ability.READ)
EDITORS = TokenAuth(Ability.EDIT)


def docs_guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The docs page and OpenAPI document: readers only (session or bearer token)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            user_for_token(request, header[7:].strip())
        denied = check(request, Ability.READ)
        return denied if denied is not None else view(request, *args, **kwargs)

    return guarded
