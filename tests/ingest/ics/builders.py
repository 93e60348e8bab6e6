"""Small calendars written the way Outlook/Exchange and Google export them."""

from __future__ import annotations

from pathlib import Path

OUTLOOK_HEAD = """BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
X-MS-OLK-FORCEINSPECTOROPEN:TRUE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
"""

GOOGLE_HEAD = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:alliances@ours.example
X-WR-TIMEZONE:America/New_York
"""


def attendee(email: str, partstat: str = "ACCEPTED", name: str = "", **params: str) -> str:
    extra = "".join(f";{k.replace('_', '-').upper()}={v}" for k, v in params.items())
    cn = f';CN="{name}"' if name else ""
    return f"ATTENDEE{cn};ROLE=REQ-PARTICIPANT;PARTSTAT={partstat}{extra}:mailto:{email}"


def event(uid: str, start: str, end: str, summary: str, *lines: str, tz: str = "") -> str:
    """One VEVENT; `start`/`end` like 20250106T100000 (with `tz` a TZID, or Z)."""
    when = f";TZID={tz}" if tz else ""
    body = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250101T000000Z",
        f"DTSTART{when}:{start}",
        f"DTEND{when}:{end}",
        f"SUMMARY:{summary}",
        *lines,
        "END:VEVENT",
    ]
    return "\n".join(body) + "\n"


def calendar(head: str, *events: str) -> str:
    return head + "".join(events) + "END:VCALENDAR\n"


def write(tmp_path: Path, text: str, name: str = "calendar.ics") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def weekly_sync(*extra: str, exdates: str = "", partstat: str = "ACCEPTED") -> str:
    """Outlook: a weekly partner sync on Mondays 10:00 Berlin time, 6 times from 2025-01-06."""
    lines = [
        "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO",
        "ORGANIZER;CN=Olivia Ours:mailto:olivia@ours.example",
        attendee("olivia@ours.example", "ACCEPTED", "Olivia Ours"),
        attendee("paul@acme.example", partstat, "Paul Partner"),
        attendee("room.4@ours.example", "ACCEPTED", "Room 4", cutype="ROOM"),
    ]
    if exdates:
        lines.append(f"EXDATE;TZID=W. Europe Standard Time:{exdates}")
    return event(
        "040000008200E00074C5B7101A82E008000000001",
        "20250106T100000",
        "20250106T103000",
        "Acme weekly sync",
        *lines,
        *extra,
        tz="W. Europe Standard Time",
    )
