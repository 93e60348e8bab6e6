"""Exports never hand a spreadsheet a formula; importing the export gives the text back."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from radar.ingest.base import ImportOptions
from radar.ingest.bundle import export_bundle, import_bundle
from radar.portfolio.models import Alliance, Interaction, Observation, Partner

pytestmark = pytest.mark.django_db

ATTACKS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","x")', "@SUM(1)", "-1+2"]


def _store() -> None:
    partner = Partner.objects.create(name="=Acme", email_domains="acme.example")
    alliance = Alliance.objects.create(name="+Acme co-sell", partner=partner)
    for n, subject in enumerate([*ATTACKS, "'=already quoted", "plain"]):
        Interaction.objects.create(
            alliance=alliance,
            kind="call",
            occurred_at=datetime(2024, 1, n + 1, tzinfo=UTC),
            subject=subject,
            source="api",
            external_id=f"x{n}",
        )
    Observation.objects.create(
        alliance=alliance, observed_on=datetime(2024, 2, 1).date(), title="=1+1", detail="\tx"
    )


def _cells(folder: Path, name: str) -> list[str]:
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_no_exported_text_cell_starts_like_a_formula(tmp_path: Path):
    _store()
    export_bundle(tmp_path)
    for name in ("partners.csv", "alliances.csv", "interactions.csv", "observations.csv"):
        for cell in _cells(tmp_path, name):
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
    assert "'=cmd|' /C calc'!A0" in _cells(tmp_path, "interactions.csv")
    assert "''=already quoted" in _cells(tmp_path, "interactions.csv")


@pytest.mark.parametrize("shape", ["folder", "json"])
def test_the_export_imports_to_the_same_text(tmp_path: Path, shape: str):
    _store()
    target = tmp_path / ("portfolio.json" if shape == "json" else "bundle")
    export_bundle(target, as_json=shape == "json")
    before = sorted(Interaction.objects.values_list("subject", flat=True))
    assert not import_bundle(target, ImportOptions()).changed  # the store already holds it
    Interaction.objects.all().delete()
    Observation.objects.all().delete()
    Alliance.objects.all().delete()
    Partner.objects.all().delete()
    import_bundle(target, ImportOptions())
    assert sorted(Interaction.objects.values_list("subject", flat=True)) == before
    assert Partner.objects.get().name == "=Acme"
    assert Observation.objects.get().detail == "\tx"
