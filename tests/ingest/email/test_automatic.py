"""Out-of-office notes, auto-responders and delivery reports are nobody's reply."""

from __future__ import annotations

from email import message_from_bytes
from pathlib import Path

import pytest

from radar.ingest.email.automatic import Automatic, automatic
from radar.portfolio.models import Alliance, Interaction
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.ingest.email.conftest import RunEmail, make_alliance

pytestmark = pytest.mark.django_db

ASKED = "Mon, 3 Mar 2025 10:00:00 +0000"
OUT_OF_OFFICE = "Mon, 3 Mar 2025 10:01:00 +0000"  # a minute later: a 0.02-hour "reply"
ANSWERED = "Tue, 4 Mar 2025 16:00:00 +0000"  # 30 hours later: the real answer


def read(extra: str = "", subject: str = "Plan", content_type: str = "") -> Automatic | None:
    raw = message(subject=subject, extra=extra)
    if content_type:
        raw = raw.replace(b"Content-Type: text/plain; charset=utf-8", content_type.encode())
    msg = message_from_bytes(raw)
    return automatic(msg, subject)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Auto-Submitted: auto-replied", Automatic.AUTO_REPLY),
        ("Auto-Submitted: auto-generated", Automatic.AUTO_REPLY),
        ("Auto-Submitted: Auto-Replied (vacation)", Automatic.AUTO_REPLY),
        ("X-Autoreply: yes", Automatic.AUTO_REPLY),
        ("X-Autorespond: Out of office", Automatic.AUTO_REPLY),
        ("Precedence: auto_reply", Automatic.AUTO_REPLY),
        ("X-MS-Exchange-Generated-Message-Type: AutoReply", Automatic.AUTO_REPLY),
        ("X-MS-Exchange-Generated-Message-Type: Bounce", Automatic.DELIVERY_REPORT),
        ("Precedence: bulk", Automatic.BULK),
        ("Precedence: junk", Automatic.BULK),
        ("Return-Path: <>", Automatic.DELIVERY_REPORT),
    ],
)
def test_headers_say_a_machine_wrote_it(header: str, expected: Automatic):
    assert read(header) is expected


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Auto-Submitted: no",
        "X-Autoreply: no",
        # A person's message that came through a mailing list (every LKML message).
        "Precedence: bulk\nList-Id: <linux-kernel.vger.kernel.org>",
        "Precedence: list\nList-Id: <team.acme.example>",
        # Outlook asks others not to auto-reply to a person's message: still a person's.
        "X-Auto-Response-Suppress: All",
    ],
)
def test_a_persons_message_is_not_automatic(header: str):
    assert read(header) is None


def test_delivery_reports_are_recognised_by_their_form():
    report = 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"'
    assert read(content_type=report) is Automatic.DELIVERY_REPORT
    daemon = message_from_bytes(message(sender="Mail Delivery System <MAILER-DAEMON@acme.example>"))
    assert automatic(daemon, "Plan") is Automatic.DELIVERY_REPORT


@pytest.mark.parametrize(
    "subject",
    [
        "Automatic reply: Launch plan",
        "Auto-Reply: Launch plan",
        "Autoreply: Launch plan",
        "Out of Office: Launch plan",
        "Out of office",
        "OOO: back on Monday",
        "Abwesenheitsnotiz: Launch plan",
        "Automatische Antwort: Launch plan",
        "Réponse automatique : Launch plan",
        "Respuesta automática: Launch plan",
        "Risposta automatica: Launch plan",
        "Automatisch antwoord: Launch plan",
        "Resposta automática: Launch plan",
        "Automatyczna odpowiedź: Launch plan",
        "Autosvar: Launch plan",
        "Автоответ: Launch plan",
        "自動応答: Launch plan",
        "自动回复\uff1aLaunch plan",  # a full-width colon
    ],
)
def test_auto_responder_subjects_in_many_languages(subject: str):
    assert read(subject=subject) is Automatic.AUTO_REPLY


@pytest.mark.parametrize(
    "subject",
    [
        "Undeliverable: Launch plan",
        "Delivery Status Notification (Failure)",
        "Mail delivery failed: returning message to sender",
        "Unzustellbar: Launch plan",
        "Read: Launch plan",
    ],
)
def test_report_subjects(subject: str):
    assert read(subject=subject) is Automatic.DELIVERY_REPORT


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Automatic reply: Launch plan",  # a person answering an auto-reply
        "Out of office plans for August",
        "Our absence calendar for Q3",
        "Lunch next week?",
        "Reading list for the workshop",
        "Re: Launch plan",
    ],
)
def test_a_persons_subject_is_not_automatic(subject: str):
    assert read(subject=subject) is None


@pytest.fixture
def acme(settings: pytest.FixtureRequest) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    return make_alliance("Acme", PARTNER)


def thread(auto_header: str = "Auto-Submitted: auto-replied") -> list[bytes]:
    ours = message("q1@ours.example", sender=f"Olivia <olivia@{OURS}>",
                   to=f"Ann <ann@{PARTNER}>", date=ASKED, subject="Launch plan")  # fmt: skip
    away = message("ooo1@acme.example", date=OUT_OF_OFFICE, reply_to="q1@ours.example",
                   subject="Automatic reply: Launch plan", extra=auto_header,
                   body="I am out of the office until Tuesday.")  # fmt: skip
    answer = message("a1@acme.example", date=ANSWERED, reply_to="q1@ours.example",
                     subject="Re: Launch plan", body="Here is the plan.")  # fmt: skip
    return [ours, away, answer]


def test_an_out_of_office_note_is_skipped_and_the_real_reply_keeps_its_latency(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    summary = run_email(mbox(tmp_path / "box.mbox", *thread()))
    stored = dict(Interaction.objects.values_list("external_id", "reply_hours"))
    assert stored == {"q1@ours.example": None, "a1@acme.example": 30.0}
    (line,) = summary.skipped_lines()
    assert line.startswith("1 message skipped: automatic replies (out of office")
    assert summary.created["interactions"] == 2


def test_an_auto_reply_known_only_by_its_subject_is_skipped_too(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    run_email(mbox(tmp_path / "box.mbox", *thread(auto_header="")))
    assert not Interaction.objects.filter(external_id="ooo1@acme.example").exists()


def test_our_answer_to_an_out_of_office_note_is_no_reply_to_it(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    ours, away, _ = thread()
    nudge = message("q2@ours.example", sender=f"Olivia <olivia@{OURS}>",
                    to=f"Ann <ann@{PARTNER}>", date="Mon, 3 Mar 2025 10:05:00 +0000",
                    reply_to="ooo1@acme.example", subject="Re: Automatic reply")  # fmt: skip
    run_email(mbox(tmp_path / "box.mbox", ours, away, nudge))
    # Answering the note is not answering the partner: no 0.07-hour "reply" of ours.
    assert Interaction.objects.get(external_id="q2@ours.example").reply_hours is None


def test_reimporting_changes_nothing_and_an_earlier_import_is_corrected(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    box = mbox(tmp_path / "box.mbox", *thread())
    run_email(box)
    assert not run_email(box).changed
    # An import made before auto-replies were recognised stored the note as a reply.
    Interaction.objects.create(alliance=acme, kind="email", source="email", direction="inbound",
                               external_id="ooo1@acme.example", occurred_at="2025-03-03T10:01Z",
                               reply_hours=0.0167)  # fmt: skip
    summary = run_email(box)
    assert summary.removed["interactions"] == 1
    assert not Interaction.objects.filter(external_id="ooo1@acme.example").exists()
    assert not run_email(box).changed
