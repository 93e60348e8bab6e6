"""Every URL in the URL map, with every role and anonymous: who gets in, who does not.

Each named URL must have a declared expectation below; a new URL without one fails
the test, so nobody can add a page and forget its role. The table of outcomes is
printed when something differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from radar.portfolio.models import (
    ActionItem,
    Agreement,
    Alliance,
    CheckIn,
    Contact,
    Decision,
    Deliverable,
    Goal,
    GovernanceBody,
    Interaction,
    InteractionParticipant,
    Observation,
    Survey,
    SurveyResponse,
)
from tests.urlmap import named_urls, walk
from tests.web.support import client_for

pytestmark = pytest.mark.django_db

WHO = ("anonymous", "norole", "viewer", "reviewer", "manager", "admin")
EVERYONE = frozenset(WHO)
SIGNED_IN = EVERYONE - {"anonymous"}
READERS = frozenset({"viewer", "reviewer", "manager", "admin"})
EDITORS = frozenset({"manager", "admin"})
ADMINS = frozenset({"admin"})


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    method: str = "get"  # "post" sends an empty form (or {} as JSON to the API)
    ok: tuple[int, ...] | None = (200,)  # statuses meaning "let in"; None: any but a refusal
    also_post: bool = False  # the page is a form: check the POST guard too (400 = let in)
    query: str = ""


FORM = {"also_post": True}
# The declared expectation for every named URL.
EXPECT: dict[str, Rule] = {
    # auth
    "login": Rule(EVERYONE),
    "logout": Rule(EVERYONE, method="post", ok=(302,)),
    "password_change": Rule(SIGNED_IN),
    "password_change_done": Rule(SIGNED_IN),
    "password_reset": Rule(EVERYONE),
    "password_reset_done": Rule(EVERYONE),
    "password_reset_confirm": Rule(EVERYONE),
    "password_reset_complete": Rule(EVERYONE),
    # read-side pages
    "dashboard": Rule(READERS),
    "alliance": Rule(READERS),
    "alliance_state": Rule(READERS),
    "alliance_timeline": Rule(READERS),
    "backtest": Rule(READERS),
    "people_directory": Rule(READERS),
    # Setting how often to keep in touch: a POST that sends the page back (303 See Other).
    "keep_in_touch": Rule(EDITORS, method="post", ok=(303,)),
    "action_list": Rule(READERS),
    "search": Rule(READERS, query="?q=northwind"),
    "history": Rule(ADMINS),
    "toggle_action": Rule(EDITORS, method="post", ok=(303,)),
    # write side
    "log_interaction": Rule(EDITORS, also_post=True),
    "add_deliverable": Rule(EDITORS, also_post=True),
    "edit_deliverable": Rule(EDITORS, also_post=True),
    "record_metric": Rule(EDITORS, also_post=True),
    "add_observation": Rule(EDITORS, also_post=True),
    "add_context_factor": Rule(EDITORS, also_post=True),
    "record_decision": Rule(EDITORS, also_post=True),
    "monthly_review": Rule(EDITORS, also_post=True),
    "checkin": Rule(READERS),
    # keeping records: lists and the agreement are read by everyone, changed by editors
    "new_alliance": Rule(EDITORS, also_post=True),
    "archived_alliances": Rule(READERS),
    "edit_alliance": Rule(EDITORS, also_post=True),
    "archive_alliance": Rule(EDITORS),
    # (ok=None: any answer but a refusal, here the redirect back to a page)
    "archive_alliance#post": Rule(EDITORS, method="post", ok=None),
    "restore_alliance": Rule(EDITORS, method="post", ok=None),
    "delete_alliance": Rule(EDITORS, also_post=True),  # with data: a 400 until the name is typed
    "agreement": Rule(READERS),
    "edit_agreement": Rule(EDITORS),
    "edit_agreement#post": Rule(EDITORS, method="post", ok=None),  # every field is optional
    "review_agreement": Rule(EDITORS, also_post=True),
    "delete_agreement": Rule(EDITORS),
    **{name: Rule(READERS) for name in ("contacts", "goals", "metric_definitions")},
    **{name: Rule(READERS) for name in ("governance_bodies", "surveys", "action_items")},
    **{
        f"{kind}_{action}": Rule(EDITORS, also_post=True)
        for kind in ("contact", "goal", "metricdef", "governance", "survey", "response")
        for action in ("add", "edit")
    },
    "actionitem_add": Rule(EDITORS, also_post=True),
    "actionitem_edit": Rule(EDITORS, also_post=True),
    # Deleting asks first (GET); the POST is checked on records that need the name typed.
    **{
        f"{kind}_delete": Rule(EDITORS)
        for kind in ("contact", "goal", "metricdef", "governance", "survey", "response")
    },
    "actionitem_delete": Rule(EDITORS),
    "contact_delete#post": Rule(EDITORS, method="post", ok=(400,)),
    "goals_reviewed": Rule(EDITORS, method="post", ok=None),
    # exports: the assessments for every reader, the whole bundle for editors
    "exports": Rule(READERS),
    "export_assessments": Rule(READERS),
    "export_bundle": Rule(EDITORS),
    # import page: upload (an empty POST is a 400 form error), then preview/run/cancel/done,
    # which send managers back to the upload form when no upload is waiting (any non-refusal).
    "import_upload": Rule(EDITORS, also_post=True),
    "import_preview": Rule(EDITORS, ok=None),
    "import_run": Rule(EDITORS, method="post", ok=None),
    "import_cancel": Rule(EDITORS, method="post", ok=None),
    "import_done": Rule(EDITORS, ok=None),
    # background jobs (radar.worker): editors start and follow them
    "jobs": Rule(EDITORS),
    "job": Rule(EDITORS, ok=None),
    "jobs_evaluate": Rule(EDITORS, method="post", ok=None),
    # notifications (radar.notify): everyone signed in has an inbox and preferences
    "notify_inbox": Rule(SIGNED_IN),
    "notify_preferences": Rule(SIGNED_IN, also_post=True),
    "notify_read": Rule(SIGNED_IN, method="post", ok=None),
    "notify_read_all": Rule(SIGNED_IN, method="post", ok=None),
    # Commenting on a check-in is a POST to the same URL, for neutral reviewers and up.
    "checkin#comment": Rule(frozenset({"reviewer", "manager", "admin"}), method="post", ok=(400,)),
    # API (the docs and schema behave like pages: anonymous callers are sent to sign in)
    "api:api-root": Rule(EVERYONE, ok=(404,)),  # ninja's placeholder: always "not found"
    "api:openapi-json": Rule(READERS),
    "api:openapi-view": Rule(READERS),
    "api:me": Rule(READERS),
    "api:list_alliances": Rule(READERS),
    "api:create_alliance": Rule(EDITORS, method="post", ok=(422,)),
    "api:get_alliance": Rule(READERS),
    "api:list_assessments": Rule(READERS),
    "api:get_assessment": Rule(READERS),
    "api:list_contacts": Rule(READERS),
    "api:create_contact": Rule(EDITORS, method="post", ok=(422,)),
    "api:list_interactions": Rule(READERS),
    "api:create_interaction": Rule(EDITORS, method="post", ok=(422,)),
    "api:list_observations": Rule(READERS),
    "api:create_observation": Rule(EDITORS, method="post", ok=(422,)),
    "api:list_decisions": Rule(READERS),
    "api:create_decision": Rule(EDITORS, method="post", ok=(422,)),
    # PATCH {} changes nothing (200); the alliance has records, so DELETE is a 409; the
    # records' DELETE removes them (204), and the next editor finds nothing left (404).
    "api:update_alliance": Rule(EDITORS, method="patch"),
    "api:delete_alliance": Rule(EDITORS, method="delete", ok=(409,)),
    **{
        f"api:update_{kind}": Rule(EDITORS, method="patch")
        for kind in ("contact", "interaction", "observation", "decision")
    },
    **{
        f"api:delete_{kind}": Rule(EDITORS, method="delete", ok=(204, 404))
        for kind in ("contact", "interaction", "observation", "decision")
    },
    # The admin's own sign-in pages are open; everything else in it is for admins.
    "admin:login": Rule(EVERYONE, ok=(200, 302)),
    "admin:logout": Rule(EVERYONE, method="post", ok=(200, 302)),
    "admin:autocomplete": Rule(
        ADMINS, query="?app_label=portfolio&model_name=interactionparticipant&field_name=contact"
    ),
    # Sign-in records (django-axes) are written by sign-ins only: their add pages
    # refuse even an admin (403), and send everyone else to sign in.
    **{
        f"admin:axes_{model}_add": Rule(ADMINS, ok=(403,))
        for model in ("accessattempt", "accessfailurelog", "accesslog")
    },
}
# The Django admin: every one of its URLs is for admins only.
NAMESPACE_RULES: dict[str, Rule] = {"admin": Rule(ADMINS, ok=None)}


def rule_for(name: str) -> Rule | None:
    if name in EXPECT:
        return EXPECT[name]
    return NAMESPACE_RULES.get(name.split(":", 1)[0]) if ":" in name else None


def test_it_declares_an_expectation_for_every_url() -> None:
    missing = sorted(name for name in named_urls() if rule_for(name) is None)
    assert missing == [], f"URLs without a declared role expectation: {missing}"
    stale = sorted(n for n in EXPECT if n.split("#")[0] not in named_urls())
    assert stale == [], f"Expectations for URLs that no longer exist: {stale}"


def test_it_only_leaves_admin_urls_unnamed() -> None:
    # Only the admin has unnamed patterns (its old-style redirects and catch-all);
    # they sit behind the same admin_view guard as its named pages.
    unnamed = [ns for ns, name, _params in walk(get_resolver()) if not name]
    assert unnamed, "the walker should see the admin's unnamed patterns"
    assert set(unnamed) == {"admin"}


@pytest.fixture
def world(users: dict[str, User], alliance: Alliance) -> dict[str, Any]:
    deliverable = Deliverable.objects.create(
        alliance=alliance, title="Demo", side="ours", due_on=timezone.localdate()
    )
    checkin = CheckIn.objects.create(
        alliance=alliance, held_on=timezone.localdate(), manual_score=3, computed_score=3.0
    )
    return {
        "alliance": alliance,
        "deliverable": deliverable,
        "checkin": checkin,
        "users": users,
        **records_of(alliance),
        "api": api_records(alliance),
    }


def api_records(alliance: Alliance) -> dict[str, Any]:
    """A contact, interaction, observation and decision for the API to change, and one of
    each to delete, keyed by the URL names (update_contact, delete_contact, …)."""
    today = timezone.localdate()
    makers = {
        # Two contacts of one alliance without e-mails need their own names.
        "contact": lambda: Contact.objects.create(
            alliance=alliance, side="ours", name=f"Api {Contact.objects.count()}"
        ),
        "interaction": lambda: Interaction.objects.create(
            alliance=alliance, kind="call", occurred_at=timezone.now()
        ),
        "observation": lambda: Observation.objects.create(
            alliance=alliance, observed_on=today, title=f"Seen {Observation.objects.count()}"
        ),
        "decision": lambda: Decision.objects.create(
            alliance=alliance,
            decided_on=today - timedelta(days=Decision.objects.count()),
            kind="monitor",
            rationale="Keep watching",
        ),
    }
    return {
        f"{action}_{kind}": make()
        for kind, make in makers.items()
        for action in ("update", "delete")
    }


def records_of(alliance: Alliance) -> dict[str, Any]:
    """One record of each kind the record pages edit, keyed by their URL names' prefix."""
    champion = alliance.contacts.get(role="champion")
    met = Interaction.objects.create(
        alliance=alliance, kind="meeting", occurred_at=timezone.now(), subject="Kick-off"
    )
    InteractionParticipant.objects.create(interaction=met, contact=champion)  # delete asks
    Agreement.objects.create(alliance=alliance, review_interval_months=6)
    survey = Survey.objects.create(
        alliance=alliance, kind="pulse", title="Pulse", sent_on=timezone.localdate()
    )
    decision = Decision.objects.create(
        alliance=alliance, decided_on=timezone.localdate(), kind="reset", rationale="Why"
    )
    return {
        "contact": champion,
        "goal": Goal.objects.create(alliance=alliance, title="Grow"),
        "metricdef": alliance.metrics.get(),
        "governance": GovernanceBody.objects.create(
            alliance=alliance, tier="steering", name="JSC", ritual="qbr", cadence_days=90
        ),
        "survey": survey,
        "response": SurveyResponse.objects.create(
            survey=survey, side="partner", submitted_on=timezone.localdate(), score=4
        ),
        "actionitem": ActionItem.objects.create(
            decision=decision, title="Call", owner="Ann", due_on=timezone.localdate()
        ),
    }


