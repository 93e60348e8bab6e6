"""Slower partner replies, judged reply by reply: small samples are pooled, not dropped.

With one to eight partner replies a month, a monthly mean is mostly noise: one
reply after a holiday doubles it. So the rule works on the replies themselves,
on the log scale (a reply time that doubles is as notable as one that halves):

- the *recent* sample is the month's replies, pooled with the months before it
  until it holds `reply_pool_min` replies (at most `reply_pool_periods` months);
- the *usual* sample is every reply of the `baseline_periods` months before it;
- the recent mean is compared with the usual one against the standard error
  of both means (more replies, a sharper test), and must also be at least
  `deviation_relative` slower, with the month's own replies slower than usual
  (a pooled sample never fires for a month that was itself fine);
- the slow boil: the same test against the *reference*, the fastest usual mean
  of the last `reference_periods` months, so replies that stay slow stay a
  signal after the usual mean has caught up.

Months without a reply carry no information and neither fire nor count. A month
known only by its mean reply time (no per-reply statistics) counts as one reply.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from radar.engine.assessment import Detection, Evidence
from radar.engine.baseline import severity_from_z
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import PeriodStats
from radar.engine.signals._common import fmt, trailing_points
from radar.engine.vocab import Category, Polarity

RULE = "communication.reply_slower"
TITLE = "Partner replies more slowly"


@dataclass(frozen=True, slots=True)
class Sample:
    """Replies pooled over some months: how many, the mean of ln(hours), its variance."""

    n: int
    mean: float
    variance: float

    def standard_error(self, usual: Sample, floor: float) -> float:
        """The standard error of the difference of this mean and the `usual` one, were
        nothing different: the spread of single replies is the usual one (floored)."""
        spread = max(usual.variance, floor * floor)
        return math.sqrt(spread / self.n + spread / usual.n)


def _months(stats: Sequence[PeriodStats]) -> tuple[list[int], list[float], list[float]]:
    """Per month: replies, sum of ln(hours) and sum of its square (prefix-summable)."""
    counts, sums, squares = [], [], []
    for s in stats:
        if s.partner_replies > 0 and s.partner_reply_log is not None:
            n, mean = s.partner_replies, s.partner_reply_log
            square = s.partner_reply_log_sq if s.partner_reply_log_sq is not None else mean * mean
        elif s.partner_reply_hours is not None and s.partner_reply_hours > 0:
            n, mean = 1, math.log(s.partner_reply_hours)
            square = mean * mean
        else:
            n, mean, square = 0, 0.0, 0.0
        counts.append(n)
        sums.append(n * mean)
        squares.append(n * square)
    return counts, sums, squares


class _Pool:
    """Samples over any run of months in O(1), from prefix sums."""

    def __init__(self, stats: Sequence[PeriodStats]) -> None:
        counts, sums, squares = _months(stats)
        self.counts = counts
        self._n, self._s, self._q = [0], [0.0], [0.0]
        for n, s, q in zip(counts, sums, squares, strict=True):
            self._n.append(self._n[-1] + n)
            self._s.append(self._s[-1] + s)
            self._q.append(self._q[-1] + q)

    def sample(self, lo: int, hi: int) -> Sample | None:
        """The replies of months lo..hi-1 (None without any)."""
        lo = max(lo, 0)
        n = self._n[hi] - self._n[lo]
        if n <= 0:
            return None
        mean = (self._s[hi] - self._s[lo]) / n
        return Sample(n, mean, max((self._q[hi] - self._q[lo]) / n - mean * mean, 0.0))

    def months_with_replies(self, lo: int, hi: int) -> int:
        return sum(1 for n in self.counts[max(lo, 0) : hi] if n)


def _recent(pool: _Pool, i: int, config: EngineConfig) -> tuple[int, Sample | None]:
    """The month's replies pooled back until there are enough: (first month, sample)."""
    start = i
    for back in range(max(config.reply_pool_periods, 1)):
        start = i - back
        found = pool.sample(start, i + 1)
        if found is not None and found.n >= config.reply_pool_min:
            return start, found
    return start, pool.sample(start, i + 1)


