"""Single events skip recurring-ical-events; the result must be what the expander gives."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from radar.ingest.ics import reader
from radar.ingest.ics.reader import Occurrence, expand, uid_of
from radar.portfolio.models import Interaction, InteractionParticipant
from tests.ingest.ics.builders import GOOGLE_HEAD, OUTLOOK_HEAD, attendee, calendar, event, write
from tests.ingest.ics.conftest import RunIcs, make_alliance, package_calendar

pytestmark = pytest.mark.django_db

SINCE, UNTIL = datetime(1990, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC)
WINDOWS_ZONE = "W. Europe Standard Time"
PARTNER = attendee("paul@acme.example", "TENTATIVE", "Paul")
SINGLES = [
    # Floating times in Google's X-WR-TIMEZONE, an all-day date, DURATION instead of DTEND,
    # an Outlook "Canceled:" title, a UTC time, STATUS:CANCELLED.
    event("f-1", "20250310T090000", "20250310T100000", "QBR", PARTNER),
    "BEGIN:VEVENT\nUID:d-1\nDTSTART;VALUE=DATE:20250402\nSUMMARY:Off-site\n"
    f"DURATION:P1D\n{PARTNER}\nEND:VEVENT\n",
    event("c-1", "20250311T140000", "20250311T143000", "Canceled: Acme check-in", PARTNER),
    event("u-1", "20250313T100000Z", "20250313T110000Z", "Sync", PARTNER, "STATUS:CANCELLED"),
]
# Outlook's Windows zone names come with their VTIMEZONE (OUTLOOK_HEAD has it). Without
# one, icalendar resolves the name from a process-wide cache, and the two paths may differ.
WINDOWS = event("w-1", "20250312T100000", "20250312T110000", "Steerco", PARTNER, tz=WINDOWS_ZONE)


def occurrences_both_ways(text: str | bytes) -> list[tuple[list[Occurrence], list[Occurrence]]]:
    """Per single event: (the fast path, recurring-ical-events over the same event)."""
    cal = icalendar.Calendar.from_ical(text)
    name = str(cal.get("X-WR-TIMEZONE", "")).strip()
    zone = ZoneInfo(name) if name else ZoneInfo("Europe/Berlin")
    timezones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    pairs = []
    for component in cal.walk("VEVENT"):
        if reader.is_series([component]) or "DTSTART" not in component:
            continue
        fast = list(expand(cal, [component], SINCE, UNTIL, zone, timezones))
        sub = icalendar.Calendar()
        if "X-WR-TIMEZONE" in cal:
            sub.add("X-WR-TIMEZONE", cal["X-WR-TIMEZONE"])
        for part in [*timezones, component]:
            sub.add_component(part)
        uid = uid_of(component)
        expanded = [
            reader._occurrence(e, uid, False, zone)
            for e in recurring_ical_events.of(sub).between(SINCE, UNTIL)
        ]
        pairs.append((fast, expanded))
    return pairs


@pytest.mark.parametrize(
    "text",
    [calendar(GOOGLE_HEAD, *SINGLES), calendar(OUTLOOK_HEAD, *SINGLES, WINDOWS)],
    ids=["google", "outlook"],
)
def test_it_reads_single_events_as_the_expander_does(text: str):
    pairs = occurrences_both_ways(text.replace("\n", "\r\n"))
    assert len(pairs) == text.count("BEGIN:VEVENT") >= len(SINGLES)
    for fast, expanded in pairs:
        assert len(fast) == 1 and fast == expanded


@pytest.mark.parametrize(
    "package,name",
    [
        ("recurring_ical_events", "machbar_16_feb_2019.ics"),
        ("recurring_ical_events", "daylight_saving_time.ics"),
        ("icalendar", "example.ics"),
    ],
)
def test_it_agrees_with_the_expander_on_real_calendars(package: str, name: str):
    pairs = occurrences_both_ways(package_calendar(package, name).read_bytes())
    assert pairs, "no single events in the calendar"
    for fast, expanded in pairs:
        assert fast == expanded


def _stored() -> list[tuple[object, ...]]:
    rows = Interaction.objects.values_list(
        "external_id", "occurred_at", "subject", "cancelled", "ritual", "duration_minutes",
        "partner_invited", "partner_attended", "ours_invited", "ours_attended",
    )  # fmt: skip
    people = InteractionParticipant.objects.values_list(
        "interaction__external_id", "contact__email", "attended", "response"
    )
    # The expander keys an occurrence "UID|start"; a single event is keyed by its UID.
    return sorted((r[0].partition("|")[0], *r[1:]) for r in rows) + sorted(
        (p[0].partition("|")[0], *p[1:]) for p in people
    )


def test_it_stores_the_same_interactions_with_and_without_the_fast_path(
    tmp_path: Path, run_ics: RunIcs, ours: list[str], monkeypatch: pytest.MonkeyPatch
):
    make_alliance("Acme", "acme.example")
    path = write(tmp_path, calendar(GOOGLE_HEAD, *SINGLES))
    window = {"since": date(2025, 1, 1), "until": date(2025, 12, 31)}
    run_ics(path, **window)
    fast = _stored()
    Interaction.objects.all().delete()
    monkeypatch.setattr(reader, "is_series", lambda events: True)  # everything expanded
    run_ics(path, **window)
    assert Interaction.objects.filter(external_id__contains="|").count() == len(SINGLES)
    assert _stored() == fast and len(fast) > len(SINGLES)
