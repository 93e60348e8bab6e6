"""Who was invited, who came, in what role, and who came in whose place.

The engine reads these rows to tell a sponsor who delegates (invited, stays
away, a junior comes instead) from a network that grows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from radar.portfolio.models import Contact, Interaction, InteractionParticipant
from tests.ingest.ics.builders import GOOGLE_HEAD, attendee, calendar, event, write
from tests.ingest.ics.conftest import RunIcs, make_alliance

pytestmark = pytest.mark.django_db

WINDOW = {"since": date(2025, 1, 1), "until": date(2025, 12, 31), "today": date(2025, 12, 31)}
SPONSOR, JUNIOR, NEWCOMER = "vera@acme.example", "jon@acme.example", "nina@acme.example"


@pytest.fixture
def acme(ours: list[str]) -> int:
    return make_alliance("Acme", "acme.example").pk


def steerco(month: int, *people: str) -> str:
    day = f"2025{month:02d}12"
    return event(
        f"steerco-{month}@google.com", f"{day}T150000", f"{day}T160000",
        "Acme steering committee", "ORGANIZER:mailto:olivia@ours.example",
        attendee("olivia@ours.example"), *people,
    )  # fmt: skip


def attendance(month: int) -> dict[str, tuple[bool, str, str, str | None]]:
    meeting = Interaction.objects.get(external_id=f"steerco-{month}@google.com")
    rows = InteractionParticipant.objects.filter(interaction=meeting).select_related(
        "contact", "stands_in_for"
    )
    return {
        p.contact.email: (
            p.attended,
            p.response,
            p.role,
            p.stands_in_for.email if p.stands_in_for else None,
        )
        for p in rows
    }


def test_each_answer_is_recorded_as_given(tmp_path: Path, run_ics: RunIcs, acme: int):
    meeting = steerco(
        1,
        attendee(SPONSOR, "TENTATIVE"),
        attendee(JUNIOR, "NEEDS-ACTION"),
        attendee("ana@acme.example", "DECLINED"),
        attendee("ben@acme.example", "ACCEPTED", role="OPT-PARTICIPANT"),
        attendee("cat@acme.example", "DECLINED", role="OPT-PARTICIPANT"),
        attendee("dan@acme.example", "ACCEPTED", role="CHAIR"),
    )
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, meeting)), **WINDOW)
    got = attendance(1)
    # A "maybe" is not a confirmation; an organiser with no answer still runs the meeting.
    assert got[SPONSOR] == (False, "TENTATIVE", "required", None)
    assert got[JUNIOR] == (False, "NEEDS-ACTION", "required", None)
    assert got["ana@acme.example"] == (False, "DECLINED", "required", None)
    assert got["ben@acme.example"] == (True, "ACCEPTED", "optional", None)
    assert got["cat@acme.example"] == (False, "DECLINED", "optional", None)
    assert got["dan@acme.example"] == (True, "ACCEPTED", "chair", None)
    assert got["olivia@ours.example"][2] == "organizer"
    row = Interaction.objects.get()
    # An optional guest who stays away is not counted among the invited.
    assert (row.partner_invited, row.partner_attended) == (5, 2)


def test_a_delegation_the_calendar_states_links_the_delegate(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    meeting = steerco(
        1,
        attendee(SPONSOR, "DELEGATED", delegated_to=f'"mailto:{JUNIOR}"'),
        attendee(JUNIOR, "ACCEPTED", delegated_from=f'"mailto:{SPONSOR}"'),
    )
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, meeting)), **WINDOW)
    got = attendance(1)
    assert got[SPONSOR] == (False, "DELEGATED", "required", None)
    assert got[JUNIOR] == (True, "ACCEPTED", "required", SPONSOR)


def delegating_sponsor() -> list[str]:
    """The sponsor comes to three steering committees, then declines and sends Jon."""
    early = [steerco(m, attendee(SPONSOR, "ACCEPTED")) for m in (1, 2, 3)]
    late = [
        steerco(m, attendee(SPONSOR, "DECLINED"), attendee(JUNIOR, "ACCEPTED")) for m in (4, 5, 6)
    ]
    return early + late


def test_someone_new_who_comes_when_the_sponsor_stays_away_stands_in(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    summary = run_ics(write(tmp_path, calendar(GOOGLE_HEAD, *delegating_sponsor())), **WINDOW)
    assert attendance(3)[SPONSOR] == (True, "ACCEPTED", "required", None)
    for month in (4, 5, 6):
        got = attendance(month)
        assert got[SPONSOR] == (False, "DECLINED", "required", None)
        assert got[JUNIOR] == (True, "ACCEPTED", "required", SPONSOR)
    assert any("1 partner people only ever came in place of" in w for w in summary.warnings)
    # Invited, never there: the sponsor was last seen at the third meeting.
    sponsor = Contact.objects.get(email=SPONSOR)
    assert sponsor.last_seen.month == 3  # type: ignore[union-attr]


def test_a_newcomer_next_to_everyone_who_usually_comes_is_a_new_connection(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    meetings = [steerco(m, attendee(SPONSOR)) for m in (1, 2)]
    meetings += [steerco(m, attendee(SPONSOR), attendee(NEWCOMER)) for m in (3, 4)]
    summary = run_ics(write(tmp_path, calendar(GOOGLE_HEAD, *meetings)), **WINDOW)
    assert attendance(3)[NEWCOMER] == (True, "ACCEPTED", "required", None)
    assert not InteractionParticipant.objects.exclude(stands_in_for=None).exists()
    assert not any("in place of" in w for w in summary.warnings)


def test_the_stand_in_who_comes_with_the_sponsor_is_there_in_their_own_right(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    meetings = [*delegating_sponsor(), steerco(7, attendee(SPONSOR), attendee(JUNIOR))]
    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, *meetings)), **WINDOW)
    assert attendance(7)[JUNIOR] == (True, "ACCEPTED", "required", None)


def test_reimporting_keeps_the_links_and_changes_nothing(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    path = write(tmp_path, calendar(GOOGLE_HEAD, *delegating_sponsor()))
    run_ics(path, **WINDOW)
    again = run_ics(path, **WINDOW)
    assert not again.changed and again.unchanged["interactions"] == 6


def test_the_bundle_carries_roles_and_stand_ins_both_ways(
    tmp_path: Path, run_ics: RunIcs, acme: int
):
    from radar.ingest.bundle import export_bundle, import_bundle
    from radar.portfolio.models import Alliance, Partner

    run_ics(write(tmp_path, calendar(GOOGLE_HEAD, *delegating_sponsor())), **WINDOW)
    before = {month: attendance(month) for month in range(1, 7)}
    export_bundle(tmp_path / "bundle")
    Alliance.objects.all().delete()
    Partner.objects.all().delete()
    import_bundle(tmp_path / "bundle")
    assert {month: attendance(month) for month in range(1, 7)} == before
