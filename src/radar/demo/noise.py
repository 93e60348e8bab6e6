"""Random streams keyed by what they are for, so a date never reshuffles the noise.

With one generator per alliance drawn in sequence, every month's number of
days and every event before it changed the draws after it: the demo run on
another day got other noise, and stories that held on one date failed on
another. Here each month, metric value, deliverable round, survey and
check-in draws from its own stream, named by the seed, the alliance and its
place relative to the demo's date: the same relative month gets the same
noise whatever the date. Another seed still moves all of it.
"""

from __future__ import annotations

import random


class Noise:
    def __init__(self, seed: int, alliance: str):
        self.prefix = f"{seed}:{alliance}"

    def stream(self, *parts: object) -> random.Random:
        return random.Random(":".join([self.prefix, *(str(p) for p in parts)]))
