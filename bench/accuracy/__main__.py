"""python -m bench.accuracy: build seeded portfolios, backtest them, print the figures."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.accuracy import report
from bench.accuracy.labels import CLASSES
from bench.accuracy.portfolio import seeds_for, split_of
from bench.accuracy.runner import Options, run_split

REPO = Path(__file__).resolve().parents[2]
PATHS = {"engine": "engine-level", "e2e": "end-to-end"}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("--seeds", type=int, help="portfolios per split (default 3; 1 with --e2e)")
    parser.add_argument("--seed", type=int, action="append", help="these seeds only (repeatable)")
    parser.add_argument(
        "--alliances-per-class",
        type=int,
        help="alliances per class (default 12; 3 with --e2e); declining gets twice as many",
    )
    parser.add_argument("--split", choices=["dev", "holdout", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--details", action="store_true", help="per-alliance readings (dev only)")
    parser.add_argument("--markdown", action="store_true", help="docs/accuracy.md's tables")
    parser.add_argument(
        "--e2e", action="store_true", help="also the end-to-end path through radar import (slow)"
    )
    parser.add_argument("--workdir", type=Path, help="keep the end-to-end files and stores here")
    parser.add_argument(
        "--classes", help=f"a comma list of classes (default all: {','.join(CLASSES)})"
    )
    args = parser.parse_args(argv)
    args.seeds = args.seeds or (1 if args.e2e else 3)
    args.alliances_per_class = args.alliances_per_class or (3 if args.e2e else 12)
    args.classes = tuple(args.classes.split(",")) if args.classes else CLASSES
    unknown = set(args.classes) - set(CLASSES)
    if unknown:
        parser.error(f"unknown classes: {', '.join(sorted(unknown))}")
    return args


def chosen_seeds(args: argparse.Namespace) -> dict[str, list[int]]:
    splits = ["dev", "holdout"] if args.split == "both" else [args.split]
    if args.seed:
        return {s: [x for x in args.seed if split_of(x) == s] for s in splits}
    return {s: seeds_for(s, args.seeds) for s in splits}


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (
        " (with uncommitted changes)" if git("status", "--porcelain", "--", "src", "bench") else ""
    )


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = []
    options = Options(args.alliances_per_class, args.classes, args.e2e, args.workdir, args.details)
    for split, seeds in chosen_seeds(args).items():
        if seeds:
            runs += run_split(split, seeds, options)
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
            f"\n{PATHS[run['path']]} path, {run['split']} seeds {run['seeds']} "
            f"({args.alliances_per_class} alliances a class), {run['seconds']} s"
        )
        print("\n".join(report.headline(run["figures"])))
        print("\n".join(report.class_table(run["figures"])))
        if run["fidelity"]:
            print("\n".join(report.fidelity(run["fidelity"])))
        print("\n".join(run["details"]))
    if args.details and args.split != "dev":
        print("\n(per-alliance details are shown for dev seeds only: the hold-out stays unseen)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
