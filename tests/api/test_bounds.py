"""Every number the API reads has a range; out of range is a 422 naming the field, not a 500."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from radar.api.api import api
from radar.portfolio.models import Alliance, Interaction
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db

HUGE = "9" * 25


def _schemas(node: Any, components: dict[str, Any], seen: set[str]) -> Iterator[dict[str, Any]]:
    """Every schema inside `node`, following $refs once."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                yield from _schemas(components[name], components, seen)
            return
        yield node
        for value in node.values():
            yield from _schemas(value, components, seen)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value, components, seen)


def _inputs(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    components = spec.get("components", {}).get("schemas", {})
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                for schema in _schemas(parameter.get("schema", {}), components, set()):
                    yield f"{where} {parameter['name']}", schema
            body = operation.get("requestBody", {})
            for schema in _schemas(body, components, set()):
                yield f"{where} body", schema


def test_every_number_the_api_reads_has_both_bounds():
    spec = api.get_openapi_schema()
    unbounded = [
        where
        for where, schema in _inputs(spec)
        if schema.get("type") in ("integer", "number")
        and not (
            ("minimum" in schema or "exclusiveMinimum" in schema)
            and ("maximum" in schema or "exclusiveMaximum" in schema)
        )
    ]
    assert unbounded == []


@pytest.mark.parametrize(
    "params",
    [{"offset": HUGE}, {"limit": HUGE}, {"limit": "100000"}, {"offset": "-1"}, {"tier": HUGE}],
)
def test_pagination_and_filters_out_of_range_are_422(api_as: ApiAs, params: dict[str, str]):
    response = api_as("viewer").get("/api/alliances", **params)
    assert response.status_code == 422
    assert next(iter(params)) in str(response.json()["detail"])


@pytest.mark.parametrize(
    ("field", "value"),
    [("duration_minutes", int(HUGE)), ("duration_minutes", 2**31), ("reply_hours", 1e400)],
)
def test_interaction_numbers_out_of_range_are_422(
    api_as: ApiAs, alliance: Alliance, field: str, value: object
):
    body = {"kind": "call", "occurred_at": "2026-10-01T09:00:00Z", field: value}
    response = api_as("manager").post(f"/api/alliances/{alliance.slug}/interactions", body)
    assert response.status_code == 422, response.content
    assert field in str(response.json()["detail"])
    assert not Interaction.objects.exists()


def test_nan_in_a_body_is_422(api_as: ApiAs, alliance: Alliance):
    raw = '{"kind": "call", "occurred_at": "2026-10-01T09:00:00Z", "reply_hours": NaN}'
    response = api_as("manager").client.post(
        f"/api/alliances/{alliance.slug}/interactions",
        raw,
        content_type="application/json",
        headers=api_as("manager").headers,
    )
    assert response.status_code == 422


def test_a_page_at_the_largest_offset_is_empty(api_as: ApiAs, alliance: Alliance):
    response = api_as("viewer").get("/api/alliances", offset=str(2**31 - 1), limit="500")
    assert response.status_code == 200 and response.json()["items"] == []


def _stored_interaction(alliance: Alliance) -> Interaction:
    return Interaction.objects.create(
        alliance=alliance, kind="call", occurred_at="2026-10-01T09:00:00Z", subject="Weekly"
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("duration_minutes", int(HUGE)), ("reply_hours", 1e400), ("reply_hours", -1)],
)
def test_a_patch_out_of_range_is_422_and_changes_nothing(
    api_as: ApiAs, alliance: Alliance, field: str, value: object
):
    interaction = _stored_interaction(alliance)
    path = f"/api/alliances/{alliance.slug}/interactions/{interaction.pk}"
    response = api_as("manager").patch(path, {field: value})
    assert response.status_code == 422, response.content
    assert field in str(response.json()["detail"])
    interaction.refresh_from_db()
    assert interaction.duration_minutes is None and interaction.reply_hours is None


@pytest.mark.parametrize("pk", [HUGE, "0", "-1"])
def test_a_record_id_out_of_range_is_422(api_as: ApiAs, alliance: Alliance, pk: str):
    _stored_interaction(alliance)
    response = api_as("manager").delete(f"/api/alliances/{alliance.slug}/interactions/{pk}")
    assert response.status_code == 422
    assert Interaction.objects.count() == 1


def test_a_patch_refuses_a_javascript_link(api_as: ApiAs, alliance: Alliance):
    observation = alliance.observations.create(observed_on="2026-10-01", title="Press")
    path = f"/api/alliances/{alliance.slug}/observations/{observation.pk}"
    response = api_as("manager").patch(path, {"url": "javascript:alert(1)"})
    assert response.status_code == 422
    observation.refresh_from_db()
    assert observation.url == ""


def test_nul_in_body_text_is_422_not_a_database_error(api_as: ApiAs, alliance: Alliance):
    body = {"kind": "call", "occurred_at": "2026-10-01T09:00:00Z", "subject": "a\x00b"}
    response = api_as("manager").post(f"/api/alliances/{alliance.slug}/interactions", body)
    assert response.status_code == 422
    assert "NUL" in str(response.json()["detail"])
    assert not Interaction.objects.exists()


def test_nul_in_a_path_slug_is_404(api_as: ApiAs, alliance: Alliance):
    assert api_as("viewer").get(f"/api/alliances/{alliance.slug}%00").status_code == 404


def test_a_date_time_with_any_offset_is_stored_in_utc(api_as: ApiAs, alliance: Alliance):
    body = {"kind": "call", "occurred_at": "0300-12-25T22:39:26+17:53"}
    response = api_as("manager").post(f"/api/alliances/{alliance.slug}/interactions", body)
    assert response.status_code == 201, response.content
    assert Interaction.objects.get().occurred_at.isoformat() == "0300-12-25T04:46:26+00:00"
