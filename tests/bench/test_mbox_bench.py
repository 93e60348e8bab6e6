"""bench/mbox.py writes a mailbox the e-mail importer reads completely (tiny scale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mbox import PARTNERS, generate
from radar.ingest.base import ImportOptions
from radar.ingest.email import EmailImporter
from radar.portfolio.models import Alliance, Interaction, Partner


@pytest.mark.django_db
def test_the_generated_mbox_imports_with_replies_and_internal_mail(
    tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = ["ours.example"]  # type: ignore[attr-defined]
    for n in range(PARTNERS):
        partner = Partner.objects.create(name=f"P{n}", email_domains=f"partner{n}.example")
        Alliance.objects.create(name=f"A{n}", partner=partner)
    path = tmp_path / "box.mbox"
    generate(path, 300)
    summary = EmailImporter().run(path, ImportOptions(), lambda a, t: None)
    assert summary.warnings[0] == "300 messages read from box.mbox"
    assert summary.created["interactions"] == 270  # one in ten is internal
    assert Interaction.objects.exclude(reply_hours=None).count() > 50
    assert Interaction.objects.filter(direction="inbound").exists()
