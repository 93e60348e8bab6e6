"""Shares of small counts pooled over a few months, against the alliance's usual share.

Cancelled meetings and a sponsor's missed meetings come in ones and twos: a
monthly sync and a quarterly review make one or two meetings a month, so "two
cancellations in a month" never happens there, and "one in two" is noise. The
counts are read over the month alone (a sharp change) and pooled with up to
`count_pool_periods` months (a slow one), and compared with the share of the
`baseline_periods` months before them by an exact binomial test: how likely
would this many (or more) be if nothing had changed?
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import comb

from radar.engine.config import EngineConfig


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    p = min(max(p, 0.0), 1.0)
    return sum(comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(k, n + 1))


@dataclass(frozen=True, slots=True)
class PooledShare:
    """Events out of chances in the recent months, and the usual share before them."""

    events: int
    chances: int
    usual: float | None  # None without enough history
    usual_chances: int
    months: int

    @property
    def share(self) -> float:
        return self.events / self.chances if self.chances else 0.0


class Pooled:
    """Windows of two per-month counts (events, chances) in O(1), from prefix sums."""

    def __init__(self, events: Sequence[int], chances: Sequence[int]) -> None:
        self._e, self._c = [0], [0]
        for e, c in zip(events, chances, strict=True):
            self._e.append(self._e[-1] + e)
            self._c.append(self._c[-1] + c)

    def windows(self, i: int, config: EngineConfig, longest: int = 0) -> list[PooledShare]:
        """The month i alone, then pooled with one more month before, up to `longest`
        months (default `count_pool_periods`): a sharp change shows in the month, a slow
        one pooled."""
        last = longest or config.count_pool_periods
        return [self.at(i, months, config) for months in range(1, last + 1)]

    def at(self, i: int, months: int, config: EngineConfig, min_usual: int = 4) -> PooledShare:
        """The `months` months up to i, and the `baseline_periods` months before them."""
        lo = max(0, i + 1 - max(months, 1))
        base = max(0, lo - config.baseline_periods)
        usual_chances = self._c[lo] - self._c[base]
        usual = (
            (self._e[lo] - self._e[base]) / usual_chances if usual_chances >= min_usual else None
        )
        return PooledShare(
            self._e[i + 1] - self._e[lo],
            self._c[i + 1] - self._c[lo],
            usual,
            usual_chances,
            i + 1 - lo,
        )
