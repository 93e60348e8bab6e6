"""The benchmark: generate a portfolio bundle, import it, evaluate it, compare.

    python -m bench.run [--alliances 1000] [--months 36] [--db sqlite|postgres]

Every phase runs in its own process (bench.phases) on a fresh database, so
the peak RSS printed is the real resident memory of that phase (ru_maxrss of
the child, read with os.wait4), not a Python-heap estimate. The raw SQL scan
and the evaluation are each run `--repeat` times and the best time is kept:
on a shared machine the minimum is the least noisy figure. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import report

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Phase:
    name: str
    result: dict[str, Any]
    rss_mb: float


@dataclass
class Run:
    alliances: int
    months: int
    db: str
    phases: dict[str, Phase] = field(default_factory=dict)

    def seconds(self, name: str) -> float:
        return float(self.phases[name].result["seconds"])


def run_phase(name: str, args: list[str], env: dict[str, str]) -> Phase:
    """Run one phase in a child process; its JSON line and its own peak RSS."""
    command = [sys.executable, "-m", "bench.phases", name, *args]
    child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench phase {name!r} failed (exit {child.returncode})")
    lines = [line for line in output.splitlines() if line.startswith("{")]
    return Phase(name, json.loads(lines[-1]), usage.ru_maxrss / 1024)  # KiB on Linux


def best_of(name: str, repeat: int, env: dict[str, str], args: list[str] | None = None) -> Phase:
    runs = [run_phase(name, args or [], env) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda p: p.result["seconds"])
    best.result["runs"] = [round(p.result["seconds"], 3) for p in runs]
    best.rss_mb = max(p.rss_mb for p in runs)
    return best


def database_env(
    db: str, workdir: Path, name: str = "radar_bench", fresh: bool = True
) -> tuple[dict[str, str], str]:
    """Environment for the children, and a description of the database."""
    env = dict(os.environ)
    env["RADAR_DATA_DIR"] = str(workdir / "data")
    env.setdefault("RADAR_LOG_LEVEL", "ERROR")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    if db == "sqlite":
        env.pop("RADAR_DATABASE_URL", None)
        return env, f"SQLite {_sqlite_version()} (file, WAL)"
    url = env.get("RADAR_DATABASE_URL", "")
    if not url.startswith("postgres"):
        started = subprocess.run(
            [str(REPO / "scripts" / "postgres.sh"), "start"],
            check=True,
            capture_output=True,
            text=True,
        )
        url = started.stdout.strip().splitlines()[-1]
    base, _, _ = url.rpartition("/")
    env["RADAR_DATABASE_URL"] = _fresh_postgres_database(url, name) if fresh else f"{base}/{name}"
    return env, f"PostgreSQL {_postgres_version(env['RADAR_DATABASE_URL'])}"


def _fresh_postgres_database(url: str, name: str) -> str:
    import psycopg

    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def _postgres_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "?"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def benchmark(
    alliances: int,
    months: int,
    db: str,
    repeat: int,
    workdir: Path,
    quiet: bool = False,
    reuse: bool = False,
) -> Run:
    # A portfolio imported by an earlier run with the same shape is kept when asked:
    # generating and importing 10,000 alliances takes the better part of an hour.
    marker = workdir / f"imported-{db}.json"
    shape = {"alliances": alliances, "months": months}
    kept = reuse and marker.exists() and json.loads(marker.read_text())["shape"] == shape
    if not kept and db == "sqlite":  # a fresh file (PostgreSQL: a fresh database, database_env)
        shutil.rmtree(workdir / "data", ignore_errors=True)
    env, description = database_env(db, workdir, fresh=not kept)
    run = Run(alliances, months, description)
    bundle = workdir / "bundle"
    steps: list[tuple[str, list[str]]] = [("migrate", [])]
    if not kept:
        steps += [
            ("generate", [str(bundle), str(alliances), str(months)]),
            ("import", [str(bundle)]),
        ]
    for name, args in steps:
        if not quiet:
            print(f"… {name}", file=sys.stderr, flush=True)
        run.phases[name] = run_phase(name, args, env)
    if kept:  # the figures of the run that imported it
        for name, (result, rss) in json.loads(marker.read_text())["phases"].items():
            run.phases[name] = Phase(name, result, rss)
    else:
        phases = {n: (run.phases[n].result, run.phases[n].rss_mb) for n in ("generate", "import")}
        marker.write_text(json.dumps({"shape": shape, "phases": phases}))
    # "evaluate": one process, split into load / engine / store; "evaluate_workers":
    # what `radar evaluate` does by default (one process per core for a big portfolio).
    # "evaluate_workers_python": the same with the pure-Python engine, to show what
    # the compiled one (radar.compiled_engine) brings; the same results either way.
    python_env = {**env, "RADAR_ENGINE": "python"}
    timed_phases = (("scan", "scan", [], env), ("evaluate", "evaluate", ["1"], env))
    timed_phases += (("evaluate_workers", "evaluate", ["auto"], env),)
    timed_phases += (("evaluate_workers_python", "evaluate", ["auto"], python_env),)
    for label, name, args, phase_env in timed_phases:
        if not quiet:
            print(f"… {label} (best of {repeat})", file=sys.stderr, flush=True)
        run.phases[label] = best_of(name, repeat, phase_env, args)
    # Last, as it writes: the pages and the one-alliance write path on the evaluated
    # portfolio (bench.read_path), each figure over `repeat` runs inside the phase.
    if not quiet:
        print(f"… read path ({repeat} runs each)", file=sys.stderr, flush=True)
    run.phases["read_path"] = run_phase("read_path", [str(max(3, repeat))], env)
    return run


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description="Alliance Radar benchmark (see bench/README.md)")
    parser.add_argument("--alliances", type=int, default=1000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=3, help="runs of scan and evaluation")
    parser.add_argument("--workdir", type=Path, help="keep the bundle and database here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --workdir: keep the portfolio an earlier run of the same size imported "
        "there (its generate and import figures are that run's)",
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="radar-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        run = benchmark(
            args.alliances,
            args.months,
            args.db,
            args.repeat,
            workdir,
            args.json,
            reuse=args.reuse and args.workdir is not None,
        )
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    figures = report.figures(run)
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        report.show(figures)
    return run


if __name__ == "__main__":
    main()
