"""Schemathesis against /api/openapi.json: no server error, every status returned is declared.

Schemathesis runs its phases on every operation (the documented examples,
the coverage phase's boundary values — huge numbers, empty and overlong
strings, missing fields — and a bounded number of generated requests),
in-process through the WSGI application as a manager, with the test
alliance's slug in the path so reads and writes reach real rows.
Marked `slow` (about two minutes).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from radar.api.api import api
from radar.api.models import ApiToken
from radar.portfolio.models import Alliance

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
schema.app = WSGIHandler()


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    # As Django's test client does: a request through the WSGI handler would
    # close the connection holding the test's transaction (PostgreSQL).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_documented(case: Any, users: dict[str, Any], alliance: Alliance):
    if case.path_parameters and "slug" in case.path_parameters:
        case.path_parameters["slug"] = alliance.slug
    _, raw = ApiToken.issue(users["manager"], "schemathesis")
    headers = {**(case.headers or {}), "Authorization": f"Bearer {raw}"}
    case.call_and_validate(headers=headers, checks=CHECKS)
