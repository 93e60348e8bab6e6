"""icalendar's parser asked once per distinct line (ics.repeated) must read the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from bench.ics import PARTNERS, generate
from radar.ingest.ics import parallel, repeated, source, trim
from radar.ingest.ics.reader import _decode
from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant, Partner
from tests.ingest.ics.builders import (
    GOOGLE_HEAD,
    OUTLOOK_HEAD,
    attendee,
    calendar,
    event,
    weekly_sync,
    write,
)
from tests.ingest.ics.conftest import RunIcs
from tests.ingest.ics.test_generated_calendars import CANCELLED, MOVED
from tests.ingest.ics.test_trim import NOISY, package_files

BERLIN = ZoneInfo("Europe/Berlin")
PAUL = attendee("paul@acme.example", "TENTATIVE", "Paul, Partner")

# Repeated lines everywhere, including repeated broken ones and a TZID used
# before and after its VTIMEZONE.
SERIES_LIKE = [
    event(
        f"r-{n}",
        "20250106T100000",
        "20250106T110000",
        "Weekly sync",
        PAUL,
        "STATUS:CONFIRMED",
        "LAST-MODIFIED:not a date",
        "DTSTART:broken too",
        attendee("room@ours.example", cutype="ROOM"),
        tz="Europe/Berlin",
    )
    for n in range(3)
]
CUSTOM_ZONE = (
    "BEGIN:VTIMEZONE\nTZID:Custom Zone\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
    "TZOFFSETFROM:+0500\nTZOFFSETTO:+0500\nEND:STANDARD\nEND:VTIMEZONE\n"
)
REPEATING = calendar(
    GOOGLE_HEAD,
    *SERIES_LIKE,
    event("early", "20250107T100000", "20250107T110000", "Early", PAUL, tz="Custom Zone"),
    CUSTOM_ZONE,
    event("late", "20250107T100000", "20250107T110000", "Late", PAUL, tz="Custom Zone"),
    event("late", "20250107T100000", "20250107T110000", "Late", PAUL, PAUL, tz="Custom Zone"),
)


def both_parsers(text: str) -> tuple[icalendar.Component, icalendar.Component]:
    return icalendar.Calendar.from_ical(text), repeated.calendar_from_ical(text)


def errors(cal: icalendar.Component) -> list[object]:
    return [c.errors for c in cal.walk()]


@pytest.mark.parametrize("text", [REPEATING, NOISY, calendar(OUTLOOK_HEAD, weekly_sync(), MOVED)])
def test_it_parses_to_equal_components_with_the_same_errors(text: str):
    plain, shared = both_parsers(text)
    assert plain == shared
    assert errors(plain) == errors(shared)


def test_a_repeated_broken_line_is_reported_on_every_event():
    events = repeated.calendar_from_ical(REPEATING).walk("VEVENT")
    assert [len(e.errors) for e in events[:3]] == [2, 2, 2]
    assert events[0]["ATTENDEE"][0] is events[1]["ATTENDEE"][0]  # a repeated line, parsed once


def test_it_reads_the_same_events():
    for text in (REPEATING, NOISY):
        plain = parallel._parse_text(text, 0, BERLIN, icalendar.Calendar.from_ical)
        assert plain is not None and plain == parallel._parse_text(text, 0, BERLIN)


@pytest.mark.parametrize("path", package_files(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_package_calendar_parses_the_same(path: Path):
    text = _decode(path.read_bytes())
    try:
        plain = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:
        with pytest.raises(type(exc)):
            repeated.calendar_from_ical(text)
        return
    if len(plain) != 1:
        with pytest.raises(ValueError):
            repeated.calendar_from_ical(text)
        return
    shared = repeated.calendar_from_ical(text)
    assert plain[0] == shared and errors(plain[0]) == errors(shared)
    for variant in (text, trim.unread_lines_dropped(text)):
        try:
            read = parallel._parse_text(variant, 0, BERLIN, icalendar.Calendar.from_ical)
        except Exception as exc:  # the reader itself fails: it must fail the same way
            with pytest.raises(type(exc)):
                parallel._parse_text(variant, 0, BERLIN)
            continue
        assert read == parallel._parse_text(variant, 0, BERLIN)


def stored() -> list[tuple[object, ...]]:
    """Every stored row the import writes, in the order it was written."""
    interactions = Interaction.objects.order_by("id").values_list(
        "alliance__name", "source", "external_id", "occurred_at", "subject", "cancelled",
        "partner_invited", "partner_attended", "ours_invited", "ours_attended", "ritual",
        "duration_minutes", "kind", "direction",
    )  # fmt: skip
    participants = InteractionParticipant.objects.order_by("id").values_list(
        "interaction__external_id", "contact__email", "invited", "attended", "response"
    )
    contacts = Contact.objects.order_by("id").values_list(
        "alliance__name", "email", "name", "side", "first_seen", "last_seen"
    )
    return [*interactions, *participants, *contacts]


@pytest.mark.django_db
def test_the_workers_store_the_same_rows_with_and_without_it(
    tmp_path: Path, run_ics: RunIcs, ours: list[str], monkeypatch: pytest.MonkeyPatch
):
    for n in range(PARTNERS):
        partner = Partner.objects.create(name=f"P{n}", email_domains=f"partner{n}.example")
        Alliance.objects.create(name=f"A{n}", partner=partner)
    acme = Partner.objects.create(name="Acme", email_domains="acme.example")
    Alliance.objects.create(name="Acme", partner=acme)
    # The benchmark's export (X-WR-TIMEZONE, floating and TZID times, weekly
    # series with EXDATEs, cancellations, descriptions) with an Outlook series
    # and its RECURRENCE-ID overrides (a moved and a cancelled occurrence).
    generate(tmp_path / "bench.ics", 400, descriptions=True)
    text = (tmp_path / "bench.ics").read_text().replace("\r\n", "\n")
    zone = OUTLOOK_HEAD[OUTLOOK_HEAD.index("BEGIN:VTIMEZONE") :]
    text = text.replace("BEGIN:VEVENT", zone + "BEGIN:VEVENT", 1)
    text = text.replace("END:VCALENDAR", weekly_sync(exdates="20250120T100000") + MOVED
                        + CANCELLED + "END:VCALENDAR")  # fmt: skip
    path = write(tmp_path, text)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_EVENTS", 1)
    monkeypatch.setattr(source.os, "cpu_count", lambda: 2)
    options = {"since": date(2023, 1, 1), "until": date(2026, 12, 31)}
    runs = []
    for parse in (icalendar.Calendar.from_ical, repeated.calendar_from_ical):
        monkeypatch.setattr(parallel._parse_text, "__defaults__", (parse,))
        Interaction.objects.all().delete()
        Contact.objects.all().delete()
        summary = run_ics(path, **options)
        runs.append((stored(), summary.created, summary.warnings))
    assert runs[0] == runs[1]
    rows = runs[1][0]
    assert len([r for r in rows if len(r) == 14]) > 400
    assert any(r[5] for r in rows if len(r) == 14)  # cancelled meetings among them
    assert any("|" in str(r[2]) for r in rows if len(r) == 14 and r[0] == "Acme")
