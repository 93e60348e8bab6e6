"""Calendars modelled on Outlook and Google exports: series, overrides, attendance."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant
from tests.ingest.ics.builders import (
    GOOGLE_HEAD,
    OUTLOOK_HEAD,
    attendee,
    calendar,
    event,
    weekly_sync,
    write,
)
from tests.ingest.ics.conftest import RunIcs, make_alliance

pytestmark = pytest.mark.django_db

UID = "040000008200E00074C5B7101A82E008000000001"
WINDOW = {"since": date(2025, 1, 1), "until": date(2025, 3, 31)}

MOVED = event(
    UID,
    "20250115T150000",
    "20250115T160000",
    "Acme weekly sync (moved)",
    "RECURRENCE-ID;TZID=W. Europe Standard Time:20250113T100000",
    "ORGANIZER:mailto:olivia@ours.example",
    attendee("olivia@ours.example"),
    attendee("paul@acme.example", "DECLINED"),
    attendee("petra@eu.acme.example", "TENTATIVE", "Petra"),
    tz="W. Europe Standard Time",
)
CANCELLED = event(
    UID,
    "20250127T100000",
    "20250127T103000",
    "Acme weekly sync",
    "RECURRENCE-ID;TZID=W. Europe Standard Time:20250127T100000",
    "STATUS:CANCELLED",
    "ORGANIZER:mailto:olivia@ours.example",
    attendee("olivia@ours.example"),
    attendee("paul@acme.example"),
    tz="W. Europe Standard Time",
)


@pytest.fixture
def acme(ours: list[str]) -> int:
    return make_alliance("Acme", "acme.example").pk


def meetings() -> list[Interaction]:
    return list(Interaction.objects.order_by("occurred_at"))


def test_it_expands_an_outlook_series_with_an_exdate(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(exdates="20250120T100000")))
    summary = run_ics(path, **WINDOW)
    starts = [m.occurred_at for m in meetings()]
    # Six Mondays from 6 January; 10:00 Berlin is 09:00 UTC. The 20th, taken
    # out by the EXDATE, is a meeting that was called off.
    assert [s.day for s in starts] == [6, 13, 20, 27, 3, 10]
    assert [m.occurred_at.day for m in meetings() if m.cancelled] == [20]
    assert starts[0] == datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    assert summary.created["interactions"] == 6


def test_it_keeps_every_occurrence_in_the_window(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(exdates="20250120T100000")))
    run_ics(path, **WINDOW)
    days = [m.occurred_at.date() for m in meetings() if not m.cancelled]
    assert days == [
        date(2025, 1, 6),
        date(2025, 1, 13),
        date(2025, 1, 27),
        date(2025, 2, 3),
        date(2025, 2, 10),
    ]
    assert all(m.ritual == "check_in" and m.kind == "meeting" for m in meetings())
    assert all(m.duration_minutes == 30 for m in meetings())


def test_it_applies_overrides_and_cancellations(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(), MOVED, CANCELLED))
    run_ics(path, **WINDOW)
    by_day = {m.occurred_at.date(): m for m in meetings()}
    moved = by_day[date(2025, 1, 15)]
    assert date(2025, 1, 13) not in by_day
    assert moved.occurred_at == datetime(2025, 1, 15, 14, 0, tzinfo=UTC)
    assert moved.external_id == f"{UID}|20250113T090000Z"
    # Paul declined, Petra (a sub-domain of acme.example) is only tentative: "maybe"
    # is not a confirmation, so nobody from the partner is counted as coming.
    assert (moved.partner_invited, moved.partner_attended) == (2, 0)
    assert (moved.ours_invited, moved.ours_attended) == (1, 1)
    cancelled = by_day[date(2025, 1, 27)]
    assert cancelled.cancelled and cancelled.partner_attended == 0
    assert cancelled.partner_invited == 1


def test_it_records_participants_and_leaves_rooms_out(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(partstat="NEEDS-ACTION")))
    run_ics(path, **WINDOW)
    first = meetings()[0]
    rows = {p.contact.email: p for p in InteractionParticipant.objects.filter(interaction=first)}
    assert set(rows) == {"olivia@ours.example", "paul@acme.example"}
    assert rows["paul@acme.example"].attended is False
    assert rows["paul@acme.example"].response == "NEEDS-ACTION"
    assert (first.partner_invited, first.partner_attended) == (1, 0)
    paul = Contact.objects.get(email="paul@acme.example")
    assert paul.side == "partner" and paul.name == "Paul Partner"
    # Invited to every meeting but never confirmed one: never seen.
    assert (paul.first_seen, paul.last_seen) == (None, None)
    olivia = Contact.objects.get(email="olivia@ours.example")  # the organiser attends
    assert olivia.first_seen == datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    assert olivia.last_seen == datetime(2025, 2, 10, 9, 0, tzinfo=UTC)


def test_reimporting_changes_nothing(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(), MOVED, CANCELLED))
    run_ics(path, **WINDOW)
    before = list(Interaction.objects.values().order_by("id"))
    again = run_ics(path, **WINDOW)
    assert not again.changed
    assert again.unchanged["interactions"] == 6
    assert list(Interaction.objects.values().order_by("id")) == before


def test_a_newer_export_updates_in_place(tmp_path: Path, run_ics: RunIcs, acme: int):
    run_ics(write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync())), **WINDOW)
    ids = {m.external_id: m.pk for m in meetings()}
    newer = calendar(OUTLOOK_HEAD, weekly_sync(exdates="20250203T100000"), CANCELLED)
    summary = run_ics(write(tmp_path, newer, "newer.ics"), **WINDOW)
    assert summary.updated["interactions"] == 2
    assert summary.created["interactions"] == 0
    after = {m.external_id: m for m in meetings()}
    assert {k: m.pk for k, m in after.items()} == ids
    # The occurrence that vanished (EXDATE added) and the one marked cancelled.
    assert after[f"{UID}|20250203T090000Z"].cancelled
    assert after[f"{UID}|20250127T090000Z"].cancelled
    assert not after[f"{UID}|20250106T090000Z"].cancelled


def test_a_dry_run_counts_but_writes_nothing(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    summary = run_ics(path, dry_run=True, **WINDOW)
    assert summary.dry_run and summary.created["interactions"] == 6
    assert summary.created["contacts"] == 2
    assert not Interaction.objects.exists() and not Contact.objects.exists()


def test_meetings_without_the_partner_are_skipped(tmp_path: Path, run_ics: RunIcs, acme: int):
    internal = event(
        "internal-1",
        "20250110T100000Z",
        "20250110T110000Z",
        "Team QBR prep",
        attendee("olivia@ours.example"),
        attendee("vendor@elsewhere.example"),
    )
    summary = run_ics(write(tmp_path, calendar(GOOGLE_HEAD, internal)), **WINDOW)
    assert not Interaction.objects.exists()
    assert any(
        line.startswith("1 calendar entry skipped: no partner among")
        for line in summary.skipped_lines()
    )


def test_google_floating_times_use_x_wr_timezone(tmp_path: Path, run_ics: RunIcs, acme: int):
    qbr = event(
        "qbr-1@google.com",
        "20250304T090000",
        "20250304T110000",
        "Acme Q1 Quarterly Business Review",
        attendee("olivia@ours.example"),
        attendee("paul@acme.example"),
    )
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, qbr)), **WINDOW)
    (meeting,) = meetings()
    assert meeting.occurred_at == datetime(2025, 3, 4, 14, 0, tzinfo=UTC)  # 09:00 New York
    assert meeting.ritual == "qbr" and meeting.duration_minutes == 120


def test_outlook_canceled_titles_mark_the_meeting_cancelled(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    off = event(
        "off-1",
        "20250205T090000Z",
        "20250205T170000Z",
        "Canceled: Acme steering committee",
        attendee("paul@acme.example"),
    )
    run_ics(write(tmp_path, calendar(OUTLOOK_HEAD, off)), **WINDOW)
    (meeting,) = meetings()
    assert meeting.cancelled and meeting.subject == "Acme steering committee"
    assert meeting.ritual == "steering_committee"


def test_an_ambiguous_partner_needs_the_alliance_option(tmp_path: Path, run_ics: RunIcs, ours):
    first = make_alliance("Globex Cloud", "globex.example")
    Alliance.objects.create(name="Globex Resell", partner=first.partner)
    sync = event(
        "g-1", "20250110T100000Z", "20250110T103000Z", "Sync", attendee("a@globex.example")
    )
    path = write(tmp_path, calendar(GOOGLE_HEAD, sync))
    summary = run_ics(path, **WINDOW)
    assert not Interaction.objects.exists()
    ((what, why),) = summary.skipped
    assert what == "meetings with Globex Cloud Inc"
    assert "several alliances" in why and "--alliance" in why
    run_ics(path, alliance="globex-resell", **WINDOW)
    assert Interaction.objects.get().alliance.name == "Globex Resell"


def test_the_alliance_option_without_domains_takes_outsiders_as_partner(
    tmp_path: Path, run_ics: RunIcs, ours: list[str]
):
    make_alliance("Initech", "")
    sync = event(
        "i-1",
        "20250110T100000Z",
        "20250110T103000Z",
        "Initech workshop",
        attendee("olivia@ours.example"),
        attendee("bill@initech.example"),
    )
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, sync)), alliance="Initech", **WINDOW)
    meeting = Interaction.objects.get()
    assert (meeting.partner_invited, meeting.ours_invited, meeting.ritual) == (1, 1, "workshop")


def test_the_default_window_starts_with_the_alliance(tmp_path: Path, run_ics: RunIcs, ours):
    make_alliance("Acme", "acme.example", started_on=date(2025, 1, 20))
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    summary = run_ics(path, today=date(2025, 1, 31))
    assert [m.occurred_at.day for m in meetings()] == [20, 27, 3, 10]
    assert "meetings read from 2025-01-20 to 2025-05-01 (--since/--until)" in summary.warnings


def test_a_broken_partner_event_is_reported_and_nothing_is_written(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    broken = event(
        "broken-1",
        "2025-13-45",
        "20250110T110000Z",
        "Acme sync",
        attendee("paul@acme.example"),
    )
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(), broken))
    with pytest.raises(ImportFailed) as caught:
        run_ics(path, **WINDOW)
    (problem,) = caught.value.problems
    assert problem.file == "calendar.ics"
    assert problem.location == "event broken-1 ('Acme sync')"
    assert "DTSTART" in problem.message
    assert not Interaction.objects.exists() and not Contact.objects.exists()


def test_an_unknown_alliance_is_a_clear_problem(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    with pytest.raises(ImportFailed) as caught:
        run_ics(path, alliance="Nope", **WINDOW)
    assert "no alliance called 'Nope'" in str(caught.value.problems[0])


def test_a_window_that_ends_before_it_starts_is_refused(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    with pytest.raises(ImportFailed) as caught:
        run_ics(path, since=date(2025, 3, 1), until=date(2025, 1, 1))
    assert "starts (2025-03-01) after it ends (2025-01-01)" in str(caught.value.problems[0])


def test_icloud_attendees_with_an_email_parameter(tmp_path: Path, run_ics: RunIcs, acme: int):
    apple = event(
        "apple-1",
        "20250210T150000Z",
        "20250210T160000Z",
        "Acme off-site planning",
        "ATTENDEE;CN=Paul Partner;EMAIL=paul@acme.example;PARTSTAT=ACCEPTED:"
        "urn:uuid:00000000-0000-4000-8000-000000000001",
        "ATTENDEE;CN=Olivia;EMAIL=olivia@ours.example;PARTSTAT=ACCEPTED:"
        "urn:uuid:00000000-0000-4000-8000-000000000002",
    )
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, apple)), **WINDOW)
    (meeting,) = meetings()
    assert (meeting.partner_attended, meeting.ours_attended, meeting.ritual) == (1, 1, "off_site")


def test_people_are_not_seen_in_the_future(tmp_path: Path, run_ics: RunIcs, acme: int):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    run_ics(path, today=date(2025, 1, 20), **WINDOW)
    paul = Contact.objects.get(email="paul@acme.example")
    assert paul.first_seen == datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    assert paul.last_seen == datetime(2025, 1, 20, 9, 0, tzinfo=UTC)  # not the 27th, still to come
    assert Interaction.objects.count() == 6  # planned meetings are still imported


def test_people_only_in_future_meetings_have_no_seen_dates(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync()))
    run_ics(path, today=date(2024, 12, 1), **WINDOW)
    paul = Contact.objects.get(email="paul@acme.example")
    assert (paul.first_seen, paul.last_seen) == (None, None)
    assert not run_ics(path, today=date(2024, 12, 1), **WINDOW).changed
    run_ics(path, today=date(2025, 1, 7), **WINDOW)
    paul.refresh_from_db()
    assert paul.first_seen == paul.last_seen == datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def test_meetings_with_the_same_people_are_each_counted(tmp_path: Path, run_ics: RunIcs, ours):
    # The plan works out a group of people once (ics.plan): every meeting of
    # the group must still get its own row, counts, dates and warnings.
    make_alliance("Acme", "acme.example")
    first = make_alliance("Globex Cloud", "globex.example")
    Alliance.objects.create(name="Globex Resell", partner=first.partner)
    people = (attendee("paul@acme.example", "ACCEPTED", "Paul"), attendee("olivia@ours.example"),
              attendee("g@globex.example"))  # fmt: skip
    days = ("20250110", "20250117", "20250124")
    syncs = [event(f"m-{d}", f"{d}T100000Z", f"{d}T103000Z", "Sync", *people) for d in days]
    off = event("m-off", "20250131T100000Z", "20250131T103000Z", "Sync", *people,
                "STATUS:CANCELLED")  # fmt: skip
    summary = run_ics(write(tmp_path, calendar(GOOGLE_HEAD, *syncs, off)), **WINDOW)
    rows = meetings()
    assert [(m.external_id, m.cancelled, m.partner_attended, m.ours_attended) for m in rows] == [
        ("m-20250110", False, 1, 1),
        ("m-20250117", False, 1, 1),
        ("m-20250124", False, 1, 1),
        ("m-off", True, 0, 0),
    ]
    assert all(m.partner_invited == 1 and m.ours_invited == 1 for m in rows)
    assert any(line.startswith("4 meetings with Globex") for line in summary.skipped_lines())
    paul = Contact.objects.get(email="paul@acme.example")
    # Seen at the meetings held, not at the one called off.
    assert (paul.first_seen, paul.last_seen) == (rows[0].occurred_at, rows[-2].occurred_at)
    assert InteractionParticipant.objects.filter(contact=paul, attended=True).count() == 3