def _pk(name: str, world: dict[str, Any]) -> int:
    if name.startswith("checkin"):
        return world["checkin"].pk
    own = world["api"].get(name.split(":", 1)[-1]) if name.startswith("api:") else None
    if own is not None:  # records of their own: the API deletes them
        return own.pk
    if name == "keep_in_touch":
        return world["contact"].pk
    if name == "toggle_action":
        return world["actionitem"].pk
    prefix = name.split("_", 1)[0]
    return (world.get(prefix) or world["deliverable"]).pk


def kwargs_for(name: str, params: frozenset[str], world: dict[str, Any]) -> dict[str, Any]:
    alliance = world["alliance"]
    values: dict[str, Any] = {
        "slug": alliance.slug,
        "pk": _pk(name, world),
        "uidb64": "MQ",
        "token": "set-password",
        "app_label": "portfolio",
        "object_id": str(world["alliance"].pk),
        "id": str(world["users"]["viewer"].pk),
        "content_type_id": "1",
        "url": "",
    }
    return {key: values[key] for key in params}


def outcome(response: Any, rule: Rule) -> str:
    """'in' when the role check let the request through, else how it was refused."""
    status = response.status_code
    if rule.ok is not None and status in rule.ok:
        return "in"
    if status in (401, 403):
        return str(status)
    if status == 302 and "login" in response["Location"]:
        return "login"
    if rule.ok is None and status < 500:
        return "in"
    return f"HTTP {status}"


