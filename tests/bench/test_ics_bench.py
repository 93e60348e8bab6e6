"""bench/ics.py keeps working: its generated export imports cleanly (no timing here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest

from bench.ics import PARTNERS, generate
from radar.ingest.base import ImportOptions
from radar.ingest.ics import IcsImporter
from radar.portfolio.models import Alliance, Interaction, Partner

pytestmark = pytest.mark.django_db


def test_the_generated_export_imports(tmp_path: Path, settings):
    settings.RADAR_OUR_DOMAINS = ["ours.example"]
    for n in range(PARTNERS):
        partner = Partner.objects.create(name=f"P{n}", email_domains=f"partner{n}.example")
        Alliance.objects.create(name=f"A{n}", partner=partner)
    path = tmp_path / "bench.ics"
    generate(path, 300)
    events = [c for c in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
    assert len(events) == 300
    options = ImportOptions(since=date(2023, 1, 1), until=date(2026, 12, 31))
    summary = IcsImporter().run(path, options, lambda a, t: None)
    # One event in ten is internal; one in 25 is a weekly series of six with one EXDATE.
    assert summary.created["interactions"] == Interaction.objects.count() > 270
    assert Interaction.objects.filter(cancelled=True).exists()
    assert not IcsImporter().run(path, options, lambda a, t: None).changed
