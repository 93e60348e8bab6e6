"""CRM import benchmark: a large HubSpot activities export, imported into a fresh store.

    python -m bench.crm [--rows 100000,400000] [--runs 3] [--workdir DIR]

Generates, for each size, a HubSpot engagements export (calls, meetings,
e-mails both ways, one row in ten a note the importer skips, one in twenty
for a company that is not a partner) over 20 partners, then imports it
`--runs` times, each time into a fresh SQLite store in its own child process,
so the peak RSS printed is that import's own (ru_maxrss of the child, read
with os.wait4). Prints rows per second (wall and CPU) and peak RSS as
min / median / max with the load average. Memory that does not grow from
the smaller file to the larger one is what "streaming" means here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import PARTNERS, cpu_seconds

REPO = Path(__file__).resolve().parent.parent
HEADINGS = ["Record ID", "Activity type", "Activity date", "Subject", "Associated Company",
            "Call direction", "Duration (minutes)", "Meeting outcome"]  # fmt: skip
KINDS = (
    "CALL",
    "MEETING",
    "EMAIL",
    "INCOMING_EMAIL",
    "CALL",
    "MEETING",
    "EMAIL",
    "CALL",
    "MEETING",
)


def generate(path: Path, rows: int, seed: int = 11) -> None:
    """Write the export a line at a time (the generator itself stays small too)."""
    import csv

    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADINGS)
        for n in range(rows):
            day = n * 1000 // rows  # spread over about three years from 2023
            year, rest = 2023 + day // 336, day % 336
            month, dom = 1 + rest // 28, 1 + rest % 28
            minute = rng.choice(("00", "30"))
            stamp = f"{year}-{month:02d}-{dom:02d} {8 + rng.randrange(9):02d}:{minute}"
            company = f"Partner {rng.randrange(PARTNERS)}" if n % 20 else "Somebody Else Ltd"
            kind = "NOTE" if n % 10 == 9 else KINDS[n % len(KINDS)]
            direction = rng.choice(("OUTBOUND", "INBOUND")) if kind == "CALL" else ""
            outcome = "Canceled" if kind == "MEETING" and n % 13 == 0 else ""
            subject = f"{rng.choice(('Pipeline review', 'QBR', 'Joint plan', 'Re: pricing'))} #{n}"
            out.writerow([f"{900000 + n}", kind, stamp, subject, company, direction,
                          str(15 + rng.randrange(76)), outcome])  # fmt: skip


def child(path: Path, store: Path) -> None:
    """One import into a fresh store; prints one JSON line."""
    from datetime import date

    from bench.common import throwaway_store

    throwaway_store(store)
    from radar.ingest.base import ImportOptions
    from radar.ingest.crm import CrmImporter

    cpu_before, started = cpu_seconds(), time.perf_counter()
    summary = CrmImporter().run(path, ImportOptions(today=date(2026, 1, 31)), lambda a, t: None)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
    figures = {"seconds": seconds, "cpu": cpu, "created": sum(summary.created.values())}
    print(json.dumps(figures), flush=True)


def run_child(path: Path, workdir: Path, python: str) -> dict[str, float]:
    store = workdir / "store"
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "RADAR_LOG_LEVEL": "ERROR"}
    command = [python, "-m", "bench.crm", "--child", str(path), str(store)]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the import of {path} failed")
    result = json.loads(output.strip().splitlines()[-1])
    result["rss_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def spread(values: list[float], digits: int = 0) -> str:
    shown = (min(values), statistics.median(values), max(values))
    return " / ".join(f"{v:,.{digits}f}" for v in shown)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,400000", help="sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--python", default=sys.executable, help="the interpreter (and so the radar) to import with"
    )
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="radar-bench-crm-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        for rows in (int(n) for n in args.rows.split(",")):
            path = workdir / f"activities-{rows}.csv"
            generate(path, rows)
            load_before = os.getloadavg()[0]
            runs = [run_child(path, workdir, args.python) for _ in range(max(1, args.runs))]
            print(
                f"{rows:,} rows ({path.stat().st_size / 1e6:.0f} MB), {len(runs)} runs, "
                f"min / median / max: {spread([rows / r['seconds'] for r in runs])} rows/s wall, "
                f"{spread([rows / r['cpu'] for r in runs])} rows per CPU-second, "
                f"peak RSS {spread([r['rss_mb'] for r in runs])} MB; "
                f"{int(runs[0]['created']):,} interactions created; "
                f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            path.unlink()
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
