"""End to end: imported mail reaches the engine's communication and culture signals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from radar.engine.evaluate import evaluate
from radar.portfolio.loader import load_histories
from radar.portfolio.models import Alliance
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.ingest.email.conftest import RunEmail, make_alliance

pytestmark = pytest.mark.django_db

AS_OF = date(2025, 10, 31)
WARM = (
    "Thanks so much, this is great progress and the team is really happy with the demo. "
    "We will share the updated forecast with you on Friday and look forward to the review."
)
SOUR = "You failed to deliver again. Still waiting for your team."


def exchanges(months: int, sour_from: int) -> list[bytes]:
    """Our question, then the partner's answer, a dozen times a month from January."""
    found = []
    for month in range(months):
        sour = month >= sour_from
        for n in range(12):
            asked = datetime(2025, 1 + month, 1 + 2 * n, 9, tzinfo=UTC)
            answered = asked + timedelta(hours=60 + n if sour else 2 + n / 10)
            ask_id = f"q{month}.{n}@ours.example"
            found.append(
                message(
                    ask_id,
                    sender=f"Olivia <olivia@{OURS}>",
                    to=f"Ann <ann@{PARTNER}>",
                    date=format_datetime(asked),
                    body="Could you confirm the launch plan and the pricing for next quarter?",
                )
            )
            found.append(
                message(
                    f"a{month}.{n}@acme.example",
                    date=format_datetime(answered.astimezone(UTC)),
                    reply_to=ask_id,
                    body=(SOUR if sour else WARM) + "\n\nOn Monday Olivia wrote:\n> Could you",
                )
            )
    return found


def assess(run_email: RunEmail, tmp_path: Path, alliance: Alliance, sour_from: int):
    run_email(mbox(tmp_path / f"box{sour_from}.mbox", *exchanges(10, sour_from)))
    history = load_histories(AS_OF, [alliance.pk])[alliance.pk]
    return history, evaluate(history, AS_OF)


def test_slow_sour_partner_mail_moves_the_signals(
    run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    alliance = make_alliance("Acme", PARTNER, started_on=date(2024, 6, 1))
    history, assessment = assess(run_email, tmp_path, alliance, sour_from=7)
    periods = {p.period: p for p in history.periods}
    spring, autumn = periods[date(2025, 3, 1)], periods[date(2025, 9, 1)]
    assert spring.emails_inbound == spring.emails_outbound == 12
    assert spring.partner_reply_hours is not None and spring.partner_reply_hours < 4
    assert autumn.partner_reply_hours is not None and autumn.partner_reply_hours > 50
    assert spring.partner_words is not None and autumn.partner_words is not None
    assert autumn.partner_words < spring.partner_words / 2
    assert spring.tone is not None and autumn.tone is not None and autumn.tone < spring.tone
    assert autumn.blaming == 12 and spring.blaming == 0 and spring.toned == 24
    rules = {s.rule for s in assessment.signals}
    assert {"communication.reply_slower", "communication.shorter_messages"} <= rules
    assert rules & {"culture.tone_falling", "culture.blaming"}


def test_steady_warm_mail_raises_no_such_signal(
    run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    alliance = make_alliance("Acme", PARTNER, started_on=date(2024, 6, 1))
    history, assessment = assess(run_email, tmp_path, alliance, sour_from=99)
    assert all(p.partner_reply_hours and p.partner_reply_hours < 4 for p in history.periods)
    rules = {s.rule for s in assessment.signals}
    assert not rules & {"communication.reply_slower", "culture.tone_falling", "culture.blaming"}
    communication = next(c for c in assessment.categories if c.category.value == "communication")
    assert communication.score is not None
