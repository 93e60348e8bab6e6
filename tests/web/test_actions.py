"""The alliance page's action bar shows each role only what it may do."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils import timezone

from radar.portfolio.models import Alliance, CheckIn

pytestmark = pytest.mark.django_db


def bar(user: User, alliance: Alliance) -> str:
    # The page passes the latest check-in's id, read with the overview's facts.
    latest = alliance.checkins.order_by("-held_on", "-pk").values_list("pk", flat=True).first()
    context = {"user": user, "alliance": alliance, "latest_checkin": latest}
    return render_to_string("web/partials/alliance_actions.html", context)


def test_it_shows_managers_every_form(users: dict[str, User], alliance: Alliance) -> None:
    html = bar(users["manager"], alliance)
    for label in ("Monthly review", "Log interaction", "Add observation", "Record decision"):
        assert label in html


def test_it_shows_reviewers_only_the_latest_review(
    users: dict[str, User], alliance: Alliance
) -> None:
    assert bar(users["reviewer"], alliance).strip() == ""
    CheckIn.objects.create(alliance=alliance, held_on=timezone.localdate(), manual_score=3)
    html = bar(users["reviewer"], alliance)
    assert "Review the latest check-in" in html and "Log interaction" not in html


def test_it_shows_viewers_nothing(users: dict[str, User], alliance: Alliance) -> None:
    CheckIn.objects.create(alliance=alliance, held_on=timezone.localdate(), manual_score=3)
    assert bar(users["viewer"], alliance).strip() == ""
