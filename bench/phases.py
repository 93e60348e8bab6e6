"""One benchmark phase per process, so each phase's peak RSS is its own.

`python -m bench.phases PHASE [ARG]` runs one phase against the database the
RADAR_* environment points at and prints one JSON line with its timings
(seconds measured around the work itself, not Python or Django start-up).

Phases: migrate, generate FOLDER, import FOLDER, scan, evaluate, load, read_path.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from bench.common import cpu_seconds

EVALUATE_AS_OF = date(2026, 10, 31)  # bench.generate.END: the last day of the generated history

# The yardstick: one plain GROUP BY pass over the same interactions table,
# touching the columns the monthly aggregation reads.
SCAN_SQL = (
    "SELECT alliance_id, COUNT(*), SUM(partner_invited), SUM(partner_attended), "
    "AVG(reply_hours), AVG(word_count), AVG(tone), MAX(occurred_at) "
    "FROM portfolio_interaction GROUP BY alliance_id"
)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")
    import django

    django.setup()


def migrate() -> dict[str, Any]:
    _django()
    from django.core.management import call_command

    _, times = timed(lambda: call_command("migrate", interactive=False, verbosity=0))
    return times


def generate(folder: str, alliances: str, months: str) -> dict[str, Any]:
    _django()  # the bundle spec lives in a package that imports the models
    from bench.generate import write_bundle

    counts, times = timed(lambda: write_bundle(Path(folder), int(alliances), int(months)))
    return {**times, "counts": counts}


def import_(folder: str) -> dict[str, Any]:
    _django()
    from radar.ingest.base import ImportOptions
    from radar.ingest.bundle import import_bundle

    summary, times = timed(lambda: import_bundle(Path(folder), ImportOptions()))
    return {**times, "created": sum(summary.created.values())}


def scan() -> dict[str, Any]:
    _django()
    from django.db import connection

    def run() -> int:
        with connection.cursor() as cursor:
            cursor.execute(SCAN_SQL)
            return len(cursor.fetchall())

    groups, times = timed(run)
    return {**times, "groups": groups}


def evaluate(workers: str = "1") -> dict[str, Any]:
    """`evaluate_portfolio` as `radar evaluate` runs it: load + engine + store.

    `workers` is "1" (one process) or "auto" (`radar evaluate`'s default: one
    process per core for a big portfolio). CPU includes the workers' own.
    The engine build is RADAR_ENGINE's choice (radar.compiled_engine), as for
    `radar evaluate`; the result says which one ran.
    In one process the progress callback splits the time: its first call comes
    right after the histories are loaded, its last one right after the engine
    finished. With workers, loading and judging overlap: only the store is split off.
    """
    _django()
    import radar.engine
    from radar.portfolio.assessments import evaluate_portfolio
    from radar.portfolio.workers import worker_count

    wanted = None if workers == "auto" else int(workers)
    marks: list[tuple[float, float]] = []  # (wall, cpu) after loading, after the engine

    def progress(step: int, total: int | None) -> None:
        now = (time.perf_counter(), cpu_seconds())
        if step == 0 or len(marks) == 1:
            marks.append(now)
        else:
            marks[1] = now

    start = (time.perf_counter(), cpu_seconds())
    found = evaluate_portfolio(EVALUATE_AS_OF, progress=progress, workers=wanted)
    end = (time.perf_counter(), cpu_seconds())
    loaded, judged = marks[0], marks[-1]
    return {
        "seconds": end[0] - start[0],
        "cpu": end[1] - start[1],
        "workers": worker_count(len(found), wanted),
        "engine_build": "compiled" if radar.engine.COMPILED else "python",
        "load": loaded[0] - start[0],
        "engine": judged[0] - loaded[0],
        "store": end[0] - judged[0],
        "load_cpu": loaded[1] - start[1],
        "engine_cpu": judged[1] - loaded[1],
        "store_cpu": end[1] - judged[1],
        "alliances": len(found),
        "confirmed_signals": sum(len(a.confirmed_signals) for a in found),
    }


def load(rounds: str = "5") -> dict[str, Any]:
    """`load_histories` alone, in one process: the best of `rounds` runs (CPU, wall).

    The Django side of an evaluation without the engine; the collector is
    paused as evaluate_portfolio pauses it.
    """
    _django()
    from radar import gcpause
    from radar.portfolio.loader import load_histories

    runs = []
    with gcpause.paused():
        for _ in range(int(rounds)):
            histories, times = timed(lambda: load_histories(EVALUATE_AS_OF))
            runs.append(times)
    return {
        "seconds": min(t["seconds"] for t in runs),
        "cpu": min(t["cpu"] for t in runs),
        "rounds": len(runs),
        "alliances": len(histories),
    }


def read_path(runs: str = "3") -> dict[str, Any]:
    """The dashboard (warm, and after every standing row was rewritten) and the
    one-alliance re-score on the evaluated portfolio, the day after the history
    ends (bench.read_path); each as min/median/max over `runs` runs."""
    _django()
    from bench.read_path import measure

    now = datetime.combine(EVALUATE_AS_OF + timedelta(days=1), dtime(12), UTC)
    found, times = timed(lambda: measure(int(runs), now))
    return {**times, **found}


PHASES: dict[str, Callable[..., dict[str, Any]]] = {
    "migrate": migrate,
    "generate": generate,
    "import": import_,
    "scan": scan,
    "evaluate": evaluate,
    "load": load,
    "read_path": read_path,
}


def main(argv: list[str]) -> None:
    name, *args = argv
    result = PHASES[name](*args)
    print(json.dumps(result))


def timed(work: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
    """Run `work`; its wall time and the CPU time this process spent on it.

    With SQLite the database runs inside this process, so its CPU is counted;
    with PostgreSQL the server's CPU is not.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    value = work()
    return value, {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


if __name__ == "__main__":
    main(sys.argv[1:])
