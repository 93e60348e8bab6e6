"""Files that hold no e-mail message are problems, not quietly skipped messages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, Interaction
from tests.ingest.email.builders import message
from tests.ingest.email.conftest import RunEmail

pytestmark = pytest.mark.django_db

GARBAGE = {
    "empty": (b"", "the file is empty"),
    "blank": (b"\r\n \n\t\n", "it holds only blank space"),
    "nul": (b"\x00" * 1000, "it holds binary data (NUL bytes), not an e-mail message"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image, not an e-mail message"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "this is a PDF document, not an e-mail message"),
    "text": (b"Dear Ann,\nsee you soon.\n", "it has no e-mail headers (From:, Date:, Subject: …)"),
}


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_a_lone_file_without_a_message_fails_the_import(
    tmp_path: Path, run_email: RunEmail, alliances: dict[str, Alliance], name: str
):
    data, why = GARBAGE[name]
    path = tmp_path / f"{name}.eml"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as failed:
        run_email(path)
    assert [str(p) for p in failed.value.problems] == [f"{name}.eml, file: {why}"]
    assert not Interaction.objects.exists()


def test_a_folder_of_garbage_names_each_file(
    tmp_path: Path, run_email: RunEmail, alliances: dict[str, Alliance]
):
    for name in ("a", "b"):
        (tmp_path / f"{name}.eml").write_bytes(GARBAGE["png"][0])
    with pytest.raises(ImportFailed) as failed:
        run_email(tmp_path)
    assert [p.location for p in failed.value.problems] == ["a.eml", "b.eml"]


def test_one_garbage_file_among_messages_is_a_named_warning(
    tmp_path: Path, run_email: RunEmail, alliances: dict[str, Alliance]
):
    (tmp_path / "good.eml").write_bytes(
        message(sender="Dave <davem@davemloft.net>", to="Joe <joe@perches.com>")
    )
    (tmp_path / "bad.eml").write_bytes(GARBAGE["nul"][0])
    summary = run_email(tmp_path)
    assert summary.created["interactions"] == 1
    assert any(w.startswith("bad.eml: it holds binary data") for w in summary.warnings)


def test_a_zipped_maildir_bomb_is_refused_before_inflating(
    tmp_path: Path, run_email: RunEmail, alliances: dict[str, Alliance]
):
    box = tmp_path / "box.zip"
    with zipfile.ZipFile(box, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Maildir/cur/1", message() + b"x" * (8 << 20))
    with pytest.raises(ImportFailed) as failed:
        run_email(box)
    (problem,) = failed.value.problems
    assert problem.message.startswith("Maildir/cur/1 would expand")
