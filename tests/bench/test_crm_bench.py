"""bench/crm.py keeps working: its generated export imports as it says (no timing here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.common import PARTNERS
from bench.crm import generate
from radar.ingest.base import ImportOptions
from radar.ingest.crm import CrmImporter
from radar.portfolio.models import Alliance, Interaction, Partner

pytestmark = pytest.mark.django_db


def test_the_generated_export_imports(tmp_path: Path):
    for n in range(PARTNERS):
        partner = Partner.objects.create(name=f"Partner {n}", email_domains=f"partner{n}.example")
        Alliance.objects.create(name=f"Alliance {n}", partner=partner)
    path = tmp_path / "activities.csv"
    generate(path, 400)
    summary = CrmImporter().run(path, ImportOptions(today=date(2026, 1, 31)), lambda a, t: None)
    # One row in ten is a note (skipped), one in twenty another company (skipped).
    assert summary.created["interactions"] == Interaction.objects.count() == 340
    assert summary.skipped["rows", "notes or tasks, which are not interactions"] == 40
    assert Interaction.objects.filter(cancelled=True).exists()
    assert not CrmImporter().run(path, ImportOptions(), lambda a, t: None).changed
