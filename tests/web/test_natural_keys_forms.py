"""The forms refuse a row that repeats another's key with a message, never a crash."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from radar.portfolio.models import Alliance, CheckIn, ContextFactor, Observation
from tests.web.test_review import answers, review_url

pytestmark = pytest.mark.django_db


def test_the_same_observation_twice_is_a_form_error(
    manager_client: Client, alliance: Alliance
) -> None:
    page = reverse("add_observation", args=[alliance.slug])
    form = {"observed_on": "2026-10-01", "title": "Rival hiring", "polarity": "negative"}
    form |= {"kind": "other", "source": "internal"}
    assert manager_client.post(page, form).status_code == 302
    again = manager_client.post(page, form)
    assert again.status_code in (200, 400)
    assert "already recorded" in again.content.decode()
    assert Observation.objects.count() == 1


def test_a_second_review_the_same_day_is_a_form_error(
    manager_client: Client, alliance: Alliance
) -> None:
    with_factor = answers(4, context_kind="downturn", context_note="Budgets frozen")
    assert manager_client.post(review_url(alliance), with_factor).status_code == 302
    again = manager_client.post(review_url(alliance), answers(3))
    assert "already has a review on that date" in again.content.decode()
    assert CheckIn.objects.count() == 1 and ContextFactor.objects.count() == 1


def test_a_portfolio_factor_twice_is_a_form_error(
    manager_client: Client, alliance: Alliance
) -> None:
    page = reverse("add_context_factor", args=[alliance.slug])
    form = {"kind": "downturn", "starts_on": "2026-10-01", "whole_portfolio": "on"}
    assert manager_client.post(page, form).status_code == 302
    again = manager_client.post(page, form)
    assert "portfolio already has a factor" in again.content.decode()
    assert ContextFactor.objects.get().alliance is None
