"""The public LKML Maildir (../shared/realdata/email/lkml) read as Maildir, mbox and .eml."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

import pytest

from radar.ingest import registry
from radar.ingest.email import parallel
from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant
from tests.ingest.email.conftest import (
    OURS,
    PARTNERS,
    RunEmail,
    corpus_files,
    write_eml_folder,
    write_mbox,
)

pytestmark = pytest.mark.django_db


def corpus(folder: Path) -> dict[str, dict[str, object]]:
    """What the stdlib says about each message: date, sender domain, parent, recipients."""
    found: dict[str, dict[str, object]] = {}
    for file in corpus_files(folder):
        msg = email.message_from_bytes(file.read_bytes())
        key = (msg["Message-ID"] or "").strip().strip("<>")
        recipients = getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))
        found.setdefault(
            key,
            {
                "when": parsedate_to_datetime(msg["Date"]).astimezone(UTC),
                "domain": parseaddr(msg["From"])[1].rpartition("@")[2].lower(),
                "parent": (msg["In-Reply-To"] or "").strip().strip("<>"),
                "to": {a.rpartition("@")[2].lower() for _, a in recipients},
            },
        )
    return found


def snapshot() -> list[tuple[object, ...]]:
    return sorted(
        Interaction.objects.values_list(
            "alliance_id",
            "external_id",
            "occurred_at",
            "direction",
            "reply_hours",
            "word_count",
            "tone",
            "thread_id",
        )
    )


def test_it_imports_the_maildir_as_alliance_mail(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail
):
    summary = run_email(lkml)
    facts = corpus(lkml)
    mails = list(Interaction.objects.all())
    assert summary.created["interactions"] == len(mails) > 20
    # The corpus repeats some messages; none of its list mail is taken for automatic.
    assert any("second copies of a message" in line for line in summary.skipped_lines())
    assert not any("automatic" in why or "bulk" in why for _, why in summary.skipped)
    partner_of = {a.pk: PARTNERS[name] for name, a in alliances.items()}
    for mail in mails:
        fact = facts[mail.external_id]
        assert mail.kind == "email" and mail.source == "email"
        assert mail.occurred_at == fact["when"]  # stored in UTC whatever the sender's zone
        expected = "inbound" if fact["domain"] == partner_of[mail.alliance_id] else "outbound"
        assert mail.direction == expected
        if expected == "outbound":
            assert fact["domain"] == OURS
        assert mail.body == ""  # metadata only by default
    # Every partner message addressed to us is there.
    for key, fact in facts.items():
        if fact["domain"] in PARTNERS.values() and OURS in fact["to"]:  # type: ignore[operator]
            assert Interaction.objects.filter(external_id=key, direction="inbound").exists()
    assert {m.direction for m in mails} == {"inbound", "outbound"}


def test_it_links_replies_into_threads_with_their_reply_times(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail
):
    run_email(lkml)
    facts = corpus(lkml)
    stored = {(m.alliance_id, m.external_id): m for m in Interaction.objects.all()}
    linked = timed = 0
    for (alliance_id, key), mail in stored.items():
        parent_key = str(facts[key]["parent"])
        parent = stored.get((alliance_id, parent_key))
        if parent is not None:
            linked += 1
            assert mail.thread_id == parent.thread_id  # replies share their thread
            if parent.direction != mail.direction:
                hours = (mail.occurred_at - parent.occurred_at).total_seconds() / 3600
                assert mail.reply_hours == pytest.approx(hours, abs=1e-3)
        if mail.reply_hours is not None:
            timed += 1
            assert 0 < mail.reply_hours < 24 * 30  # positive and plausible
            parent_fact = facts[parent_key]
            other = OURS if mail.direction == "inbound" else None
            if other:
                assert parent_fact["domain"] == OURS  # a partner answering us
    assert linked > 10 and timed > 10
    inbound = [m.reply_hours for m in stored.values() if m.direction == "inbound"]
    outbound = [m.reply_hours for m in stored.values() if m.direction == "outbound"]
    assert any(inbound) and any(outbound)  # both sides' latency measured


def test_it_creates_contacts_with_first_and_last_seen(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail
):
    run_email(lkml)
    contacts = list(Contact.objects.all())
    assert {c.side for c in contacts} == {"ours", "partner"}
    joe = Contact.objects.get(alliance=alliances["Wolfson"], email="joe@perches.com")
    assert joe.side == "ours" and joe.name == "Joe Perches"
    for contact in contacts:
        seen = Interaction.objects.filter(
            alliance=contact.alliance, attendance__contact=contact
        ).values_list("occurred_at", flat=True)
        assert contact.first_seen == min(seen) and contact.last_seen == max(seen)
        domain = contact.email.rpartition("@")[2]
        assert (domain == OURS) == (contact.side == "ours")
    assert InteractionParticipant.objects.filter(response="from").count() == (
        Interaction.objects.count()
    )


def test_it_changes_nothing_when_the_same_mailbox_is_imported_again(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail
):
    run_email(lkml)
    before = snapshot()
    contacts = sorted(Contact.objects.values_list("email", "first_seen", "last_seen"))
    again = run_email(lkml)
    assert not again.changed
    assert again.unchanged["interactions"] == len(before)
    assert snapshot() == before
    assert sorted(Contact.objects.values_list("email", "first_seen", "last_seen")) == contacts


def test_the_same_corpus_as_mbox_and_eml_files_gives_the_same_rows(
    lkml: Path,
    alliances: dict[str, Alliance],
    run_email: RunEmail,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    files = corpus_files(lkml)
    run_email(lkml)
    from_maildir = snapshot()
    Interaction.objects.all().delete()
    Contact.objects.all().delete()
    mbox = write_mbox(files, tmp_path / "lkml.mbox")
    assert registry.detect(mbox).kind == "email"
    run_email(mbox)
    assert snapshot() == from_maildir
    # The Maildir import of the same messages now finds nothing to do.
    assert not run_email(lkml).changed
    Interaction.objects.all().delete()
    folder = write_eml_folder(files, tmp_path / "emls")
    assert registry.detect(folder).kind == "email"
    monkeypatch.setattr(parallel, "CHUNK", 16)  # read in worker processes this time
    run_email(folder)
    assert snapshot() == from_maildir


def test_a_single_eml_file_imports_one_message(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail, tmp_path: Path
):
    run_email(lkml)
    reply = Interaction.objects.filter(direction="inbound").exclude(reply_hours=None).first()
    assert reply is not None
    source = next(
        f for f in corpus_files(lkml) if reply.external_id.encode() in f.read_bytes()[:20000]
    )
    Interaction.objects.all().delete()
    single = tmp_path / "reply.eml"
    single.write_bytes(source.read_bytes())
    assert registry.detect(single).kind == "email"
    summary = run_email(single)
    stored = Interaction.objects.get()
    assert summary.created["interactions"] == 1
    assert stored.external_id == reply.external_id and stored.occurred_at == reply.occurred_at
    assert (
        stored.occurred_at.tzinfo is not None
        and stored.occurred_at.utcoffset().total_seconds() == 0
    )
    assert stored.occurred_at > datetime(2000, 1, 1, tzinfo=UTC)
