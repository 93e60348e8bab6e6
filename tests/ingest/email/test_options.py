"""Opt-in bodies, our domains, several alliances, dry runs and newer exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from radar.cli import app
from radar.portfolio.models import Alliance, Contact, Interaction, Partner
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.ingest.email.conftest import RunEmail, make_alliance

pytestmark = pytest.mark.django_db

QUESTION = message("q@acme.example", body="Can we move the launch?\n\nBest regards,\nAnn")
ANSWER = message(
    "a@ours.example",
    sender=f"Olivia <olivia@{OURS}>",
    to=f"Ann <ann@{PARTNER}>",
    date="Tue, 4 Mar 2025 09:00:00 +0000",
    reply_to="q@acme.example",
    body="Yes, as we already told you, it was never agreed.\n\n> Can we move the launch?",
)


@pytest.fixture
def acme(settings: pytest.FixtureRequest) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    return make_alliance("Acme", PARTNER)


def test_bodies_are_kept_only_when_asked_for(
    acme: Alliance, run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    path = mbox(tmp_path / "box.mbox", QUESTION, ANSWER)
    run_email(path)
    assert set(Interaction.objects.values_list("body", flat=True)) == {""}
    answer = Interaction.objects.get(external_id="a@ours.example")
    assert answer.word_count == 10 and answer.defensive and answer.tone is not None
    assert run_email(path, store_bodies=True).updated["interactions"] == 2
    assert Interaction.objects.get(external_id="q@acme.example").body == "Can we move the launch?"
    Interaction.objects.all().delete()
    settings.RADAR_STORE_BODIES = True  # type: ignore[attr-defined]
    run_email(path)
    assert Interaction.objects.get(external_id="a@ours.example").body.startswith("Yes, as we")


def test_our_domain_can_be_given_on_the_command_line(
    run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = []  # type: ignore[attr-defined]
    make_alliance("Acme", PARTNER)
    stranger = message(
        "s@elsewhere.example", sender="x@elsewhere.example", to=f"ann@{PARTNER}", reply_to=None
    )
    path = mbox(tmp_path / "box.mbox", QUESTION, ANSWER, stranger)
    guessed = run_email(path, dry_run=True)
    assert guessed.created["interactions"] == 3  # without our domains, everyone else is "us"
    assert any("RADAR_OUR_DOMAINS is not set" in w for w in guessed.warnings)
    assert not Interaction.objects.exists()  # a dry run writes nothing
    summary = run_email(path, our_domains=(OURS,))
    assert summary.created["interactions"] == 2
    assert any("outside both sides" in line for line in summary.skipped_lines())
    assert set(Contact.objects.values_list("email", "side")) == {
        (f"ann@{PARTNER}", "partner"),
        (f"olivia@{OURS}", "ours"),
    }


def test_several_alliances_take_the_most_recently_started_unless_one_is_named(
    run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    partner = Partner.objects.create(name="Acme", email_domains=PARTNER)
    old = Alliance.objects.create(name="Resale", partner=partner, started_on=date(2020, 1, 1))
    new = Alliance.objects.create(name="Co-sell", partner=partner, started_on=date(2024, 1, 1))
    Alliance.objects.create(
        name="Ended", partner=partner, started_on=date(2025, 1, 1), active=False
    )
    path = mbox(tmp_path / "box.mbox", QUESTION, ANSWER)
    summary = run_email(path)
    assert set(Interaction.objects.values_list("alliance", flat=True)) == {new.pk}
    assert any("Co-sell (the most recently started)" in w for w in summary.warnings)
    run_email(path, alliance="Resale")
    assert Interaction.objects.filter(alliance=old).count() == 2


def test_mail_to_two_partners_counts_for_both_alliances(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    other = make_alliance("Globex", "globex.example")
    both = message(
        "both@ours.example", sender=f"olivia@{OURS}", to=f"ann@{PARTNER}, gil@globex.example"
    )
    run_email(mbox(tmp_path / "box.mbox", both))
    rows = Interaction.objects.filter(external_id="both@ours.example")
    assert {r.alliance_id for r in rows} == {acme.pk, other.pk}
    assert not Contact.objects.filter(alliance=acme, email="gil@globex.example").exists()


def test_a_newer_export_continues_the_threads_of_an_older_one(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    run_email(mbox(tmp_path / "march.mbox", QUESTION))
    olivia_first = message("hello@ours.example", sender=f"olivia@{OURS}", to=f"ann@{PARTNER}")
    run_email(mbox(tmp_path / "hello.mbox", olivia_first))
    later = run_email(mbox(tmp_path / "april.mbox", ANSWER))
    answer = Interaction.objects.get(external_id="a@ours.example")
    assert answer.reply_hours == pytest.approx(24.0)  # the question was 09:00 UTC a day earlier
    assert answer.thread_id == "q@acme.example"
    assert later.created["interactions"] == 1 and later.updated["contacts"] == 2
    ann = Contact.objects.get(email=f"ann@{PARTNER}")
    assert ann.first_seen.isoformat() == "2025-03-03T09:00:00+00:00"
    assert ann.last_seen.isoformat() == "2025-03-04T09:00:00+00:00"


def test_the_command_line_takes_the_email_options(
    acme: Alliance, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = []  # type: ignore[attr-defined]
    path = mbox(tmp_path / "box.mbox", QUESTION, ANSWER)
    result = CliRunner().invoke(app, ["import", str(path), "--store-bodies", "--our-domain", OURS])
    assert result.exit_code == 0, result.output
    assert "Import complete." in result.output
    assert Interaction.objects.get(external_id="q@acme.example").body
    missing = CliRunner().invoke(
        app, ["import", "imap://olivia@127.0.0.1:1/INBOX", "--kind", "email"]
    )
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_our_domain_adds_to_the_configured_ones(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    sister = message("sister@sister.example", sender="sam@sister.example", to=f"ann@{PARTNER}")
    path = mbox(tmp_path / "box.mbox", sister, ANSWER)
    assert run_email(path, dry_run=True).created["interactions"] == 1  # sister is a third party
    run_email(path, our_domains=("@Sister.example",))
    assert set(Interaction.objects.values_list("external_id", "direction")) == {
        ("sister@sister.example", "outbound"),
        ("a@ours.example", "outbound"),
    }


def test_a_broken_mailbox_on_the_command_line_is_a_clear_message(acme: Alliance, tmp_path: Path):
    path = tmp_path / "broken.mbox"
    path.write_bytes(b"\x00\x01 not mail at all")
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert "not an mbox file" in result.output and "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert not Interaction.objects.exists()


def test_the_command_line_reports_skipped_messages_as_skipped(acme: Alliance, tmp_path: Path):
    internal = message("i@ours.example", sender=f"olivia@{OURS}", to=f"tom@{OURS}")
    path = mbox(tmp_path / "box.mbox", internal)
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "1 message skipped: no partner among sender and recipients" in output
    assert "Nothing was imported: its one record was skipped" in output
    assert "already" not in output
