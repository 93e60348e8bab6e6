"""`radar import` and `radar export` from the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from radar.cli import app
from radar.portfolio.models import Interaction, Partner
from tests.ingest.bundle.helpers import write_bundle
from tests.ingest.bundle.portfolio import build_portfolio, dump, wipe

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = {
    "interactions.csv": "alliance,kind,occurred_at,external_id\n"
    "Acme co-sell,call,2024-01-01,c1\nAcme co-sell,email,2024-01-02,e1\n"
}


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_it_imports_a_bundle_and_prints_a_summary(tmp_path: Path):
    bundle = write_bundle(tmp_path, GOOD)
    result = invoke("import", str(bundle))
    assert result.exit_code == 0, result.output
    assert "interactions" in result.output and "Import complete." in result.output
    assert Interaction.objects.count() == 2

    again = invoke("import", str(bundle))
    assert again.exit_code == 0 and "Nothing changed" in again.output


def test_dry_run_writes_nothing(tmp_path: Path):
    result = invoke("import", str(write_bundle(tmp_path, GOOD)), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was written" in result.output
    assert not Partner.objects.exists()


def test_problems_are_listed_in_red_grouped_and_capped_without_a_traceback(tmp_path: Path):
    rows = "".join(f"Acme co-sell,call,2024-02-{30 + i % 2},x{i}\n" for i in range(60))
    bundle = write_bundle(
        tmp_path,
        {
            "interactions.csv": "alliance,kind,occurred_at,external_id\n" + rows,
            "deliverables.csv": "alliance,title,due_on,side\nNope,T,2024-01-01,ours\n",
        },
    )
    result = invoke("import", str(bundle))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "61 problem(s); nothing was written" in result.output
    assert "interactions.csv\n" in result.output
    assert "  1. row 2, column 'occurred_at'" in result.output
    assert "… and 11 more." in result.output
    assert not Interaction.objects.exists()


def test_a_missing_path_is_a_clear_error(tmp_path: Path):
    result = invoke("import", str(tmp_path / "nope.zip"))
    assert result.exit_code == 2
    assert "No such file or folder" in result.output


def test_an_unknown_kind_is_a_clear_error(tmp_path: Path):
    result = invoke("import", str(write_bundle(tmp_path, GOOD)), "--kind", "fax")
    assert result.exit_code == 2 and "unknown import kind 'fax'" in result.output


def test_export_zip_then_import_restores_the_portfolio(tmp_path: Path):
    build_portfolio()
    before = dump()
    target = tmp_path / "backup.zip"
    result = invoke("export", str(target), "--zip")
    assert result.exit_code == 0, result.output
    assert "manifest.json" in zipfile.ZipFile(target).namelist()
    wipe()
    result = invoke("import", str(target))
    assert result.exit_code == 0, result.output
    assert dump() == before


def test_export_json_by_suffix(tmp_path: Path):
    build_portfolio()
    result = invoke("export", str(tmp_path / "p.json"))
    assert result.exit_code == 0, result.output
    assert '"format_version": "1"' in (tmp_path / "p.json").read_text()
