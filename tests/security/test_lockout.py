"""Sign-in lockout after repeated wrong passwords (django-axes), and the ways to unlock."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
RIGHT = "pass-viewer"


def sign_in(client: Client, password: str, username: str = "viewer") -> object:
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.fixture
def limit(settings: object) -> int:
    settings.AXES_FAILURE_LIMIT = 3  # type: ignore[attr-defined]
    return 3


@pytest.fixture
def viewer(users: dict[str, User]) -> User:
    user = users["viewer"]
    user.set_password(RIGHT)
    user.save()
    return user


def lock_out(client: Client, limit: int) -> object:
    for _ in range(limit - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    return sign_in(client, "wrong")


def test_it_pauses_sign_in_after_the_limit_with_a_clear_message(viewer: User, limit: int) -> None:
    client = Client()
    locked = lock_out(client, limit)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert locked["Retry-After"] == "900"
    # The right password does not get through while paused.
    assert sign_in(client, RIGHT).status_code == 429
    # Another account from the same address is not paused.
    assert sign_in(client, "wrong", username="manager").status_code == 200


def test_a_good_sign_in_before_the_limit_forgets_the_failures(viewer: User, limit: int) -> None:
    client = Client()
    for _ in range(limit - 1):
        sign_in(client, "wrong")
    assert sign_in(client, RIGHT).status_code == 302
    assert not AccessAttempt.objects.filter(username="viewer").exists()


def test_the_admin_command_unlocks_an_account(viewer: User, limit: int) -> None:
    client = Client()
    assert lock_out(client, limit).status_code == 429
    call_command("axes_reset_username", "viewer", verbosity=0)
    assert sign_in(client, RIGHT).status_code == 302


def test_an_admin_unlocks_an_account_from_the_admin(
    viewer: User, users: dict[str, User], limit: int
) -> None:
    client = Client()
    assert lock_out(client, limit).status_code == 429
    admin = Client()
    admin.force_login(users["admin"])
    attempts = AccessAttempt.objects.filter(username="viewer")
    response = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [a.pk for a in attempts]},
        follow=True,
    )
    assert "Unlocked viewer" in response.content.decode()
    assert sign_in(client, RIGHT).status_code == 302


def test_the_admin_sign_in_is_throttled_too(viewer: User, limit: int) -> None:
    client = Client()
    for _ in range(limit):
        response = client.post(reverse("admin:login"), {"username": "viewer", "password": "wrong"})
    assert response.status_code == 429
