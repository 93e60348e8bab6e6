"""Run the paths over a split's portfolios and gather each path's figures."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.accuracy import report
from bench.accuracy.backtest import Reading, backtest_engine
from bench.accuracy.labels import CLASSES, Label
from bench.accuracy.portfolio import Portfolio, build_portfolio
from bench.accuracy.readings import figures
from bench.accuracy.targets import check

KEY = 100_000  # readings of several portfolios are told apart by seed * KEY + alliance id


@dataclass(frozen=True, slots=True)
class Options:
    per_class: int
    classes: tuple[str, ...] = CLASSES
    e2e: bool = False
    workdir: Path | None = None  # keep the end-to-end files and stores here
    details: bool = False


@dataclass
class PathRun:
    readings: list[Reading] = field(default_factory=list)
    seconds: float = 0.0
    fidelity: list[dict[str, Any]] = field(default_factory=list)


def keyed(portfolio: Portfolio, readings: Iterable[Reading]) -> Iterator[Reading]:
    for r in readings:
        yield dataclasses.replace(r, alliance=portfolio.seed * KEY + r.alliance)


def run_split(split: str, seeds: list[int], options: Options) -> list[dict[str, Any]]:
    paths: dict[str, PathRun] = {"engine": PathRun()}
    labels: dict[int, Label] = {}
    for seed in seeds:
        started = time.perf_counter()
        portfolio = build_portfolio(seed, options.per_class, options.classes)
        labels |= {seed * KEY + a.id: a.label for a in portfolio.alliances}
        paths["engine"].readings += keyed(portfolio, backtest_engine(portfolio))
        paths["engine"].seconds += time.perf_counter() - started
        if options.e2e:
            from bench.accuracy.e2e.run import run_e2e

            started = time.perf_counter()
            result = run_e2e(portfolio, options.workdir)
            e2e = paths.setdefault("e2e", PathRun())
            e2e.readings += keyed(portfolio, result.readings)
            e2e.fidelity.append(result.fidelity)
            e2e.seconds += time.perf_counter() - started
    return [_summary(path, split, seeds, run, labels, options) for path, run in paths.items()]


def _summary(
    path: str,
    split: str,
    seeds: list[int],
    run: PathRun,
    labels: dict[int, Label],
    options: Options,
) -> dict[str, Any]:
    from bench.accuracy.e2e.fidelity import merge

    found = figures(run.readings, labels)
    details = options.details and split == "dev"  # the hold-out is only ever seen in totals
    return {
        "path": path,
        "split": split,
        "seeds": seeds,
        "seconds": round(run.seconds, 1),
        "figures": found,
        "targets": check(found),
        "fidelity": merge(run.fidelity) if run.fidelity else None,
        "details": report.details(run.readings, labels) if details else [],
    }
