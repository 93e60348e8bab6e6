"""The OpenAPI document is valid JSON for every client: one key per status."""

from __future__ import annotations

import json

from radar.api.api import api


def test_each_operation_declares_each_status_once() -> None:
    schema = api.get_openapi_schema()
    repeated = [
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if len({str(code) for code in operation["responses"]}) != len(operation["responses"])
    ]
    assert repeated == []
    # Serialised, a status given once as a number and once as text would be a
    # duplicated key (Swagger UI refuses the document).
    json.dumps(schema, sort_keys=True)
