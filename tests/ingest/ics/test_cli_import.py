"""`radar import` picks the calendar, sheet and CRM importers through the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from radar.cli import app
from radar.ingest import registry
from radar.portfolio.models import CheckIn, Interaction
from tests.ingest.ics.builders import OUTLOOK_HEAD, calendar, weekly_sync, write
from tests.ingest.ics.conftest import make_alliance

pytestmark = pytest.mark.django_db


def test_the_registry_knows_every_kind():
    kinds = {importer.kind for importer in registry.all_importers()}
    assert {"ics", "spreadsheet", "crm"} <= kinds


def test_radar_import_reads_a_calendar_with_a_window(tmp_path: Path, ours: list[str]):
    make_alliance("Acme", "acme.example")
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    args = ["import", str(path), "--since", "2025-01-01", "--until", "2025-01-31"]
    result = CliRunner().invoke(app, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Dry run" in result.output and not Interaction.objects.exists()
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert Interaction.objects.count() == 4  # the Mondays of January from the 6th


def test_radar_import_maps_sheet_columns(tmp_path: Path):
    make_alliance("Acme", "acme.example")
    path = tmp_path / "health.csv"
    path.write_text("Org,Reviewed,RAG\nAcme,03/04/2025,4\n")
    args = ["import", str(path), "--kind", "spreadsheet", "--dayfirst"]
    maps = ["--map", "Org=partner", "--map", "Reviewed=date", "--map", "RAG=score"]
    result = CliRunner().invoke(app, [*args, *maps])
    assert result.exit_code == 0, result.output
    assert CheckIn.objects.get().held_on.isoformat() == "2025-04-03"


def test_broken_files_give_problems_not_tracebacks(tmp_path: Path):
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\nthis is not a calendar\n")
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "broken.ics" in result.output and "nothing was written" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_bad_map_option_is_explained(tmp_path: Path):
    path = tmp_path / "health.csv"
    path.write_text("Partner,Score\nAcme,4\n")
    result = CliRunner().invoke(app, ["import", str(path), "--map", "Partner"])
    assert result.exit_code == 2


def test_the_registry_detects_each_kind_of_file(tmp_path: Path):
    from tests.ingest.crm.test_exports import SF_OPPS
    from tests.ingest.spreadsheet.conftest import HEADINGS
    from tests.ingest.spreadsheet.conftest import write_csv as write_sheet

    ics = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()), "export.ics")
    sheet = write_sheet(tmp_path, [HEADINGS, ["Acme", "2025-03-31"]], "health.csv")
    crm = write_sheet(tmp_path, SF_OPPS, "report1700000000000.csv")
    assert [registry.detect(p).kind for p in (ics, sheet, crm)] == ["ics", "spreadsheet", "crm"]
