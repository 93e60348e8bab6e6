"""The request type of views only signed-in users reach (behind login_required).

For the type checker only: django-stubs types `request.user` as "a user or
AnonymousUser"; a view behind login_required takes a SignedInRequest instead,
so its user is a User without a check that could never fail. Django still
passes its own HttpRequest.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class SignedInRequest(HttpRequest):
    user: User
