"""Garbage in: a clear problem or a clean import, never a traceback, never a half-write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.ingest.base import ImportFailed
from radar.ingest.ics import IcsImporter
from radar.ingest.ics.rituals import RitualRules
from radar.portfolio.models import Alliance, Interaction
from tests.ingest.ics.builders import OUTLOOK_HEAD, attendee, calendar, event, weekly_sync, write
from tests.ingest.ics.conftest import RunIcs, make_alliance

pytestmark = pytest.mark.django_db
WINDOW = {"since": date(2025, 1, 1), "until": date(2025, 3, 31)}
GOOD = calendar(OUTLOOK_HEAD, weekly_sync())


def attempt(run_ics: RunIcs, path: Path) -> str:
    try:
        run_ics(path, **WINDOW)
    except ImportFailed as failed:
        assert failed.problems and all(p.file == path.name and p.message for p in failed.problems)
        assert not Interaction.objects.exists()
        return "refused"
    return "imported"


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.integers(min_value=0, max_value=len(GOOD)), junk=st.binary(max_size=40))
def test_truncated_or_corrupted_calendars_never_crash(
    tmp_path: Path, run_ics: RunIcs, cut: int, junk: bytes
):
    if not Alliance.objects.exists():
        make_alliance("Acme", "acme.example")
    Interaction.objects.all().delete()
    path = tmp_path / "cut.ics"
    path.write_bytes(GOOD[:cut].encode() + junk)
    assert attempt(run_ics, path) in {"refused", "imported"}


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(start=st.text(max_size=20), status=st.text(max_size=12))
def test_malformed_dates_are_named_problems(
    tmp_path: Path, run_ics: RunIcs, start: str, status: str
):
    if not Alliance.objects.exists():
        make_alliance("Acme", "acme.example")
    clean = "".join(ch for ch in start if ch.isprintable() and ch not in ";:")
    bad = event("odd-1", clean, "20250110T110000Z", "Acme sync", attendee("p@acme.example"))
    bad = bad.replace("SUMMARY", f"STATUS:{''.join(c for c in status if c.isalnum())}\nSUMMARY")
    path = write(tmp_path, calendar(OUTLOOK_HEAD, bad), "odd.ics")
    outcome = attempt(run_ics, path)
    Interaction.objects.all().delete()
    assert outcome in {"refused", "imported"}


def test_windows_1252_titles_are_read(tmp_path: Path, run_ics: RunIcs):
    make_alliance("Acme", "acme.example")
    text = calendar(
        OUTLOOK_HEAD,
        event(
            "w-1",
            "20250110T100000Z",
            "20250110T110000Z",
            "Café réunion",
            attendee("p@acme.example"),
        ),
    )
    path = tmp_path / "cp1252.ics"
    path.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    run_ics(path, **WINDOW)
    assert Interaction.objects.get().subject == "Café réunion"


def test_reused_uids_on_unrelated_events_are_kept_apart(tmp_path: Path, run_ics: RunIcs):
    make_alliance("Acme", "acme.example")
    one = event("same", "20250110T100000Z", "20250110T110000Z", "A", attendee("p@acme.example"))
    two = event("same", "20250117T100000Z", "20250117T110000Z", "B", attendee("p@acme.example"))
    path = write(tmp_path, calendar(OUTLOOK_HEAD, one, two))
    run_ics(path, **WINDOW)
    assert sorted(Interaction.objects.values_list("subject", flat=True)) == ["A", "B"]
    assert not run_ics(path, **WINDOW).changed


def test_an_empty_file_is_refused_with_a_reason(tmp_path: Path, run_ics: RunIcs):
    path = tmp_path / "empty.ics"
    path.write_bytes(b"")
    with pytest.raises(ImportFailed) as caught:
        run_ics(path, **WINDOW)
    assert str(caught.value.problems[0]) == (
        "empty.ics, file: no calendar found (the file is empty or truncated)"
    )


def test_detection_by_suffix_or_content(tmp_path: Path):
    importer = IcsImporter()
    named = write(tmp_path, GOOD, "export.ICS")
    unnamed = write(tmp_path, GOOD, "download")
    other = tmp_path / "sheet.csv"
    other.write_text("Partner,Health score\nAcme,4\n")
    assert importer.detect(named) and importer.detect(unnamed)
    assert not importer.detect(other) and not importer.detect(tmp_path)


@pytest.mark.parametrize(
    ("title", "ritual"),
    [
        ("Acme / Us QBR", "qbr"),
        ("Quarterly Business Review Q3", "qbr"),
        ("Joint Steering Committee", "steering_committee"),
        ("SteerCo monthly", "steering_committee"),
        ("Operating committee", "operating_committee"),
        ("Integration working group", "working_group"),
        ("Weekly sync", "check_in"),
        ("Partner check-in", "check_in"),
        ("Annual off-site", "off_site"),
        ("Design workshop", "workshop"),
        ("Lunch", "none"),
    ],
)
def test_rituals_come_from_titles(title: str, ritual: str):
    assert RitualRules().ritual_of(title) == ritual


def test_ritual_patterns_are_configurable(settings):
    settings.RADAR_RITUAL_PATTERNS = '{"steering_committee": "board of partners"}'
    rules = RitualRules.from_settings()
    assert rules.ritual_of("Board of Partners, March") == "steering_committee"
    assert rules.ritual_of("QBR") == "qbr"


def test_bad_ritual_patterns_are_a_clear_problem(tmp_path: Path, run_ics: RunIcs, settings):
    settings.RADAR_RITUAL_PATTERNS = '{"not_a_ritual": "x"}'
    with pytest.raises(ImportFailed) as caught:
        run_ics(write(tmp_path, GOOD), **WINDOW)
    assert caught.value.problems[0].location == "setting RADAR_RITUAL_PATTERNS"
