"""Shared fixtures for the web and API tests: one user per role and a small alliance."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from radar.accounts.roles import Role, grant_role
from radar.portfolio.models import Alliance, Contact, MetricDefinition, Partner

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
