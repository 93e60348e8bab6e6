"""Writing the demo: one transaction, the demo login, linked successors, a clean wipe."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory

from radar.demo import DEMO_PASSWORD, DEMO_USERNAME, portfolio_is_empty, seed_demo, wipe_portfolio
from radar.demo.writer import ensure_users
from radar.portfolio import models

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 23)


def snapshot() -> list[tuple]:
    return list(
        models.Interaction.objects.order_by("alliance__slug", "external_id").values_list(
            "alliance__slug", "external_id", "occurred_at", "reply_hours", "word_count", "tone"
        )
    )


def test_it_writes_exactly_what_it_reports_with_owners_and_successors():
    result = seed_demo(42, AS_OF)
    assert result.alliances == models.Alliance.objects.count() == 12
    assert result.interactions == models.Interaction.objects.count()
    assert result.counts["participants"] == models.InteractionParticipant.objects.count()
    assert result.counts["metric_values"] == models.MetricValue.objects.count()
    assert result.counts["actions"] == models.ActionItem.objects.count()
    assert models.Agreement.objects.count() == 12
    assert not portfolio_is_empty()
    owners = set(models.Alliance.objects.values_list("owner__username", flat=True))
    assert DEMO_USERNAME in owners and len(owners) == 4
    jonas = models.Contact.objects.get(name="Jonas Brandt")
    assert jonas.end_reason == "reassigned" and jonas.successor.name == "Kofi Mensah"
    assert jonas.successor.alliance_id == jonas.alliance_id
    claire = models.Contact.objects.get(name="Claire Dubois")
    assert claire.successor.name == "Samuel Adeyemi"


def test_it_is_the_same_data_after_a_wipe_and_a_reseed():
    seed_demo(42, AS_OF)
    first = snapshot()
    wipe_portfolio()
    assert portfolio_is_empty() and not models.Interaction.objects.exists()
    assert not models.ContextFactor.objects.exists()
    seed_demo(42, AS_OF)
    assert snapshot() == first


def test_it_creates_the_demo_login_and_owners_without_passwords():
    ensure_users()
    # A request, as every sign-in has one: the lockout check (django-axes) needs it.
    sign_in = RequestFactory().post("/accounts/login/")
    user = authenticate(sign_in, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    assert user is not None and user.is_staff and user.is_superuser
    others = get_user_model().objects.exclude(username=DEMO_USERNAME)
    assert others.count() == 3
    assert not any(u.has_usable_password() for u in others)


def test_it_keeps_an_existing_demo_password():
    user = get_user_model().objects.create_user(DEMO_USERNAME, password="changed-by-me")
    ensure_users()
    user.refresh_from_db()
    assert user.check_password("changed-by-me")


def test_it_writes_nothing_when_something_fails(monkeypatch):
    from radar.demo import writer

    def broken(batch, advance=None):
        models.Partner.objects.create(name="Half-written")
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "write_batch", broken)
    with pytest.raises(RuntimeError):
        seed_demo(42, AS_OF)
    assert not models.Partner.objects.exists()
    assert not get_user_model().objects.exists()
