"""javascript: and other non-web links are refused by the forms and the importer
(the API: tests/api/test_limits.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from radar.portfolio.models import Alliance, Observation, Partner
from tests.ingest.bundle.helpers import problems_of, write_bundle

pytestmark = pytest.mark.django_db
EVIL = "javascript:alert(document.cookie)"


def test_the_observation_form_refuses_a_javascript_link(
    manager_client: Client, alliance: Alliance
) -> None:
    page = reverse("add_observation", args=[alliance.slug])
    form = {"observed_on": "2026-10-01", "title": "Rival hiring", "polarity": "negative"}
    form |= {"kind": "other", "source": "internal", "url": EVIL}
    response = manager_client.post(page, form)
    assert response.status_code in (200, 400)
    assert not Observation.objects.exists()


def test_the_bundle_importer_refuses_a_javascript_link(tmp_path: Path) -> None:
    bundle = write_bundle(
        tmp_path / "b",
        {"partners.csv": f"name,website\nAcme Cloud,{EVIL}\n"},
    )
    problems = problems_of(bundle)
    assert any("http:// or https://" in p for p in problems), problems
    assert not Partner.objects.exists()
