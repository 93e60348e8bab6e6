"""Dropping unread event lines before parsing must not change what is read."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from radar.ingest.ics import parallel, trim
from radar.ingest.ics.reader import _decode
from tests.ingest.ics.builders import GOOGLE_HEAD, OUTLOOK_HEAD, attendee, calendar, event

BERLIN = ZoneInfo("Europe/Berlin")

NOISY = calendar(
    OUTLOOK_HEAD,
    event(
        "noisy-1",
        "20250106T100000",
        "20250106T103000",
        "Acme QBR",
        "DESCRIPTION:Dial-in: +49 30 1234\\, code 99",
        " 88 (a folded continuation that must go with its line)",
        "X-ALT-DESC;FMTTYPE=text/html:<html><body>SUMMARY:not a summary</body>",
        " </html>",
        "ATTACH;FMTTYPE=application/pdf:https://example.com/deck.pdf",
        "dtstamp:20250101T000000Z",
        "LAST-MODIFIED:not a date at all",
        attendee("paul@acme.example", "TENTATIVE", "Paul, Partner"),
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Reminder",
        "TRIGGER:-PT15M",
        "END:VALARM",
        "STATUS:CONFIRMED",
        tz="W. Europe Standard Time",
    ),
    event(
        "noisy-2",
        "20250107T090000Z",
        "20250107T100000Z",
        "Canceled: sync",
        "CREATED:20240101T000000Z",
        "SEQUENCE:3",
        "RRULE:FREQ=DAILY;COUNT=2",
    ),
    event("broken", "not-a-date", "20250107T100000Z", "Broken start", "TRANSP:OPAQUE"),
)


def both(text: str) -> tuple[object, object]:
    return (
        parallel._parse_text(text, 0, BERLIN),
        parallel._parse_text(trim.unread_lines_dropped(text), 0, BERLIN),
    )


def test_it_drops_only_unread_event_properties():
    trimmed = trim.unread_lines_dropped(NOISY)
    for gone in ("Dial-in", " 88 (a folded", "<html>", "</html>", "ATTACH", "dtstamp",
                 "DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE", "TRANSP"):  # fmt: skip
        assert gone not in trimmed, gone
    for kept in ("DESCRIPTION:Reminder", "TRIGGER:-PT15M", "TZOFFSETFROM:+0200",
                 "METHOD:PUBLISH", "RRULE:FREQ=DAILY", 'CN="Paul, Partner"',
                 "DTSTART:not-a-date", "STATUS:CONFIRMED"):  # fmt: skip
        assert kept in trimmed, kept
    assert trimmed.count("BEGIN:") == NOISY.count("BEGIN:")
    assert trimmed.count("END:") == NOISY.count("END:")


def test_it_reads_the_same_events_and_errors():
    alone, trimmed = both(NOISY)
    assert alone is not None and alone == trimmed
    assert [p.error != "" for p in alone] == [False, False, True]  # type: ignore[union-attr]


def test_it_keeps_a_google_export_with_crlf_and_blank_lines_the_same():
    text = calendar(
        GOOGLE_HEAD,
        event(
            "g-1",
            "20250106T100000",
            "20250106T110000",
            "Sync",
            "DESCRIPTION:first",
            "",
            " continued after a blank line",
            attendee("paul@acme.example"),
        ),
    ).replace("\n", "\r\n")
    alone, trimmed = both(text)
    assert alone is not None and alone == trimmed
    assert "continued" not in trim.unread_lines_dropped(text)


def package_files() -> list[Path]:
    found = []
    for package, folder in (("icalendar", "tests/calendars"),
                            ("recurring_ical_events", "test/calendars")):  # fmt: skip
        root = Path(str(files(package) / folder))
        found += sorted(root.glob("*.ics"))
    return found


@pytest.mark.parametrize("path", package_files(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_it_reads_every_package_calendar_the_same(path: Path):
    text = _decode(path.read_bytes())
    try:
        alone, trimmed = both(text)
    except Exception as exc:  # the reader itself fails: it must fail the same way trimmed
        with pytest.raises(type(exc)):
            parallel._parse_text(trim.unread_lines_dropped(text), 0, BERLIN)
        return
    assert alone == trimmed
