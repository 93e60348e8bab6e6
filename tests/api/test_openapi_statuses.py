"""The OpenAPI document declares every status each route answers.

Each operation of the document is called the ways a client gets it wrong — no
token, a role that may not write, an unknown slug or id, parameters or a body of
the wrong type — and the right way where that is safe (reads, an empty PATCH);
every status seen must be among the operation's declared responses.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from radar.portfolio.models import Alliance, Contact, Decision, Interaction, Observation
from tests.api.client import ApiAs

pytestmark = pytest.mark.django_db
WRITES = {"post", "patch", "delete"}
WRONG_QUERY = "?limit=many&offset=x&as_of=someday&tier=top&active=perhaps"


def operations(api_as: ApiAs) -> list[tuple[str, str, dict[str, Any]]]:
    document = api_as("viewer").get("/api/openapi.json").json()
    return [
        (method, path, op) for path, ops in document["paths"].items() for method, op in ops.items()
    ]


def records(alliance: Alliance) -> dict[str, int]:
    """An id of each kind of record a path can name (by the collection before {pk})."""
    return {
        "contacts": Contact.objects.filter(alliance=alliance).first().pk,
        "interactions": Interaction.objects.create(
            alliance=alliance, kind="call", occurred_at=timezone.now()
        ).pk,
        "observations": Observation.objects.create(
            alliance=alliance, observed_on=timezone.localdate(), title="Seen"
        ).pk,
        "decisions": Decision.objects.create(
            alliance=alliance, decided_on=timezone.localdate(), kind="monitor", rationale="r"
        ).pk,
    }


def url(path: str, slug: str, ids: dict[str, int], pk: int | None = None) -> str:
    collection = re.search(r"/(\w+)/\{pk\}", path)
    found = pk if pk is not None else (ids[collection.group(1)] if collection else 0)
    return path.replace("{slug}", slug).replace("{pk}", str(found))


def call(client: Any, method: str, target: str, body: Any = None) -> int:
    if method == "get":
        return client.get(target).status_code
    if method == "delete":
        return client.delete(target).status_code
    return getattr(client, method)(target, {} if body is None else body).status_code


def test_every_status_a_route_answers_is_declared(api_as: ApiAs, alliance: Alliance) -> None:
    ids = records(alliance)
    seen: dict[tuple[str, str], set[int]] = {}
    undeclared: list[str] = []
    for method, path, op in operations(api_as):
        declared = {int(code) for code in op["responses"]}
        write = method in WRITES
        tries = [(api_as(None), url(path, alliance.slug, ids), None)]
        if write:
            tries.append((api_as("viewer"), url(path, alliance.slug, ids), None))
        editor = api_as("manager" if write else "viewer")
        if "{slug}" in path:
            tries.append((editor, url(path, "no-such-alliance", ids), None))
        if "{pk}" in path:
            tries.append((editor, url(path, alliance.slug, ids, pk=999_999), None))
        if method == "get":
            tries.append((editor, url(path, alliance.slug, ids) + WRONG_QUERY, None))
            tries.append((editor, url(path, alliance.slug, ids), None))
        elif method in ("post", "patch"):
            tries.append((editor, url(path, alliance.slug, ids), []))  # not an object
            tries.append((editor, url(path, alliance.slug, ids), {"tier": "top", "kind": 7}))
        if method == "patch":
            tries.append((editor, url(path, alliance.slug, ids), {}))  # changes nothing
        for client, target, body in tries:
            status = call(client, method, target, body)
            seen.setdefault((method, path), set()).add(status)
            if status not in declared:
                undeclared.append(f"{method.upper()} {path}: {status} not in {sorted(declared)}")
    assert undeclared == []
    statuses = set().union(*seen.values())
    assert {200, 401, 403, 404, 422} <= statuses, statuses
    assert all(401 in got for got in seen.values())


def test_a_write_that_can_clash_declares_its_409(api_as: ApiAs, alliance: Alliance) -> None:
    """Each write below makes a record repeat another (tests/api/test_changes.py shows how):
    the 409 it answers must be in the document."""
    day = timezone.localdate()
    ids = records(alliance)
    Observation.objects.create(alliance=alliance, observed_on=day, title="Taken")
    Decision.objects.create(alliance=alliance, decided_on=day, kind="reset", rationale="r")
    Contact.objects.create(alliance=alliance, side="partner", name="Taken Name")
    clashes = {
        ("patch", "/api/alliances/{slug}/contacts/{pk}"): {"name": "Taken Name", "email": ""},
        ("patch", "/api/alliances/{slug}/observations/{pk}"): {
            "observed_on": day.isoformat(),
            "title": "Taken",
        },
        ("patch", "/api/alliances/{slug}/decisions/{pk}"): {
            "decided_on": day.isoformat(),
            "kind": "reset",
            "actions": [{"title": "t", "owner": "o", "due_on": day.isoformat()}],
        },
    }
    declared = {(method, path): op for method, path, op in operations(api_as)}
    manager = api_as("manager")
    for (method, path), body in clashes.items():
        status = call(manager, method, url(path, alliance.slug, ids), body)
        assert status == 409, (method, path, status)
        assert "409" in declared[(method, path)]["responses"], (method, path)
