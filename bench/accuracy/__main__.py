"""python -m bench.accuracy: build seeded portfolios, backtest them, print the figures."""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.accuracy import report
from bench.accuracy.backtest import Reading, backtest_engine
from bench.accuracy.labels import Label
from bench.accuracy.portfolio import Portfolio, build_portfolio, seeds_for, split_of
from bench.accuracy.readings import figures
from bench.accuracy.targets import check

REPO = Path(__file__).resolve().parents[2]
KEY = 100_000  # readings of several portfolios are told apart by seed * KEY + alliance id


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("--seeds", type=int, help="portfolios per split (default 3)")
    parser.add_argument("--seed", type=int, action="append", help="these seeds only (repeatable)")
    parser.add_argument(
        "--alliances-per-class",
        type=int,
        help="alliances per class (default 12); declining gets twice as many",
    )
    parser.add_argument("--split", choices=["dev", "holdout", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--details", action="store_true", help="per-alliance readings (dev only)")
    parser.add_argument("--markdown", action="store_true", help="docs/accuracy.md's tables")
    args = parser.parse_args(argv)
    args.seeds = args.seeds or 3
    args.alliances_per_class = args.alliances_per_class or 12
    return args


def chosen_seeds(args: argparse.Namespace) -> dict[str, list[int]]:
    splits = ["dev", "holdout"] if args.split == "both" else [args.split]
    if args.seed:
        return {s: [x for x in args.seed if split_of(x) == s] for s in splits}
    return {s: seeds_for(s, args.seeds) for s in splits}


def keyed(portfolio: Portfolio, readings: Iterable[Reading]) -> Iterator[Reading]:
    for r in readings:
        yield dataclasses.replace(r, alliance=portfolio.seed * KEY + r.alliance)


def labels_of(portfolio: Portfolio) -> dict[int, Label]:
    return {portfolio.seed * KEY + a.id: a.label for a in portfolio.alliances}


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (
        " (with uncommitted changes)" if git("status", "--porcelain", "--", "src", "bench") else ""
    )


def run_split(split: str, seeds: list[int], args: argparse.Namespace) -> list[dict[str, Any]]:
    paths: dict[str, list[Reading]] = {"engine": []}
    labels: dict[int, Label] = {}
    seconds = {"engine": 0.0}
    for seed in seeds:
        started = time.perf_counter()
        portfolio = build_portfolio(seed, args.alliances_per_class)
        labels |= labels_of(portfolio)
        paths["engine"] += keyed(portfolio, backtest_engine(portfolio))
        seconds["engine"] += time.perf_counter() - started
    runs = []
    for path, readings in paths.items():
        found = figures(readings, labels)
        runs.append(
            {
                "path": path,
                "split": split,
                "seeds": seeds,
                "seconds": round(seconds[path], 1),
                "figures": found,
                "targets": check(found),
                "details": report.details(readings, labels)
                if args.details and split == "dev"
                else [],
            }
        )
    return runs


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = []
    for split, seeds in chosen_seeds(args).items():
        if seeds:
            runs += run_split(split, seeds, args)
    output = {
        "commit": commit(),
        "command": "python -m bench.accuracy " + " ".join(sys.argv[1:] if argv is None else argv),
        "alliances_per_class": args.alliances_per_class,
        "runs": runs,
    }
    if args.json:
        for run in output["runs"]:
            run.pop("details")
        print(json.dumps(output, indent=2, default=str))
        return 0
    if args.markdown:
        print("\n".join(report.markdown(runs)))
        return 0
    print(f"Accuracy benchmark at {output['commit']}: {output['command']}")
    for run in runs:
        print(
            f"\n{run['path']}-level path, {run['split']} seeds {run['seeds']} "
            f"({args.alliances_per_class} alliances a class), {run['seconds']} s"
        )
        print("\n".join(report.headline(run["figures"])))
        print("\n".join(report.class_table(run["figures"])))
        print("\n".join(run["details"]))
    if args.details and args.split != "dev":
        print("\n(per-alliance details are shown for dev seeds only: the hold-out stays unseen)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
