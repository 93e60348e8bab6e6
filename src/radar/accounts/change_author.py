"""Who made a change, for the history (django-auditlog, radar.portfolio.audit).

auditlog's middleware reads the user when the request arrives. A browser session is
signed in by then; an API call is not: its bearer token signs the caller in inside
the view (radar.api.auth sets `request.user`). This middleware hands auditlog the
request's user as it is when a change is logged, so API changes are signed too.
"""

from __future__ import annotations

from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


class ChangeAuthorMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_actor(request: HttpRequest) -> Any:
        # auditlog signs an entry only with a real user (not an anonymous visitor), and
        # looks when the entry is saved: by then the token has set request.user.
        return SimpleLazyObject(lambda: getattr(request, "user", None))