def refusal(name: str, who: str) -> str:
    """How a caller without the role is turned away."""
    if name.startswith("admin:"):
        return "login"  # the admin sends everyone who is not staff to its own sign-in
    if name.startswith("api:") and name not in ("api:openapi-view", "api:openapi-json"):
        return "401" if who == "anonymous" else "403"
    return "login" if who == "anonymous" else "403"


def request(client: Client, url: str, name: str, method: str) -> Any:
    if method == "get":
        return client.get(url)
    if name.startswith("api:"):
        send = getattr(client, method)  # post, patch or delete
        return send(url, {}, content_type="application/json")
    return client.post(url, {})


def test_it_enforces_the_role_matrix(world: dict[str, Any]) -> None:
    users = world["users"]
    checks: list[tuple[str, str, Rule]] = []
    for name, params in sorted(named_urls().items()):
        rule = rule_for(name)
        assert rule is not None
        url = reverse(name, kwargs=kwargs_for(name, params, world)) + rule.query
        checks.append((name, url, rule))
        if rule.also_post:
            checks.append((name, url, Rule(rule.allowed, method="post", ok=(400,))))
    comment = reverse("checkin", args=[world["alliance"].slug, world["checkin"].pk])
    checks.append(("checkin#comment", comment, EXPECT["checkin#comment"]))
    for key in sorted(k for k in EXPECT if k.endswith("#post")):  # a POST after the GET
        name = key.split("#")[0]
        url = reverse(name, kwargs=kwargs_for(name, named_urls()[name], world))
        checks.append((key, url, EXPECT[key]))

    table: list[tuple[str, str, dict[str, str]]] = []
    wrong: list[str] = []
    clients: dict[str, Client] = {}
    for name, url, rule in checks:
        row: dict[str, str] = {}
        if "logout" in name:
            clients.clear()  # signing out must not leak into the next check
        for who in WHO:
            if who not in clients:
                clients[who] = client_for(users.get(who))
            got = outcome(request(clients[who], url, name, rule.method), rule)
            row[who] = got
            expected = "in" if who in rule.allowed else refusal(name, who)
            if got != expected:
                wrong.append(f"{rule.method.upper()} {url} as {who}: {got}, expected {expected}")
        table.append((rule.method.upper(), url, row))
        if "logout" in name:
            clients.clear()
    if wrong:
        head = "method url".ljust(70) + " ".join(w[:8].ljust(8) for w in WHO)
        rows = [
            f"{m} {u}"[:69].ljust(70) + " ".join(r[w].ljust(8) for w in WHO) for m, u, r in table
        ]
        pytest.fail("\n".join(["Role matrix differs:", *wrong, "", head, *rows]))
    assert len(table) > 60
