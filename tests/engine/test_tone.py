from __future__ import annotations

import pytest

from radar.engine.tone import ToneScore, score_text


def test_warm_text_scores_positive_and_is_not_flagged():
    score = score_text(
        "Thanks so much for the great workshop, the team loved it. Excited for next steps!"
    )
    assert score.tone > 0.5
    assert not score.blaming and not score.defensive
    assert score.words == 15


def test_hostile_text_scores_negative():
    assert (
        score_text("This is a terrible, frustrating mess and we are very disappointed.").tone < -0.5
    )


def test_empty_text_is_neutral():
    assert score_text("  \n") == ToneScore(tone=0.0, blaming=False, defensive=False, words=0)


@pytest.mark.parametrize(
    "text",
    [
        "You failed to deliver the connector on time.",
        "Your team never sent the test data.",
        "Honestly, that's your fault, not a platform issue.",
        "We slipped because of your team.",
        "You were supposed to book the QBR room.",
        "Once again you missed the deadline.",
        "We are still waiting for your sign-off.",
        "You still haven\u2019t delivered the API keys.",
    ],
)
def test_it_recognises_blaming_phrases(text):
    score = score_text(text)
    assert score.blaming
    assert not score.defensive


@pytest.mark.parametrize(
    "text",
    [
        "As we already told you, the release is fixed.",
        "Per my last email, the scope is unchanged.",
        "This outage was not our fault.",
        "That was never agreed in the steering committee.",
        "Custom reporting is out of scope.",
        "We did our part, the rest is on the reseller.",
        "For the record, the specs arrived late.",
        "As stated in the contract, support ends in June, so we cannot extend it.",
        "As I\u2019ve previously explained, no.",
    ],
)
def test_it_recognises_defensive_phrases(text):
    assert score_text(text).defensive


@pytest.mark.parametrize(
    "text",
    [
        "Could you send the slides before Friday?",
        "We did not get to the roadmap item, let's add it next time.",
        "Your team did a great job on the launch.",
        "Thank you for your patience, we'll fix it today.",
        "Is the migration within the project scope?",
    ],
)
def test_ordinary_requests_are_not_flagged(text):
    score = score_text(text)
    assert not score.blaming and not score.defensive


def test_both_flags_can_apply_to_one_text():
    score = score_text("Per my last email: you failed to send the invoice.")
    assert score.blaming and score.defensive
