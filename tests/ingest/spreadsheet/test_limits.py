"""Sheets too big or malformed are refused early, with a named problem."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.test import override_settings

from radar.ingest.base import ImportFailed
from radar.portfolio.models import CheckIn
from tests.ingest.spreadsheet.conftest import HEADINGS, RunSheet, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def problem_of(run_sheet: RunSheet, path: Path) -> str:
    with pytest.raises(ImportFailed) as failed:
        run_sheet(path)
    (problem,) = failed.value.problems
    assert not CheckIn.objects.exists()
    return str(problem)


def test_an_xlsx_whose_sheet_expands_a_thousand_times_is_refused(tmp_path, run_sheet, alliances):
    path = write_xlsx(tmp_path, [HEADINGS])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":  # one cell of 8 MiB
                cell = b'<c r="A2" t="inlineStr"><is><t>' + b"x" * (8 << 20) + b"</t></is></c>"
                data = data.replace(
                    b"</row></sheetData>", b'</row><row r="2">' + cell + b"</row></sheetData>"
                )
            out.writestr(item.filename, data)
    message = problem_of(run_sheet, bomb)
    assert message.startswith("bomb.xlsx, file: xl/worksheets/sheet1.xml would expand")


@override_settings(RADAR_IMPORT_MAX_ROWS=3)
def test_sheet_rows_are_capped(tmp_path: Path, run_sheet: RunSheet, alliances):
    rows = [HEADINGS] + [["Acme", f"2025-01-0{d}"] + [""] * 8 for d in range(1, 6)]
    assert problem_of(run_sheet, write_xlsx(tmp_path, rows)) == (
        "health.xlsx, file: more than 3 rows, the most one import may read"
    )
    assert problem_of(run_sheet, write_csv(tmp_path, rows)) == (
        "health.csv, file: more than 3 rows, the most one import may read"
    )


@override_settings(RADAR_IMPORT_MAX_CELL_BYTES=100)
def test_sheet_cells_are_capped(tmp_path: Path, run_sheet: RunSheet, alliances):
    rows = [HEADINGS, ["Acme", "2025-01-01", "", "", "", "", "x" * 101, "", "3", ""]]
    assert problem_of(run_sheet, write_xlsx(tmp_path, rows)) == (
        "health.xlsx, row 2: a line or cell is longer than 100 bytes, the most an import accepts"
    )


def test_an_unterminated_quote_is_named(tmp_path: Path, run_sheet: RunSheet, alliances):
    path = tmp_path / "health.csv"
    path.write_text(",".join(HEADINGS) + '\nAcme,2025-01-01,"never closed,,,,,,3,\nAcme,x\n')
    assert problem_of(run_sheet, path) == (
        'health.csv, row 2: a quoted cell is never closed (a " without its closing quote)'
    )
