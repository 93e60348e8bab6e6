"""The error answers every operation can give, declared in the OpenAPI document.

Authentication, roles and input validation answer the same way on every
route, so they are added here once rather than on each route: 401 without a
valid token, 403 when the role does not allow it, 422 for input that fails
validation (400 for a body that is not JSON), 404 for an alliance that does
not exist; 429 when a rate limit is reached. The schemathesis test
(tests/api/test_schemathesis.py) fails on any status a route returns that is
not declared.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from radar.api import limits

ERRORS = {
    "401": "No valid API token (or signed-in session).",
    "403": "Your role does not allow this.",
    "422": "The input failed validation; `detail` says which field and why.",
}
BODY_ERROR = ("400", "The request body is not valid JSON.")
MISSING = ("404", "No such alliance (or record).")
PROBLEM = {
    "type": "object",
    "properties": {"detail": {"description": "What went wrong."}},
    "required": ["detail"],
}


def _response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": PROBLEM}}}


def declare_errors(schema: dict[str, Any]) -> dict[str, Any]:
    for path, methods in schema.get("paths", {}).items():
        for operation in methods.values():
            # Routes declare some statuses themselves (radar.api.statuses), as
            # integers: one key per status, or the JSON document repeats it.
            responses = {str(k): v for k, v in operation.get("responses", {}).items()}
            operation["responses"] = responses
            declared = dict(ERRORS)
            if "requestBody" in operation:
                declared[BODY_ERROR[0]] = BODY_ERROR[1]
            if "{" in path:
                declared[MISSING[0]] = MISSING[1]
            for status, description in declared.items():
                responses.setdefault(status, _response(description))
    return schema


class RadarAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = limits.declare_too_many(super().get_openapi_schema(**kwargs))
        return declare_errors(schema)
