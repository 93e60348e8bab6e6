"""Which files and folders the e-mail importer claims, and which it leaves to others."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.ingest.email import EmailImporter
from tests.ingest.email.builders import message


def test_it_recognises_mailboxes_by_suffix_or_content(tmp_path: Path):
    importer = EmailImporter()
    raw = message()
    cases = {
        "a.mbox": b"",
        "Inbox": b"From MAILER-DAEMON Mon Mar  3 10:00:00 2025\n" + raw,
        "one.eml": raw,
        "saved-message": raw,  # no suffix, but headers of a message
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        assert importer.detect(tmp_path / name), name
    maildir = tmp_path / "Maildir"
    (maildir / "cur").mkdir(parents=True)
    assert importer.detect(maildir)
    assert importer.detect(Path("imap:/olivia@mail.example.com/INBOX"))


def test_it_leaves_other_files_alone(tmp_path: Path):
    importer = EmailImporter()
    cases = {
        "sheet.csv": b"From,Date,Subject\nann,2025-03-03,Plan\n",
        "calendar.ics": b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "notes.txt": message(),
        "plain": b"just some words\n",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        assert not importer.detect(tmp_path / name), name
    (tmp_path / "empty-folder").mkdir()
    assert not importer.detect(tmp_path / "empty-folder")
    assert not importer.detect(tmp_path / "missing.mbox")


def test_messages_come_back_in_mailbox_order_from_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from radar.ingest.email import parallel
    from radar.ingest.email.readers import mbox_messages

    monkeypatch.setattr(parallel, "CHUNK", 2)  # five messages: three chunks, worker processes

    path = tmp_path / "box.mbox"
    path.write_bytes(b"".join(b"From x Mon Mar  3 10:00:00 2025\n" + message(f"m{n}@x") + b"\n"
                              for n in range(5)))  # fmt: skip
    places = [where for where, _ in mbox_messages(path)]
    assert places == [f"message {n}" for n in range(1, 6)]
    from radar.ingest.email.facts import Sides
    from radar.ingest.mapping import Directory

    seen: list[str] = []
    sides = Sides(Directory(frozenset({"ours.example"}), {"acme.example": 1}, {}, {}))
    parallel.read_messages(mbox_messages(path), sides, False, lambda m: seen.append(m.key))
    assert seen == [f"m{n}@x" for n in range(5)]
