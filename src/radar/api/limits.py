"""The API's answer to RateLimited (429 + Retry-After), declared in the OpenAPI document.

Every operation can answer 429 (authentication runs first, everywhere), so the
response is added to each operation of the generated schema rather than to
each route by hand: a route added later is covered too.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from radar.security.ratelimit import RateLimited

TOO_MANY = {
    "description": "Too many requests (unknown tokens from your address, or heavy use).",
    "headers": {
        "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": {"type": "integer"},
        }
    },
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}


def declare_too_many(schema: dict[str, Any]) -> dict[str, Any]:
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault(429, TOO_MANY)
    return schema


def install(api: NinjaAPI) -> None:
    # The decorator, not add_exception_handler: django-ninja types a handler's
    # argument as "the exception or its class", yet always passes the instance caught.
    @api.exception_handler(RateLimited)
    def too_many(request: HttpRequest, exc: RateLimited) -> HttpResponse:
        response = api.create_response(request, {"detail": exc.message}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
