"""Real calendars shipped with icalendar and recurring-ical-events, read in place."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed
from radar.ingest.ics import IcsImporter
from radar.portfolio.models import Contact, Interaction
from tests.ingest.ics.conftest import RunIcs, make_alliance, package_calendar

pytestmark = pytest.mark.django_db

MACHBAR_WINDOW = {"since": date(2019, 1, 1), "until": date(2019, 12, 31)}
MONTESSORI_UID = "7g6502aejkun96i5fenfu6hvc1@google.com"


@pytest.fixture
def machbar() -> int:
    # The Google group calendar is the only attendee these events have.
    return make_alliance("machBar", "group.calendar.google.com").pk


def test_google_export_series_record_their_exdate_as_called_off(run_ics: RunIcs, machbar: int):
    path = package_calendar("recurring_ical_events", "machbar_16_feb_2019.ics")
    run_ics(path, **MACHBAR_WINDOW)
    series = Interaction.objects.filter(external_id__startswith=MONTESSORI_UID)
    held = series.filter(cancelled=False).order_by("occurred_at")
    days = [m.occurred_at for m in held[:4]]
    # Weekly on Thursdays 08:30 Berlin from 28 Feb 2019, 7 March excluded (EXDATE);
    # summer time starts on 31 March, so UTC moves from 07:30 to 06:30.
    assert days == [
        datetime(2019, 2, 28, 7, 30, tzinfo=UTC),
        datetime(2019, 3, 14, 7, 30, tzinfo=UTC),
        datetime(2019, 3, 21, 7, 30, tzinfo=UTC),
        datetime(2019, 3, 28, 7, 30, tzinfo=UTC),
    ]
    assert held[4].occurred_at == datetime(2019, 4, 4, 6, 30, tzinfo=UTC)
    called_off = series.get(occurred_at=datetime(2019, 3, 7, 7, 30, tzinfo=UTC))
    assert called_off.cancelled and called_off.partner_attended == 0


def test_google_export_maps_attendance_and_rituals(run_ics: RunIcs, machbar: int):
    path = package_calendar("recurring_ical_events", "machbar_16_feb_2019.ics")
    summary = run_ics(path, **MACHBAR_WINDOW)
    assert summary.created["contacts"] == 1
    workshop = Interaction.objects.get(subject="Workshop DiReBio")
    assert workshop.ritual == "workshop"
    assert (workshop.partner_invited, workshop.partner_attended) == (1, 1)
    contact = Contact.objects.get()
    assert contact.side == "partner"
    assert contact.first_seen == Interaction.objects.order_by("occurred_at")[0].occurred_at
    # Events without the group calendar among their attendees are not alliance meetings.
    assert any("no partner among their attendees" in line for line in summary.skipped_lines())


def test_reimporting_a_google_export_changes_nothing(run_ics: RunIcs, machbar: int):
    path = package_calendar("recurring_ical_events", "daylight_saving_time.ics")
    first = run_ics(path, **MACHBAR_WINDOW)
    assert first.created["interactions"] > 10
    again = run_ics(path, **MACHBAR_WINDOW)
    assert not again.changed
    assert again.unchanged["interactions"] == first.created["interactions"]


def test_blackberry_invitation_counts_unanswered_invitees(run_ics: RunIcs, ours):
    make_alliance("XS4ALL", "xs4all.nl")
    path = package_calendar("icalendar", "property_params.ics")
    run_ics(path, since=date(2012, 8, 1), until=date(2012, 8, 31))
    meeting = Interaction.objects.get()
    # Two invitees at the partner, both NEEDS-ACTION: invited, attendance unknown.
    assert (meeting.partner_invited, meeting.partner_attended) == (2, 0)
    # The organiser (RADAR_OUR_DOMAINS is ours.example here, so daxlab is a third party).
    assert meeting.ours_invited == 0
    assert meeting.occurred_at.date() == date(2012, 8, 14)


def test_organiser_attends_and_a_swapped_end_leaves_duration_unknown(run_ics: RunIcs):
    make_alliance("YYY", "yyy.zzz")
    path = package_calendar("recurring_ical_events", "issue_132_swapped_start_and_end.ics")
    run_ics(path, since=date(2023, 12, 1), until=date(2023, 12, 31))
    meeting = Interaction.objects.get()
    assert (meeting.partner_invited, meeting.partner_attended) == (2, 1)
    assert meeting.duration_minutes is None
    assert meeting.occurred_at == datetime(2023, 12, 18, 22, 45, tzinfo=UTC)


def test_khal_rdate_periods_with_a_windows_zone_name(run_ics: RunIcs):
    make_alliance("XYZ", "xyz.com")
    path = package_calendar("icalendar", "issue_156_RDATE_with_PERIOD_TZID_khal.ics")
    run_ics(path, since=date(2018, 3, 1), until=date(2018, 4, 30))
    meeting = Interaction.objects.get()
    assert meeting.occurred_at == datetime(2018, 3, 27, 13, 0, tzinfo=UTC)  # 08:00 Chicago
    assert meeting.external_id.endswith("|20180327T130000Z")


@pytest.mark.parametrize(
    ("package", "name"),
    [
        ("icalendar", "broken_ical.ics"),
        ("icalendar", "parsing_error.ics"),
        ("icalendar", "fuzz_testcase_invalid_month.ics"),
        ("icalendar", "issue_104_broken_calendar.ics"),
        ("icalendar", "big_bad_calendar.ics"),
        ("icalendar", "issue_1050_multiple_calendars.ics"),
        ("recurring_ical_events", "bad_rrule_missing_until_event.ics"),
        ("recurring_ical_events", "issue_173_only_modifications_error.ics"),
        ("recurring_ical_events", "end_before_start_event.ics"),
        ("recurring_ical_events", "Germany.ics"),
    ],
)
def test_odd_real_files_never_crash(run_ics: RunIcs, tmp_path: Path, package: str, name: str):
    make_alliance("Anyone", "partner.example")
    original = package_calendar(package, name)
    assert IcsImporter().detect(original)
    # Most of these events have no attendees; give each one a partner attendee
    # (in a temporary copy) so every event goes through expansion and mapping.
    data = original.read_bytes()
    for newline in (b"\r\n", b"\n"):
        data = data.replace(
            b"BEGIN:VEVENT" + newline,
            b"BEGIN:VEVENT" + newline + b"ATTENDEE:mailto:pat@partner.example" + newline,
        )
    path = tmp_path / name
    path.write_bytes(data)
    try:
        summary = run_ics(path, since=date(2000, 1, 1), until=date(2030, 1, 1))
    except ImportFailed as failed:
        assert failed.problems and all(p.file == name for p in failed.problems)
        assert all(p.message for p in failed.problems)
        assert not Interaction.objects.exists()
        outcome = "refused"
    else:
        assert summary.kind == "ics"
        outcome = "imported"
    assert outcome == EXPECTED[name]


EXPECTED = {
    "broken_ical.ics": "refused",
    "parsing_error.ics": "refused",
    "fuzz_testcase_invalid_month.ics": "refused",
    "issue_104_broken_calendar.ics": "refused",
    "big_bad_calendar.ics": "refused",
    "issue_1050_multiple_calendars.ics": "refused",
    "bad_rrule_missing_until_event.ics": "refused",
    "issue_173_only_modifications_error.ics": "imported",
    "end_before_start_event.ics": "imported",
    "Germany.ics": "imported",
}


def test_all_day_outlook_holidays_are_read_in_the_calendar_zone(run_ics: RunIcs, tmp_path: Path):
    make_alliance("Anyone", "partner.example")
    data = package_calendar("recurring_ical_events", "Germany.ics").read_bytes()
    data = data.replace(
        b"BEGIN:VEVENT\r\n", b"BEGIN:VEVENT\r\nATTENDEE:mailto:a@partner.example\r\n"
    )
    path = tmp_path / "Germany.ics"
    path.write_bytes(data)
    summary = run_ics(path, since=date(2019, 1, 1), until=date(2019, 12, 31))
    days = {
        m.occurred_at.date()
        for m in Interaction.objects.filter(subject__icontains="New Year's Day")
    }
    assert summary.created["interactions"] > 10
    assert days == {date(2019, 1, 1)}


def test_broken_attendee_addresses_are_left_out(run_ics: RunIcs):
    make_alliance("Example", "example.com")
    path = package_calendar("recurring_ical_events", "subcomponents.ics")
    run_ics(path, since=date(2000, 1, 1), until=date(2030, 1, 1))
    # One ATTENDEE line of this file reads 'redacted@example.com":mailto:redacted@…'.
    emails = set(Contact.objects.values_list("email", flat=True))
    assert emails == {"redacted@example.com"}
    assert Interaction.objects.count() == 1
