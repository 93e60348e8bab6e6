"""The end-to-end path's files: what the clients write, and what `radar import` makes of them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from typer.testing import CliRunner

from bench.accuracy.e2e.run import write_files
from bench.accuracy.portfolio import Portfolio, build_portfolio
from bench.accuracy.world import OUR_DOMAIN, World
from radar.cli import app
from radar.portfolio import models as m

CLASSES = ("declining", "healthy", "seasonal")


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return build_portfolio(5, 1, CLASSES)


@pytest.fixture(scope="module")
def files(portfolio: Portfolio, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    write_files(portfolio, folder)
    return folder


def worlds(portfolio: Portfolio, client: str) -> list[World]:
    return [a.world for a in portfolio.alliances if a.world.calendar == client]


def expanded(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(
        recurring_ical_events.of(calendar).between(datetime(2000, 1, 1), datetime(2030, 1, 1))
    )


def starts(events: list[icalendar.Event], cancelled: bool) -> set[tuple[str, datetime]]:
    found = set()
    for event in events:
        if (str(event.get("STATUS", "")) == "CANCELLED") is cancelled:
            title = str(event["SUMMARY"]).removeprefix("Canceled: ")
            found.add((title, event["DTSTART"].dt.astimezone(UTC)))
    return found


def test_a_google_export_drops_cancelled_occurrences_and_keeps_the_rest(portfolio, files):
    mine = [mt for w in worlds(portfolio, "google") for mt in w.meetings]
    text = (files / "calendar-google.ics").read_text(encoding="utf-8")
    events = expanded(files / "calendar-google.ics")

    assert starts(events, cancelled=False) == {
        (mt.title, mt.start) for mt in mine if not mt.cancelled
    }
    cancelled_in_series = [mt for mt in mine if mt.cancelled and mt.series]
    assert cancelled_in_series and "\nEXDATE;TZID=" in text
    assert not starts(events, cancelled=True) & {(mt.title, mt.start) for mt in cancelled_in_series}


def test_an_outlook_export_keeps_cancelled_occurrences_as_cancelled_overrides(portfolio, files):
    mine = [mt for w in worlds(portfolio, "outlook") for mt in w.meetings]
    text = (files / "calendar-outlook.ics").read_text(encoding="utf-8")
    events = expanded(files / "calendar-outlook.ics")

    assert starts(events, cancelled=False) == {
        (mt.title, mt.start) for mt in mine if not mt.cancelled
    }
    assert starts(events, cancelled=True) == {(mt.title, mt.start) for mt in mine if mt.cancelled}
    assert "SUMMARY:Canceled: " in text and "EXDATE" not in text
    assert (
        "TZID=W. Europe Standard Time" in text
        or "TZID=Eastern Standard Time" in text
        or ("TZID=GMT Standard Time" in text or "TZID=UTC" in text)
    )


def test_occurrence_answers_survive_the_export(portfolio, files):
    """Each occurrence's PARTSTATs, overrides included, are the world's answers."""
    for client in ("google", "outlook"):
        events = expanded(files / f"calendar-{client}.ics")
        exported = {
            (str(e["SUMMARY"]).removeprefix("Canceled: "), e["DTSTART"].dt.astimezone(UTC)): {
                str(a).removeprefix("mailto:"): a.params["PARTSTAT"]
                for a in (
                    e.get("ATTENDEE") if isinstance(e.get("ATTENDEE"), list) else [e["ATTENDEE"]]
                )
            }
            for e in events
        }
        for mt in (mt for w in worlds(portfolio, client) for mt in w.meetings if not mt.cancelled):
            answers = {
                e: a.value for e, a in mt.responses if client == "google" or e != mt.organizer
            }
            assert exported[(mt.title, mt.start)] == answers


def test_mailboxes_hold_threads_quotes_signatures_and_automatic_replies(portfolio, files):
    google = (files / "mail-google.mbox").read_text(encoding="utf-8")
    outlook = (files / "mail-outlook.mbox").read_text(encoding="utf-8")
    both = google + outlook

    assert "\nIn-Reply-To: <" in both and "\nReferences: <" in both
    assert " wrote:\n> " in google and "-----Original Message-----" in outlook
    assert "\n-- \n" in both
    auto = [m for w in (a.world for a in portfolio.alliances) for m in w.messages if m.auto]
    assert auto, "holidays give automatic replies"
    assert any(
        marker in both
        for marker in (
            "Auto-Submitted: auto-replied",
            "Auto-Submitted: auto-generated",
            "X-Autoreply: yes",
        )
    )


@pytest.mark.django_db(transaction=True)
def test_radar_import_accepts_every_file_and_stores_what_happened(portfolio, files, settings):
    settings.RADAR_OUR_DOMAINS = [OUR_DOMAIN]
    everyone = [a.world for a in portfolio.alliances]
    for name in (
        "bundle",
        "calendar-google.ics",
        "mail-google.mbox",
        "calendar-outlook.ics",
        "mail-outlook.mbox",
    ):
        result = CliRunner().invoke(app, ["import", str(files / name)])
        assert result.exit_code == 0, result.output

    meetings = m.Interaction.objects.filter(kind="meeting")
    held = sum(not mt.cancelled for w in everyone for mt in w.meetings)
    assert meetings.filter(cancelled=False).count() == held
    outlook_cancelled = sum(mt.cancelled for w in worlds(portfolio, "outlook") for mt in w.meetings)
    all_cancelled = sum(mt.cancelled for w in everyone for mt in w.meetings)
    # Google's EXDATE'd occurrences count only once the importer reads them as cancelled.
    assert outlook_cancelled <= meetings.filter(cancelled=True).count() <= all_cancelled

    mail = [
        msg
        for w in everyone
        for msg in w.messages
        if not (msg.auto and w.side_of(msg.sender) == "ours")
    ]
    real = [msg for msg in mail if not msg.auto]
    # Automatic replies are in the mailbox; the importer may keep or skip them.
    assert len(real) <= m.Interaction.objects.filter(kind="email").count() <= len(mail)
    assert m.Interaction.objects.filter(kind="call").count() == sum(len(w.calls) for w in everyone)
    assert m.Contact.objects.count() == sum(len(w.people) for w in everyone)  # nobody unknown
    assert m.MetricValue.objects.count() == sum(len(x.points) for w in everyone for x in w.metrics)
