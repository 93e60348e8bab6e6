"""Broken mail: a warning naming the message or a clear problem; never a crash or half-write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, Interaction
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.ingest.email.conftest import RunEmail, make_alliance

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(settings: pytest.FixtureRequest) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    return make_alliance("Acme", PARTNER)


def attempt(run_email: RunEmail, path: Path) -> str:
    try:
        run_email(path)
    except ImportFailed as failed:
        assert failed.problems and all(p.file and p.message for p in failed.problems)
        assert not Interaction.objects.exists()
        return "refused"
    return "imported"


def test_a_message_with_a_broken_date_is_named_and_skipped(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    path = mbox(
        tmp_path / "box.mbox",
        message("good@acme.example"),
        message("bad@acme.example", date="the day after tomorrow"),
        message("none@acme.example", date=None),
    )
    summary = run_email(path)
    assert list(Interaction.objects.values_list("external_id", flat=True)) == ["good@acme.example"]
    named = [w for w in summary.warnings if "bad@acme.example" in w]
    assert named and "the day after tomorrow" in named[0] and "message 2" in named[0]
    assert any("none@acme.example" in w and "missing" in w for w in summary.warnings)
    assert "2 messages skipped: no readable date" in summary.skipped_lines()


def test_a_bad_date_falls_back_to_when_the_message_was_received(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    raw = message(
        "late@acme.example",
        date="31 Febtember",
        extra="Received: from mx by mx.ours.example; Tue, 4 Mar 2025 08:00:00 -0500",
    )
    summary = run_email(mbox(tmp_path / "box.mbox", raw))
    stored = Interaction.objects.get()
    assert stored.occurred_at.isoformat() == "2025-03-04T13:00:00+00:00"
    assert any("received" in w and "late@acme.example" in w for w in summary.warnings)


def test_messages_without_a_message_id_get_a_stable_key(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    path = mbox(tmp_path / "box.mbox", message(None), message(None, subject="Other"))
    run_email(path)
    keys = sorted(Interaction.objects.values_list("external_id", flat=True))
    assert len(keys) == 2 and all(k.startswith("sha256:") for k in keys)
    assert not run_email(path).changed
    assert sorted(Interaction.objects.values_list("external_id", flat=True)) == keys


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02binary junk\xff" * 50, b"hello world\nthis is not mail\n"],
)
def test_files_that_are_not_mailboxes_are_refused(
    acme: Alliance, run_email: RunEmail, tmp_path: Path, content: bytes
):
    path = tmp_path / "broken.mbox"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as failed:
        run_email(path)
    assert failed.value.problems[0].file == "broken.mbox"
    assert not Interaction.objects.exists()


def test_an_empty_maildir_is_refused(acme: Alliance, run_email: RunEmail, tmp_path: Path):
    (tmp_path / "box" / "cur").mkdir(parents=True)
    with pytest.raises(ImportFailed, match="problem"):
        run_email(tmp_path / "box")


def test_a_huge_body_is_measured_without_trouble(
    acme: Alliance, run_email: RunEmail, tmp_path: Path
):
    body = "We are pleased with the progress. " * 60_000  # about 2 MB of text
    run_email(mbox(tmp_path / "big.mbox", message(body=body)))
    stored = Interaction.objects.get()
    assert stored.word_count is not None and stored.word_count > 10_000
    assert stored.tone is not None and stored.tone > 0


charsets = st.sampled_from(["utf-8", "latin-1", "koi8-r", "shift_jis", "x-bogus", "gb2312"])
header_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
dates = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        ["Mon, 3 Mar 2025 10:00:00 +0100", "3 Mar 25 10:00 PST", "Fri, 31 Feb 2025 10:00:00"]
    ),
    st.datetimes().map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S +0000")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    subject=header_text,
    name=header_text,
    charset=charsets,
    date=dates,
    body=st.text(max_size=300),
    drop=st.sets(st.sampled_from(["From", "To", "Subject", "Message-ID", "Content-Type"])),
)
def test_generated_messages_never_crash(
    acme: Alliance,
    tmp_path_factory: pytest.TempPathFactory,
    run_email: RunEmail,
    subject: str,
    name: str,
    charset: str,
    date: str | None,
    body: str,
    drop: set[str],
):
    from email.header import Header

    try:
        encoded_subject = Header(subject, charset if charset != "x-bogus" else "utf-8").encode()
    except (UnicodeError, LookupError):
        encoded_subject = subject
    lines = [
        f"From: {name} <ann@{PARTNER}>",
        f"To: olivia@{OURS}",
        f"Subject: {encoded_subject}",
        "Message-ID: <gen@acme.example>",
        f"Content-Type: text/plain; charset={charset}",
    ]
    lines = [line for line in lines if line.split(":")[0] not in drop]
    if date is not None:
        lines.append(f"Date: {date}")
    raw = ("\n".join(lines) + "\n\n" + body).encode("utf-8", "surrogatepass")
    path = mbox(tmp_path_factory.mktemp("gen") / "gen.mbox", raw)
    Interaction.objects.all().delete()
    assert attempt(run_email, path) in {"imported", "refused"}
    for stored in Interaction.objects.all():
        assert stored.occurred_at.utcoffset().total_seconds() == 0
        assert stored.direction == "inbound"


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.integers(min_value=0, max_value=600), junk=st.binary(max_size=60))
def test_truncated_or_corrupted_mailboxes_never_crash(
    acme: Alliance,
    tmp_path_factory: pytest.TempPathFactory,
    run_email: RunEmail,
    cut: int,
    junk: bytes,
):
    whole = mbox(
        tmp_path_factory.mktemp("cut") / "x.mbox",
        message("a@acme.example"),
        message(
            "b@ours.example",
            sender=f"olivia@{OURS}",
            to=f"ann@{PARTNER}",
            reply_to="a@acme.example",
        ),
    ).read_bytes()
    path = tmp_path_factory.mktemp("cut") / "broken.mbox"
    path.write_bytes(whole[:cut] + junk)
    Interaction.objects.all().delete()
    assert attempt(run_email, path) in {"imported", "refused"}
