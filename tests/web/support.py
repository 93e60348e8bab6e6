"""Shared fixtures for the write-side web tests: one user per role, a small alliance,
and a stand-in engine used only while the real one raises NotImplementedError."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from radar.engine import evaluate as engine_evaluate
from radar.engine.assessment import (
    Assessment,
    CadenceFlag,
    PhaseDiagnosis,
    Recommendation,
    ScorePoint,
)
from radar.engine.records import History
from radar.engine.vocab import DecisionKind, Phase
from radar.portfolio.models import Alliance, Contact, MetricDefinition, Partner
from radar.web.roles import Role, grant_role

PASSWORD = "a-long-test-password"
ROLE_NAMES = ("admin", "manager", "reviewer", "viewer", "norole")


def make_user(name: str, role: Role | None) -> User:
    user = User.objects.create_user(name, email=f"{name}@example.com", password=PASSWORD)
    if role is not None:
        grant_role(user, role)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def fast_passwords(settings: object) -> None:
    # Real hashers take ~0.3 s per user; tests only need the check to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def users(db: None, fast_passwords: None) -> dict[str, User]:
    found = {role.value: make_user(role.value, role) for role in Role}
    found["norole"] = make_user("norole", None)
    return found


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def manager_client(users: dict[str, User]) -> Client:
    return client_for(users["manager"])


@pytest.fixture
def alliance(db: None) -> Alliance:
    partner = Partner.objects.create(name="Northwind <Labs>")
    found = Alliance.objects.create(name="Northwind Cloud", partner=partner, tier=1)
    Contact.objects.create(alliance=found, side="partner", name="Ada Partner", role="champion")
    Contact.objects.create(alliance=found, side="ours", name="Bo Ours", role="alliance_manager")
    MetricDefinition.objects.create(alliance=found, key="leads", name="Qualified leads")
    return found


def _stand_in(history: History, as_of: date, config: object = None) -> Assessment:
    """Score 4.0 minus half a point per negative observation; flags a divergent check-in."""
    negatives = sum(1 for o in history.observations if o.polarity.value == "negative")
    score = max(1.0, 4.0 - 0.5 * negatives)
    flags = tuple(
        CadenceFlag("score_divergence", "Ask a neutral reviewer.")
        for c in history.checkins[-1:]
        if c.manual_score is not None and abs(c.manual_score - score) >= 2
    )
    return Assessment(
        alliance_id=history.alliance.id,
        alliance_name=history.alliance.name,
        as_of=as_of,
        score=score,
        baseline_score=4.0,
        trend="down" if score < 4 else "flat",
        previous_score=None,
        why_moved=(),
        categories=(),
        signals=(),
        systemic=False,
        systemic_categories=(),
        phase=PhaseDiagnosis(Phase.GROWTH, None, False, ()),
        recommendation=Recommendation(DecisionKind.MONITOR, "Keep watching", (), (), (), ()),
        cadence=flags,
        score_history=(ScorePoint(as_of.replace(day=1), score),),
    )


def _engine_is_ready() -> bool:
    try:
        engine_evaluate.evaluate(None, date(2026, 1, 1))  # type: ignore[arg-type]
    except NotImplementedError:
        return False
    except Exception:
        return True
    return True


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real engine once it exists; a small stand-in until then."""
    if not _engine_is_ready():
        monkeypatch.setattr("radar.portfolio.assessments.evaluate", _stand_in)
    yield
