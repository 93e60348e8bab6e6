"""Imported mail carries the register: defensive replies, formality jumps, quotes left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.engine.tone import DEFENSIVE_TONE
from radar.portfolio.models import Alliance, Interaction
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.ingest.email.conftest import RunEmail, make_alliance

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(settings: pytest.FixtureRequest) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    return make_alliance("Acme", PARTNER)


def ours(n: int, day: int, thread: str = "") -> bytes:
    return message(f"q{n}@ours.example", sender=f"Olivia <olivia@{OURS}>",
                   to=f"Ann <ann@{PARTNER}>", date=f"Mon, {day} Mar 2025 09:00:00 +0000",
                   reply_to=thread or None, body="Shall we meet on Friday?")  # fmt: skip


def theirs(n: int, day: int, body: str, answers: str) -> bytes:
    return message(f"a{n}@acme.example", date=f"Mon, {day} Mar 2025 15:00:00 +0000",
                   reply_to=answers, body=body)  # fmt: skip


def stored(key: str) -> Interaction:
    return Interaction.objects.get(external_id=key)


def test_a_polite_defensive_reply_is_stored_as_defensive_and_cool(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    reply = (
        "Thank you for your patience. As clearly agreed in the contract, the additional "
        "features are not included. We appreciate your understanding.\n\nKind regards,\nAnn"
    )
    run_email(mbox(tmp_path / "box.mbox", ours(1, 3), theirs(1, 3, reply, "q1@ours.example")))
    answer = stored("a1@acme.example")
    assert answer.defensive and answer.tone == DEFENSIVE_TONE


def test_a_warm_reply_quoting_a_defensive_one_is_warm(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    reply = (
        "Great, thanks Olivia, that works for us!\n\nOn Mon, 3 Mar 2025 at 09:00, Olivia "
        "wrote:\n> Per my last email, we cannot proceed without a signed change request."
    )
    run_email(mbox(tmp_path / "box.mbox", ours(1, 3), theirs(1, 3, reply, "q1@ours.example")))
    answer = stored("a1@acme.example")
    assert not answer.defensive and answer.tone is not None and answer.tone > 0.3


def test_a_writer_turning_formal_against_the_thread_reads_as_pulling_back(
    acme: Alliance, tmp_path: Path, run_email: RunEmail
):
    notes = [
        "sure thing, see you friday!",
        "yes works for us, thanks :)",
        "Dear Ms. Ours, kindly note that no workshop is planned this month.",
    ]
    messages = []
    for n, note in enumerate(notes, start=1):
        messages += [ours(n, 2 + n, "a1@acme.example" if n > 1 else ""),
                     theirs(n, 2 + n, note, f"q{n}@ours.example")]  # fmt: skip
    run_email(mbox(tmp_path / "box.mbox", *messages))
    assert [stored(f"a{n}@acme.example").defensive for n in (1, 2, 3)] == [False, False, True]
    assert stored("a3@acme.example").tone == DEFENSIVE_TONE
    # The same note from someone who always writes like that is just a formal note.
    Interaction.objects.all().delete()
    formal = ["Dear Ms. Ours, kindly note the agenda below.", *notes[2:]]
    messages = []
    for n, note in enumerate(formal, start=1):
        messages += [ours(n, 2 + n, "a1@acme.example" if n > 1 else ""),
                     theirs(n, 2 + n, note, f"q{n}@ours.example")]  # fmt: skip
    run_email(mbox(tmp_path / "formal.mbox", *messages))
    assert not stored("a2@acme.example").defensive
