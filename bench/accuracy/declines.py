"""The walk the diagnostics share: each declining alliance of the dev seeds, grouped,
with the lines of those that did not pass."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from bench.accuracy.backtest import month_ends
from bench.accuracy.history import full_history, history_as_of
from bench.accuracy.portfolio import Alliance, build_portfolio
from radar.engine.records import History

Lines = Callable[[Alliance, date], tuple[str, list[str]]]


def declining_lines(
    seeds: list[int], per_class: int, lines_of: Lines, passed: str, groups: Counter[str]
) -> Iterator[str]:
    """Counts every declining alliance's group into `groups`; yields a heading and the
    lines of each one whose group is not `passed`."""
    for seed in seeds:
        portfolio = build_portfolio(seed, per_class)
        for alliance in portfolio.alliances:
            if alliance.label.cls != "declining":
                continue
            group, lines = lines_of(alliance, portfolio.last_day)
            groups[group] += 1
            if group == passed:
                continue
            label = alliance.label
            yield (
                f"seed {seed} #{alliance.id} {group}: {label.variant} "
                f"(onset {label.onset}, revenue falls {label.revenue_fall})"
            )
            yield from lines


def histories_before_the_fall(
    alliance: Alliance, last_day: date, since: date
) -> Iterator[tuple[date, History]]:
    """Each month end from `since` until the revenue falls, with the alliance's history
    as it stood then."""
    label = alliance.label
    assert label.revenue_fall is not None
    full = full_history(alliance.world, alliance.id)
    for as_of in month_ends(last_day, alliance.world.started):
        if since <= as_of < label.revenue_fall:
            yield as_of, history_as_of(full, as_of)
