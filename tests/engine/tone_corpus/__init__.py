"""A labelled corpus of short partner messages for the register detector (radar.engine.tone).

Written for this project (no third-party text): five kinds of message, in
different English registers, with typos, non-native phrasing, quoted replies
and signatures. `dev` was written first and the detector was built against
it; `second_dev`, `third_dev` and `fourth_dev` were each written as a
held-out set, measured once (precision/recall 0.85/0.28, 0.91/0.48, then
0.92/0.48: the cues were still too close to the phrasings seen), and then
used for development too;
`held_out` was written last, with new situations and phrasings, and only
measured (tests/engine/test_tone_register.py).

Labels:
- defensive: covering oneself, formal distancing, pointing back at what was
  agreed, delivered or written, insisting on procedure or written approval,
  escalating to legal or procurement;
- blaming: pointing at the other side's failures;
- formal: a formal register with nothing defensive in it;
- warm: friendly, appreciative;
- plain: everyday operational mail.
"""

from __future__ import annotations

from tests.engine.tone_corpus.dev import DEV as FIRST_DEV
from tests.engine.tone_corpus.fourth_dev import FOURTH_DEV
from tests.engine.tone_corpus.held_out import HELD_OUT
from tests.engine.tone_corpus.second_dev import SECOND_DEV
from tests.engine.tone_corpus.third_dev import THIRD_DEV

DEV = FIRST_DEV + SECOND_DEV + THIRD_DEV + FOURTH_DEV

FLAGGED = frozenset({"defensive", "blaming"})

__all__ = ["DEV", "FLAGGED", "HELD_OUT"]
