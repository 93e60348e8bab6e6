"""The register detector (radar.engine.tone) on a corpus written for it.

The corpus (tests/engine/tone_corpus) holds short partner messages in five
kinds: defensive, blaming, formal-but-neutral, warm and plain, with typos,
non-native phrasing, quoted replies and signatures. Each text goes through
what the e-mail importer does: `strip_reply`, then `score_text`. "Flagged"
means defensive or blaming.

Measured with this code (python -m pytest tests/engine/test_tone_register.py):

| part | texts | flagged-class texts | precision | recall |
| --- | --- | --- | --- | --- |
| development (4 batches) | 506 | 213 | 1.00 | 0.97 |
| held-out (written last, measured once) | 90 | 40 | 0.76 | 0.40 |

The held-out figure is the one to believe. Each earlier development batch was
written as a held-out set too and measured once before it became development
data: 0.85/0.28, 0.91/0.48, 0.92/0.48 (precision/recall). On text it has not
seen, the detector finds about four to five in ten defensive or blaming
messages and is right about eight or nine times in ten when it flags one.
Held-out, by kind: 8 of 21 defensive and 8 of 19 blaming texts flagged; 2 of
16 formal, 1 of 17 warm and 2 of 17 plain texts flagged wrongly. A defensive
text VADER alone reads as warm: 10 of 21 held-out; with the register, 5 of 21
(the ones it misses).

The assertions sit a little below these figures, so a change that loses
ground fails here; re-measure and update this table when the cues change.
"""

from __future__ import annotations

import pytest

from radar.engine.tone import (
    BLAMING_TONE,
    DEFENSIVE_TONE,
    formality_jump,
    register,
    score_text,
    sentiment,
)
from radar.ingest.email.text import strip_reply
from tests.engine.tone_corpus import DEV, FLAGGED, HELD_OUT


def measure(corpus: tuple[tuple[str, str], ...]) -> tuple[float, float]:
    hits = flagged = wanted = 0
    for label, text in corpus:
        score = score_text(strip_reply(text))
        says = score.defensive or score.blaming
        flagged += says
        wanted += label in FLAGGED
        hits += says and label in FLAGGED
    return hits / flagged, hits / wanted


def test_the_corpus_is_varied_and_large_enough():
    for corpus in (DEV, HELD_OUT):
        labels = [label for label, _ in corpus]
        assert {labels.count(k) for k in ("defensive", "blaming", "formal", "warm", "plain")}
        assert min(labels.count(k) for k in set(labels)) >= 15
    assert len(DEV) + len(HELD_OUT) >= 150
    texts = [text for _, text in DEV + HELD_OUT]
    assert len(set(texts)) == len(texts), "a text appears twice"
    assert sum(">" in t or "wrote:" in t for t in texts) >= 5, "quoted replies"
    assert sum("\n--\n" in t or "regards" in t.lower() for t in texts) >= 5, "signatures"


def test_held_out_precision_and_recall():
    precision, recall = measure(HELD_OUT)
    assert precision >= 0.7, precision
    assert recall >= 0.35, recall


def test_development_precision_and_recall():
    precision, recall = measure(DEV)
    assert precision >= 0.97, precision
    assert recall >= 0.95, recall


def test_a_flagged_text_never_reads_as_warm():
    for _, text in DEV + HELD_OUT:
        score = score_text(strip_reply(text))
        if score.blaming:
            assert score.tone <= BLAMING_TONE, text
        elif score.defensive:
            assert score.tone <= DEFENSIVE_TONE, text


POLITE_BUT_DEFENSIVE = (
    "Thank you for your patience. As clearly agreed in the contract, the additional features "
    "are not included. We appreciate your understanding."
)


def test_politeness_around_a_defensive_point_is_not_warmth():
    assert sentiment(POLITE_BUT_DEFENSIVE) > 0.5  # VADER alone: warm
    score = score_text(POLITE_BUT_DEFENSIVE)
    assert score.defensive and score.tone == DEFENSIVE_TONE


@pytest.mark.parametrize(
    "text",
    [
        # a pointer at the contract with a stand taken on it
        "The SOW does not include data migration.",
        # a stand taken in a stiffly formal register
        "Please be advised that we cannot extend the trial.",
        # responsibility placed on the other side's input
        "The specs were provided late, which delayed the sprint.",
        # an absolute claim about one's own side, backed by the record
        "Our team answered every ticket within the SLA, as the logs show.",
    ],
)
def test_general_cues_flag_texts_no_set_phrase_covers(text: str):
    assert register(text).defensive


@pytest.mark.parametrize(
    "text",
    [
        "Please find attached the signed statement of work for your records.",
        "As agreed in yesterday's call, here is the draft.",
        "Pursuant to section 4 of the agreement, the review is on 15 March.",
        "I can't make Tuesday, can we do Wednesday?",
        "Invoice no. 2025-118 acc. to the agreed payment terms is attached.",
    ],
)
def test_a_formal_register_or_a_pointer_alone_is_not_defensive(text: str):
    found = register(text)
    assert not found.defensive and not found.blaming


def test_formality_is_measured_per_sentence():
    assert register("sure, see you there!").formality == 0.0
    formal = register("Dear Ms. Smith, kindly note that no workshop is planned this month.")
    assert formal.formality == 1.0
    assert not formal.defensive  # a weak stand in a formal note: not enough alone ...
    assert formality_jump(0.0, formal.formality, formal.stance)  # ... against a casual thread
    assert not formality_jump(0.8, formal.formality, formal.stance)  # a writer always this formal


def test_an_apology_for_ones_own_delay_is_not_blame():
    assert not register(
        "Please accept our apologies for the delay in answering your letter."
    ).blaming
    assert register("Sorry to be blunt, but your team missed the deadline again.").blaming
