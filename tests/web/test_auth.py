"""Sign in, sign out and password reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.web.support import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_signs_in_and_goes_where_the_user_was_headed(users: dict[str, User]) -> None:
    client = Client()
    target = reverse("backtest")
    page = client.get(reverse("login") + f"?next={target}")
    assert page.status_code == 200 and b"Forgot your password?" in page.content
    response = client.post(
        reverse("login"), {"username": "viewer", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302 and response["Location"] == target


def test_it_refuses_a_wrong_password_with_a_clear_message(users: dict[str, User]) -> None:
    response = Client().post(reverse("login"), {"username": "viewer", "password": "nope"})
    assert response.status_code == 200
    assert b"enter a correct username and password" in response.content


def test_it_signs_out_on_post_only(users: dict[str, User]) -> None:
    client = Client()
    client.force_login(users["viewer"])
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_resets_a_password_by_email(users: dict[str, User]) -> None:
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "viewer@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Alliance Radar password"
    link = re.search(r"http://testserver(/\S+)", message.body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    assert b"Choose a new password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "brand-new-secret-42", "new_password2": "brand-new-secret-42"},
    )
    assert done.status_code == 302
    signed_in = Client().post(
        reverse("login"), {"username": "viewer", "password": "brand-new-secret-42"}
    )
    assert signed_in.status_code == 302


def test_it_does_not_reveal_whether_an_address_has_an_account(db: None) -> None:
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_it_refuses_a_used_reset_link(users: dict[str, User]) -> None:
    response = Client().get(reverse("password_reset_confirm", args=["MQ", "bad-token"]))
    assert b"no longer valid" in response.content


def test_it_explains_a_refusal_in_plain_words(users: dict[str, User]) -> None:
    client = Client()
    client.force_login(users["norole"])
    response = client.get(reverse("dashboard"))
    assert response.status_code == 403
    assert b"Your role does not allow this" in response.content
