"""Broken sheets: a named problem or a clean import, never a traceback or a half-write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, CheckIn, Partner
from tests.ingest.spreadsheet.conftest import HEADINGS, RunSheet, write_csv, write_xlsx

pytestmark = pytest.mark.django_db
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def ensure_acme() -> None:
    if not Alliance.objects.exists():
        partner = Partner.objects.create(name="Acme", email_domains="acme.example")
        Alliance.objects.create(name="Acme alliance", partner=partner)


def outcome(run_sheet: RunSheet, path: Path) -> str:
    try:
        run_sheet(path)
    except ImportFailed as failed:
        assert failed.problems and all(p.message for p in failed.problems)
        assert not CheckIn.objects.exists()
        return "refused"
    CheckIn.objects.all().delete()
    return "imported"


@SETTINGS
@given(day=st.text(max_size=15), score=st.text(max_size=4), metrics=st.text(max_size=30))
def test_garbage_cells(tmp_path: Path, run_sheet: RunSheet, day: str, score: str, metrics: str):
    ensure_acme()
    row = ["Acme", day, "", "", "", metrics, "", "", score, ""]
    assert outcome(run_sheet, write_csv(tmp_path, [HEADINGS, row])) in {"refused", "imported"}


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_as_csv_or_xlsx(tmp_path: Path, run_sheet: RunSheet, data: bytes):
    ensure_acme()
    for name in ("junk.csv", "junk.xlsx"):
        path = tmp_path / name
        path.write_bytes(data)
        assert outcome(run_sheet, path) == "refused"


def test_a_truncated_workbook_is_refused(tmp_path: Path, run_sheet: RunSheet):
    ensure_acme()
    good = write_xlsx(tmp_path, [HEADINGS, ["Acme", "2025-03-31"]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:400])
    with pytest.raises(ImportFailed) as caught:
        run_sheet(cut)
    assert caught.value.problems[0].message.startswith("not a readable Excel workbook")


def test_windows_1252_csv_is_read(tmp_path: Path, run_sheet: RunSheet):
    ensure_acme()
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "Partner;Date;Notes;Score\nAcme;2025-03-31;Réunion très calme;3\n".encode("cp1252")
    )
    run_sheet(path)
    assert CheckIn.objects.get().notes == "Réunion très calme"


def test_missing_headers_are_reported(tmp_path: Path, run_sheet: RunSheet):
    ensure_acme()
    with pytest.raises(ImportFailed) as caught:
        run_sheet(write_csv(tmp_path, [["Acme", "2025-03-31", "3"]]))
    assert caught.value.problems[0].location == "heading row"


@pytest.mark.parametrize("score", ["inf", "nan", "0", "4.5", "-3", "five"])
def test_scores_outside_one_to_five_are_refused(tmp_path: Path, run_sheet: RunSheet, score: str):
    ensure_acme()
    path = write_csv(tmp_path, [["Partner", "Date", "Score"], ["Acme", "2025-03-31", score]])
    with pytest.raises(ImportFailed) as caught:
        run_sheet(path)
    assert caught.value.problems[0].message == f"{score!r} is not a health score from 1 to 5"
