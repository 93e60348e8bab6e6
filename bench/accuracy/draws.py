"""Random draws the realisation shares (all from the alliance's own seeded RNG)."""

from __future__ import annotations

import calendar
import math
import random
from datetime import UTC, date, datetime, timedelta


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count (Knuth's method; a rounded normal for large means)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def around(rng: random.Random, median: float, spread: float) -> float:
    """A log-normal draw with this median (`spread` = sigma of the log)."""
    return median * math.exp(rng.gauss(0, spread))


def workday(rng: random.Random, month: date) -> date:
    """A random Monday-Friday of the month."""
    days = calendar.monthrange(month.year, month.month)[1]
    while True:
        day = month.replace(day=rng.randint(1, days))
        if day.weekday() < 5:
            return day


def office_time(rng: random.Random, day: date) -> datetime:
    """An instant in European and American office hours on `day` (UTC)."""
    return datetime(
        day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59), tzinfo=UTC
    )


def later(when: datetime, hours: float) -> datetime:
    return when + timedelta(hours=hours)