def _usual(pool: _Pool, start: int, config: EngineConfig) -> Sample | None:
    """The replies of the `baseline_periods` months before `start`."""
    lo = start - config.baseline_periods
    if pool.months_with_replies(lo, start) < config.baseline_min_periods:
        return None
    return pool.sample(lo, start)


@dataclass(frozen=True, slots=True)
class _Found:
    i: int
    start: int  # the first month pooled into the recent sample
    own: Sample  # the month's own replies
    recent: Sample
    usual: Sample
    z: float
    sustained: bool  # against the reference (healthy) level, not the trailing one


def _slower(recent: Sample, usual: Sample, own: Sample, config: EngineConfig) -> float | None:
    """The z of `recent` against `usual` when it is slower enough, else None."""
    reach = math.log1p(config.deviation_relative)
    change = recent.mean - usual.mean
    if change < reach or own.mean - usual.mean < reach / 2:
        return None
    z = change / recent.standard_error(usual, math.log1p(config.baseline_mad_floor))
    return z if z >= config.deviation_z else None


def _scan(stats: Sequence[PeriodStats], config: EngineConfig) -> Iterator[_Found]:
    pool = _Pool(stats)
    usuals: list[Sample | None] = []  # the usual sample at each month (for the reference)
    for i in range(len(stats)):
        start, recent = _recent(pool, i, config)
        usual = _usual(pool, start, config)
        usuals.append(usual)
        own = pool.sample(i, i + 1)
        if recent is None or usual is None or own is None:
            continue
        z = _slower(recent, usual, own, config)
        if z is not None:
            yield _Found(i, start, own, recent, usual, z, False)
            continue
        known = [u for u in usuals[-config.reference_periods :] if u is not None]
        best = min(known, key=lambda u: u.mean)
        z = _slower(recent, best, own, config) if best is not usual else None
        if z is not None:
            yield _Found(i, start, own, recent, best, z, True)


def _replies(n: int) -> str:
    return f"{n} repl{'y' if n == 1 else 'ies'}"


def reply_slower(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """The partner's replies are clearly slower than usual, or than when healthy."""
    hours = frame.series("partner_reply_hours")
    for found in _scan(frame.stats, config):
        recent, usual = found.recent.mean, found.usual.mean
        typical, was = math.exp(recent), math.exp(usual)
        span = found.i - found.start + 1
        against = "when the alliance was healthy" if found.sustained else "usually"
        own = f"{fmt(math.exp(found.own.mean))} hours this month ({_replies(found.own.n)})"
        if span > 1:
            own += (
                f", {fmt(typical)} hours over the last {span} months ({_replies(found.recent.n)})"
            )
        se = found.recent.standard_error(found.usual, math.log1p(config.baseline_mad_floor))
        reach = max(config.deviation_z * se, math.log1p(config.deviation_relative))
        yield Detection(
            rule=RULE,
            category=Category.COMMUNICATION,
            polarity=Polarity.NEGATIVE,
            period=frame.periods[found.i],
            title=TITLE,
            detail=(
                f"The partner's replies took {own}, against {fmt(was)} hours {against} "
                f"({(typical / was - 1) * 100:+.0f}%; typical values, the geometric mean)."
            ),
            evidence=Evidence(
                summary=(
                    f"partner reply hours, reply by reply on the log scale: {found.recent.n} "
                    f"recent replies against {found.usual.n} "
                    f"{'from the healthy time' if found.sustained else 'before them'} "
                    f"(z {found.z:+.1f})"
                ),
                points=trailing_points(frame, hours, found.i, config),
                baseline=round(was, 3),
                threshold=round(math.exp(usual + reach), 3),
                unit="hours",
            ),
            severity=severity_from_z(found.z, config),
        )
