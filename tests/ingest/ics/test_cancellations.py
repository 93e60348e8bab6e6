"""Called-off meetings are recorded, not lost; a series that ends or moves is no cancellation.

Google exports an occurrence someone deleted from a series as an EXDATE on
the series (Outlook often does too, or keeps a STATUS:CANCELLED override).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from radar.portfolio.models import Interaction, InteractionParticipant
from tests.ingest.ics.builders import GOOGLE_HEAD, attendee, calendar, event, write
from tests.ingest.ics.conftest import RunIcs, make_alliance
from tests.portfolio.history import load_history

pytestmark = pytest.mark.django_db

UID = "5qk2ldd4cboa2v6r3f0u8tni6c@google.com"
WINDOW = {"since": date(2025, 1, 1), "until": date(2025, 6, 30)}


def monthly(*lines: str, rule: str = "FREQ=MONTHLY;COUNT=6;BYDAY=1TU", start: str = "0107") -> str:
    """Google: the Acme operating committee, first Tuesday of the month, 10:00 New York."""
    return event(
        UID,
        f"2025{start}T100000",
        f"2025{start}T110000",
        "Acme operating committee",
        f"RRULE:{rule}",
        "ORGANIZER;CN=Olivia:mailto:olivia@ours.example",
        attendee("olivia@ours.example"),
        attendee("paul@acme.example", "ACCEPTED", "Paul"),
        *lines,
    )


def exdate(*days: str) -> str:
    return "EXDATE;TZID=America/New_York:" + ",".join(f"2025{d}T100000" for d in days)


@pytest.fixture
def acme(ours: list[str]) -> int:
    return make_alliance("Acme", "acme.example").pk


def rows() -> list[tuple[date, bool]]:
    found = Interaction.objects.order_by("occurred_at").values_list("occurred_at", "cancelled")
    return [(when.date(), cancelled) for when, cancelled in found]


def test_an_exdate_before_today_is_a_meeting_called_off(tmp_path: Path, run_ics: RunIcs, acme):
    path = write(tmp_path, calendar(GOOGLE_HEAD, monthly(exdate("0304"))))
    summary = run_ics(path, today=date(2025, 6, 30), **WINDOW)
    assert rows() == [
        (date(2025, 1, 7), False),
        (date(2025, 2, 4), False),
        (date(2025, 3, 4), True),
        (date(2025, 4, 1), False),
        (date(2025, 5, 6), False),
        (date(2025, 6, 3), False),
    ]
    off = Interaction.objects.get(cancelled=True)
    assert off.external_id == f"{UID}|20250304T150000Z"  # its original start in UTC
    assert off.occurred_at == datetime(2025, 3, 4, 15, tzinfo=UTC)
    assert (off.partner_invited, off.partner_attended, off.ours_attended) == (1, 0, 0)
    assert off.subject == "Acme operating committee" and off.ritual == "operating_committee"
    # Invited, not attended: the invitations of a called-off meeting are still on record.
    people = InteractionParticipant.objects.filter(interaction=off)
    assert {(p.contact.email, p.invited, p.attended) for p in people} == {
        ("olivia@ours.example", True, False),
        ("paul@acme.example", True, False),
    }
    assert summary.created["interactions"] == 6
    assert not run_ics(path, today=date(2025, 6, 30), **WINDOW).changed


def test_a_called_off_meeting_counts_as_scheduled_in_its_month(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly(exdate("0304")))), **WINDOW)
    history = load_history(acme, date(2025, 6, 30))
    assert history is not None
    march = next(p for p in history.periods if p.period == date(2025, 3, 1))
    assert (march.meetings_scheduled, march.meetings_held, march.meetings_cancelled) == (1, 0, 1)


def test_an_exdate_still_to_come_is_not_yet_a_missed_meeting(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    path = write(tmp_path, calendar(GOOGLE_HEAD, monthly(exdate("0506"))))
    run_ics(path, today=date(2025, 4, 15), **WINDOW)
    assert (date(2025, 5, 6), True) not in rows() and (date(2025, 5, 6), False) not in rows()
    # Imported again once the day has passed, it is a meeting that was called off.
    summary = run_ics(path, today=date(2025, 6, 30), **WINDOW)
    assert (date(2025, 5, 6), True) in rows()
    assert summary.created["interactions"] == 1


def test_an_occurrence_moved_by_an_override_is_no_cancellation(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    # Some clients write both an EXDATE and an override for a moved occurrence.
    moved = event(
        UID, "20250306T140000", "20250306T150000", "Acme operating committee (moved)",
        "RECURRENCE-ID;TZID=America/New_York:20250304T100000",
        attendee("paul@acme.example", "ACCEPTED"),
    )  # fmt: skip
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly(exdate("0304")), moved)), **WINDOW)
    assert (date(2025, 3, 6), False) in rows()
    assert not Interaction.objects.filter(cancelled=True).exists()


def test_an_outlook_style_cancelled_override_stays_cancelled(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    off = event(
        UID, "20250401T100000", "20250401T110000", "Canceled: Acme operating committee",
        "RECURRENCE-ID;TZID=America/New_York:20250401T100000", "STATUS:CANCELLED",
        attendee("paul@acme.example", "ACCEPTED"),
    )  # fmt: skip
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly(), off)), **WINDOW)
    assert [day for day, cancelled in rows() if cancelled] == [date(2025, 4, 1)]


def test_a_series_cut_short_leaves_no_cancellations(tmp_path: Path, run_ics: RunIcs, acme: int):
    # Imported in March with the meetings still to come; then the series was ended.
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly())), today=date(2025, 3, 10), **WINDOW)
    assert len(rows()) == 6
    ended = monthly(rule="FREQ=MONTHLY;UNTIL=20250401T235959Z;BYDAY=1TU")
    summary = run_ics(
        write(tmp_path, calendar(GOOGLE_HEAD, ended), "newer.ics"), today=date(2025, 6, 30),
        **WINDOW,
    )  # fmt: skip
    assert rows() == [
        (date(2025, 1, 7), False),
        (date(2025, 2, 4), False),
        (date(2025, 3, 4), False),
        (date(2025, 4, 1), False),
    ]
    assert summary.removed["interactions"] == 2


def test_a_series_moved_to_another_day_replaces_its_meetings(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly())), **WINDOW)
    # The whole series moved to the first Wednesday: every occurrence has a new key.
    moved = monthly(rule="FREQ=MONTHLY;COUNT=6;BYDAY=1WE", start="0101")
    summary = run_ics(write(tmp_path, calendar(GOOGLE_HEAD, moved), "newer.ics"), **WINDOW)
    days = rows()
    assert len(days) == 6 and not any(cancelled for _, cancelled in days)
    assert all(day.weekday() == 2 for day, _ in days)  # Wednesdays only, no duplicates
    assert (summary.created["interactions"], summary.removed["interactions"]) == (6, 6)


def test_a_future_occurrence_dropped_from_a_newer_export_is_removed(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly())), today=date(2025, 3, 10), **WINDOW)
    newer = write(tmp_path, calendar(GOOGLE_HEAD, monthly(exdate("0506"))), "newer.ics")
    summary = run_ics(newer, today=date(2025, 3, 20), **WINDOW)
    # Called off weeks ahead: nothing was missed yet, and nothing is left to read as held.
    assert date(2025, 5, 6) not in [day for day, _ in rows()]
    assert summary.removed["interactions"] == 1


def test_a_past_occurrence_that_vanished_without_an_exdate_is_cancelled(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, monthly())), today=date(2025, 2, 1), **WINDOW)
    # A client deleted March's meeting outright: the newer export has a hole, no EXDATE.
    holed = monthly(rule="FREQ=MONTHLY;COUNT=6;BYDAY=1TU;BYMONTH=1,2,4,5,6,7")
    summary = run_ics(
        write(tmp_path, calendar(GOOGLE_HEAD, holed), "newer.ics"), today=date(2025, 6, 30),
        **WINDOW,
    )  # fmt: skip
    assert (date(2025, 3, 4), True) in rows()
    assert summary.updated["interactions"] == 1
