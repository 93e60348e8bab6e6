"""What errors echo from an imported file is safe to show in a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed, ImportOptions, Problem
from radar.ingest.ics import IcsImporter
from radar.ingest.shown import shown


def test_control_and_direction_characters_are_escaped():
    assert shown("a\x1b[31mred\x07\u202egnp.exe\tok") == "a\\x1b[31mred\\x07\\u202egnp.exe\tok"
    assert shown("line\nbreak\x9b") == "line\\x0abreak\\x9b"
    assert shown("Jürgen Weiß — 東京") == "Jürgen Weiß — 東京"


def test_long_text_is_cut():
    assert shown("x" * 10_000) == "x" * 499 + "…"


def test_problems_are_made_safe_when_made():
    problem = Problem("f\x1b.ics", "file", "bad \x1b]0;pwned\x07 title")
    assert str(problem) == "f\\x1b.ics, file: bad \\x1b]0;pwned\\x07 title"


@pytest.mark.django_db
def test_random_bytes_in_a_calendar_are_not_echoed_raw(tmp_path: Path):
    path = tmp_path / "cal.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + bytes(range(256)) * 4 + b"\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(ImportFailed) as failed:
        IcsImporter().run(path, ImportOptions(), lambda a, t: None)
    for problem in failed.value.problems:
        unsafe = [
            c for c in str(problem) if (ord(c) < 0x20 and c != "\t") or 0x7F <= ord(c) <= 0x9F
        ]
        assert unsafe == []
        assert len(problem.message) <= 500
