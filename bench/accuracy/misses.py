"""python -m bench.accuracy.misses: why declining alliances were not called early (dev only).

The benchmark says how many declining alliances got a reset or exit 60 days
before the revenue fall; this says, for each that did not, what the engine saw
month by month from a month before the erosion began to the fall, so the causes
can be grouped before the engine changes:

    2024-06-30 W monitor  monitor     4.8  communication.fewer_meetings!2 resource.team_shrinking!1

`W` marks the month ends inside the early window (on or after the onset and 60
days or more before the fall); each negative signal is written as its rule, `*`
when confirmed, `!` when sighted in that month, the readings its streak counted
and `s` when that sighting was seasonal (counted nothing). Each miss is put in
one of two groups, and the last line counts them:

- *never confirmed*: sightings only, nothing confirmed in the early window;
- *uncorroborated*: something was confirmed in the window, but nothing made it
  a pattern (another category, a systemic cluster) in time.

Before that line, two lines tally the misses' early-window month ends: how many
rules were sighted at each (0, 1, 2, ...) and how often each rule was: the
evidence there is to confirm, whatever the bookkeeping.

Hold-out seeds are refused: whoever works on the engine looks at dev seeds only.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from bench.accuracy.declines import declining_lines, histories_before_the_fall
from bench.accuracy.labels import ALARMS
from bench.accuracy.portfolio import Alliance, split_of
from bench.accuracy.readings import EARLY_DAYS
from radar.engine.evaluate import evaluate

LOOK_BACK = timedelta(days=40)  # also show the month end before the onset
ALARM_VALUES = frozenset(a.value for a in ALARMS)


def _mark(signal: Any, period: date) -> str:
    return (
        f"{signal.rule}{'*' if signal.confirmed else ''}"
        f"{'!' if signal.last_seen == period else ''}{signal.occurrences}"
        f"{'s' if signal.seasonal else ''}"
    )


def alliance_lines(alliance: Alliance, last_day: date) -> tuple[str, list[str]]:
    """(the cause group, or "early" when called in time; the month-by-month lines)."""
    label = alliance.label
    assert label.onset is not None and label.revenue_fall is not None
    lines: list[str] = []
    early = confirmed_in_window = False
    for as_of, history in histories_before_the_fall(alliance, last_day, label.onset - LOOK_BACK):
        assessment = evaluate(history, as_of)
        action = str(assessment.recommendation.action.value)
        window = as_of >= label.onset and (label.revenue_fall - as_of).days >= EARLY_DAYS
        negatives = [s for s in assessment.signals if str(s.polarity.value) == "negative"]
        if window:
            early = early or action in ALARM_VALUES
            confirmed_in_window = confirmed_in_window or any(s.confirmed for s in negatives)
        period = as_of.replace(day=1)
        score = "-" if assessment.score is None else f"{assessment.score:.1f}"
        lines.append(
            f"   {as_of} {'W' if window else ' '} {action:8} "
            f"{assessment.recommendation.rule:22} {score:>4}  "
            + " ".join(_mark(s, period) for s in negatives)
        )
    if early:
        return "early", lines
    return ("uncorroborated" if confirmed_in_window else "never confirmed"), lines


def _most_then_name(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def window_rules(line: str) -> set[str] | None:
    """The rules sighted at one month end inside the early window (None outside it)."""
    if not re.match(r"^   \d{4}-\d\d-\d\d W ", line):
        return None
    return {re.sub(r"[*!].*", "", mark) for mark in line.split()[5:] if "!" in mark}


def tally(lines: Iterable[str]) -> list[str]:
    """What the misses saw in their early windows: how many rules were sighted at each
    month end, and which rules (the sparse evidence any new rule must add to)."""
    per_month: Counter[int] = Counter()
    rules: Counter[str] = Counter()
    for line in lines:
        sighted = window_rules(line)
        if sighted is not None:
            per_month[len(sighted)] += 1
            rules.update(sighted)
    months = sum(per_month.values())
    return [
        f"{months} early-window month ends of the misses, by rules sighted: "
        + ", ".join(f"{n}: {per_month[n]}" for n in sorted(per_month)),
        "rules sighted in them (month ends): "
        # Ties by name: a set's order changes with the hash seed, and two runs should agree.
        + ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items(), key=_most_then_name)),
    ]


def misses(seeds: list[int], per_class: int) -> Iterator[str]:
    groups: Counter[str] = Counter()
    shown: list[str] = []
    for line in declining_lines(seeds, per_class, alliance_lines, "early", groups):
        shown.append(line)
        yield line
    yield from tally(shown)
    total = sum(groups.values())
    yield f"{total} declining alliances: " + ", ".join(
        f"{groups[g]} {g}" for g in ("early", "never confirmed", "uncorroborated")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy.misses", description=__doc__)
    parser.add_argument("--seed", type=int, action="append", help="dev seeds (default 1-3)")
    parser.add_argument("--alliances-per-class", type=int, default=12)
    args = parser.parse_args(argv)
    seeds = args.seed or [1, 2, 3]
    if any(split_of(seed) != "dev" for seed in seeds):
        parser.error("dev seeds only: the hold-out is only ever seen in totals")
    for line in misses(seeds, args.alliances_per_class):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
