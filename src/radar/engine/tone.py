"""The tone of a piece of text: how warm it is, and whether it blames or defends.

`score_text` combines VADER (a rule-based sentiment model tuned for short,
informal text; its compound score is already -1..+1) with a small lexicon of
phrases that mark a working relationship going sour. VADER reads "as we
already told you, the API was delivered" as neutral; a partner manager reads it
as a warning. The importers call this on message bodies after stripping quoted
replies and signatures, and the store aggregates the scores per month.

The lexicon is deliberately short and specific: each pattern is a phrase people
use when assigning blame or covering themselves, not a single word that also
appears in friendly mail. Extend it here (and in the tests) rather than
guessing from single words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Pointing at the other side: "you failed to", "your team never", "your fault".
BLAMING_PATTERNS: tuple[str, ...] = (
    r"\byou (?:have |had )?failed to\b",
    r"\byour (?:team|side|people|company|engineers?) (?:has |have )?"
    r"(?:failed|didn't|did not|never|missed|dropped)\b",
    r"\b(?:it's|it is|that's|that is|this is) (?:entirely |all )?(?:your|their) fault\b",
    r"\bbecause of (?:you|your team|your side|your people)\b",
    r"\byou were (?:supposed|meant|expected) to\b",
    r"\byou (?:still )?(?:haven't|have not|never) (?:delivered|sent|replied|responded)\b",
    r"\byou dropped the ball\b",
    r"\b(?:yet|once) again,? you\b",
    r"\bas usual,? you\b",
    r"\bstill waiting (?:for|on) (?:you|your)\b",
    r"\b(?:that's|that is|this is) on you\b",
)

# Covering ourselves: "as we already told you", "per my last email", "not our fault".
DEFENSIVE_PATTERNS: tuple[str, ...] = (
    r"\bas (?:we|i)(?:'ve| have)? (?:already|previously|clearly) "
    r"(?:told|said|explained|mentioned|stated|pointed out)\b",
    r"\bper my (?:last|previous|earlier) (?:e-?mail|message|note)\b",
    r"\bnot our (?:fault|responsibility|problem|issue)\b",
    r"\bwe (?:are|were|'re) not responsible\b",
    r"\b(?:that|this) was never agreed\b",
    r"\bwe never agreed\b",
    r"\bnever part of the (?:agreement|scope|contract|deal)\b",
    r"\b(?:is|was|are|were) (?:completely |clearly )?"
    r"(?:out of|outside(?: of)?)(?: the| our)? scope\b",
    r"\bwe did (?:our part|everything we could|what we promised)\b",
    r"\bas (?:clearly )?(?:stated|agreed|written) in the (?:contract|agreement|sow)\b",
    r"\bfor the record\b",
    r"\bwith all due respect\b",
)

_BLAMING = re.compile("|".join(BLAMING_PATTERNS), re.IGNORECASE)
_DEFENSIVE = re.compile("|".join(DEFENSIVE_PATTERNS), re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")
# Typographic apostrophes would defeat the patterns above.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True, slots=True)
class ToneScore:
    tone: float  # -1 (hostile) .. +1 (warm), VADER's compound score
    blaming: bool  # uses a phrase that assigns blame to the other side
    defensive: bool  # uses a phrase that covers the writer's own side
    words: int


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    # Loaded once, on first use: reading VADER's lexicon takes a moment.
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
        SentimentIntensityAnalyzer,
    )

    return SentimentIntensityAnalyzer()


def sentiment(text: str) -> float:
    """VADER's compound sentiment of `text`, -1..+1 (0 for empty text)."""
    if not text.strip():
        return 0.0
    compound = float(_analyzer().polarity_scores(text)["compound"])
    return max(-1.0, min(1.0, compound))


def is_blaming(text: str) -> bool:
    return _BLAMING.search(text.translate(_QUOTES)) is not None


def is_defensive(text: str) -> bool:
    return _DEFENSIVE.search(text.translate(_QUOTES)) is not None


def score_text(text: str) -> ToneScore:
    """Score one message or note (quotes and signatures already stripped)."""
    normalised = text.translate(_QUOTES)
    return ToneScore(
        tone=round(sentiment(normalised), 4),
        blaming=_BLAMING.search(normalised) is not None,
        defensive=_DEFENSIVE.search(normalised) is not None,
        words=len(_WORD.findall(normalised)),
    )
