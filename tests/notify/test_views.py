"""The inbox, the unread count in the header, and the preferences page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from radar.notify.models import Notification, Preference
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


def note(user: User, title: str, **fields: Any) -> Notification:
    return Notification.objects.create(user=user, kind="systemic", title=title, **fields)


def test_the_header_counts_unread_notifications_of_the_user_only(
    users: dict[str, User], alliance: Any
) -> None:
    note(users["manager"], "Northwind Cloud turned systemic", link="/alliances/northwind-cloud/")
    note(users["manager"], "Old news", read_at="2026-01-01T00:00:00Z")
    note(users["viewer"], "Someone else's")
    page = client_for(users["manager"]).get(reverse("dashboard")).content.decode()
    assert 'aria-label="1 unread"' in page
    assert (
        'class="badge"' not in client_for(users["admin"]).get(reverse("dashboard")).content.decode()
    )


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(
    users: dict[str, User],
) -> None:
    client = client_for(users["manager"])
    unread = note(users["manager"], "Northwind Cloud turned systemic", link="/alliances/x/")
    inbox = client.get(reverse("notify_inbox")).content.decode()
    assert "Northwind Cloud turned systemic" in inbox and "1 unread" in inbox
    opened = client.post(reverse("notify_read", args=[unread.pk]), {"open": "1"})
    assert opened.status_code == 302 and opened["Location"] == "/alliances/x/"
    unread.refresh_from_db()
    assert unread.read_at is not None
    theirs = note(users["viewer"], "Not yours")
    assert client.post(reverse("notify_read", args=[theirs.pk])).status_code == 404


def test_an_outside_link_is_never_followed(users: dict[str, User]) -> None:
    odd = note(users["manager"], "Odd", link="https://elsewhere.example/")
    response = client_for(users["manager"]).post(
        reverse("notify_read", args=[odd.pk]), {"open": "1"}
    )
    assert response["Location"] == reverse("notify_inbox")


def test_mark_all_read(users: dict[str, User]) -> None:
    for n in range(3):
        note(users["manager"], f"Alert {n}")
    client_for(users["manager"]).post(reverse("notify_read_all"))
    assert not Notification.objects.filter(read_at__isnull=True, user=users["manager"]).exists()


def test_preferences_are_saved_and_the_admin_only_choice_is_for_admins(
    users: dict[str, User], alliance: Any
) -> None:
    client = client_for(users["manager"])
    page = client.get(reverse("notify_preferences")).content.decode()
    assert "every alliance" not in page
    form = {
        "alert_systemic": "on",
        "in_app": "on",
        "digest_day": "4",
        "muted": [str(alliance.pk)],
        "all_alliances": "on",  # ignored: not an admin
    }
    assert client.post(reverse("notify_preferences"), form).status_code == 302
    saved = Preference.objects.get(user=users["manager"])
    assert (saved.alert_systemic, saved.alert_drop, saved.by_email) == (True, False, False)
    assert saved.digest_day == 4 and list(saved.muted.all()) == [alliance]
    assert saved.all_alliances is False
    admin_page = client_for(users["admin"]).get(reverse("notify_preferences")).content.decode()
    assert "every alliance" in admin_page


def test_a_chat_webhook_must_be_one_apprise_understands(users: dict[str, User]) -> None:
    client = client_for(users["manager"])
    form = {"by_chat": "on", "chat_url": "not a webhook", "digest_day": "0"}
    response = client.post(reverse("notify_preferences"), form)
    assert response.status_code == 400 and "not a webhook address" in response.content.decode()
    form["chat_url"] = "https://hooks.slack.com/services/T000/B000/XXXXXXXX"
    assert client.post(reverse("notify_preferences"), form).status_code == 302
