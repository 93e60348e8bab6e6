"""IMAP, read-only: the real imaplib fetch and parse path against a fake local server."""

from __future__ import annotations

import imaplib
import socket

import pytest

from radar.ingest.base import ImportFailed
from radar.ingest.email.imap import ImapUrl
from radar.portfolio.models import Alliance, Contact, Interaction
from tests.ingest.email.builders import OURS, PARTNER, message
from tests.ingest.email.conftest import RunEmail, make_alliance
from tests.ingest.email.fake_imap import FakeImap

pytestmark = pytest.mark.django_db

MAILBOX = [
    message("q@acme.example", body="Could you send the pricing sheet?"),
    message(
        "a@ours.example",
        sender=f"Olivia Ours <olivia@{OURS}>",
        to=f"ann@{PARTNER}",
        date="Mon, 3 Mar 2025 13:30:00 +0100",
        reply_to="q@acme.example",
        body="Here it is.\n\nOn Monday Ann wrote:\n> Could you send the pricing sheet?",
    ),
    message("internal@ours.example", sender=f"olivia@{OURS}", to=f"bob@{OURS}"),
]


@pytest.fixture
def acme(settings: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    monkeypatch.setenv("RADAR_IMAP_PASSWORD", "s3cret")
    return make_alliance("Acme", PARTNER)


@pytest.fixture
def plain_ssl(monkeypatch: pytest.MonkeyPatch) -> None:
    """IMAP4_SSL replaced at the boundary by the plain client (the fake speaks no TLS)."""

    def connect(host: str, port: int, timeout: float | None = None) -> imaplib.IMAP4:
        return imaplib.IMAP4(host, port, timeout=timeout)

    monkeypatch.setattr(imaplib, "IMAP4_SSL", connect)


def test_it_imports_a_mailbox_without_changing_it(
    acme: Alliance, plain_ssl: None, run_email: RunEmail
):
    with FakeImap(MAILBOX) as server:
        summary = run_email(f"imap://olivia@127.0.0.1:{server.port}/INBOX")
    assert summary.created["interactions"] == 2
    reply = Interaction.objects.get(external_id="a@ours.example")
    assert reply.direction == "outbound" and reply.reply_hours == pytest.approx(3.5)
    assert reply.thread_id == "q@acme.example" and reply.word_count == 3
    assert Contact.objects.filter(email=f"ann@{PARTNER}", side="partner").exists()
    verbs = [c.split(" ", 1)[1].upper() for c in server.commands]
    assert any(v.startswith("EXAMINE") for v in verbs)
    assert any("BODY.PEEK[]" in v for v in verbs)
    assert not any(v.startswith(("SELECT", "STORE", "EXPUNGE", "COPY", "APPEND")) for v in verbs)
    assert not any("BODY[]" in v.replace("BODY.PEEK[]", "") for v in verbs)


def test_a_local_server_can_be_read_in_clear_text(acme: Alliance, run_email: RunEmail):
    with FakeImap(MAILBOX) as server:
        run_email(f"imap+plain://olivia@127.0.0.1:{server.port}/INBOX")
    assert Interaction.objects.count() == 2


def test_a_wrong_password_is_a_clear_problem(
    acme: Alliance, plain_ssl: None, run_email: RunEmail, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("RADAR_IMAP_PASSWORD", "wrong")
    with FakeImap(MAILBOX) as server, pytest.raises(ImportFailed) as failed:
        run_email(f"imap://olivia@127.0.0.1:{server.port}/INBOX")
    assert "wrong password" in failed.value.problems[0].message
    assert not Interaction.objects.exists()


def test_without_a_password_it_asks_for_the_variable(
    acme: Alliance, run_email: RunEmail, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("RADAR_IMAP_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with FakeImap(MAILBOX) as server, pytest.raises(ImportFailed, match="problem") as failed:
        run_email(f"imap+plain://olivia@127.0.0.1:{server.port}/INBOX")
    assert "RADAR_IMAP_PASSWORD" in failed.value.problems[0].message


def test_an_unreachable_server_is_a_clear_problem(acme: Alliance, run_email: RunEmail):
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]  # nothing listens there once it is closed
    with pytest.raises(ImportFailed) as failed:
        run_email(f"imap+plain://olivia@127.0.0.1:{port}/INBOX")
    assert "cannot connect" in failed.value.problems[0].message


def test_clear_text_to_another_machine_is_refused(acme: Alliance, run_email: RunEmail):
    with pytest.raises(ImportFailed, match="problem") as failed:
        run_email("imap+plain://olivia@mail.example.com/INBOX")
    assert "only for this machine" in failed.value.problems[0].message


def test_urls_survive_being_passed_as_paths():
    # `radar import imap://…` arrives as a Path, which folds the double slash.
    url = ImapUrl.parse("imap:/olivia%40corp@mail.example.com/Sent%20Items")
    assert (url.user, url.host, url.port, url.mailbox) == (
        "olivia@corp",
        "mail.example.com",
        993,
        "Sent Items",
    )


def test_fetches_are_bounded_in_bytes_and_huge_messages_are_cut(
    acme: Alliance, plain_ssl: None, run_email: RunEmail, monkeypatch: pytest.MonkeyPatch
):
    from radar.ingest.email import imap, readers

    huge = message("huge@acme.example", body="We agree with the plan. " * 4000)
    monkeypatch.setattr(imap, "FETCH_BYTES", 600)  # about two small messages per fetch
    monkeypatch.setattr(readers, "MAX_MESSAGE_BYTES", 20_000)
    with FakeImap([*MAILBOX, huge]) as server:
        run_email(f"imap://olivia@127.0.0.1:{server.port}/INBOX")
    fetches = [c for c in server.commands if "BODY.PEEK" in c]
    assert len(fetches) >= 3
    assert any("BODY.PEEK[]<0.20000>" in c and " 4 " in c for c in fetches)
    stored = Interaction.objects.get(external_id="huge@acme.example")
    assert stored.word_count is not None and 2_000 < stored.word_count < 4 * 4000
