"""The read path and the one-alliance write path, at any portfolio size (issue 14).

Builds a throwaway SQLite portfolio of N alliances like bench.dashboard (a stored
assessment sized like the demo's busiest, a year of contacts, check-ins), fills
the standing rows and the monthly totals, then times:

- dashboard, warm: GET / as a viewer (wall, CPU, queries);
- dashboard, first visit after a re-evaluation: every standing row rewritten
  (what storing a portfolio-wide evaluation writes), then one GET /;
- one write then re-score: one new interaction for one alliance (the triggers
  mark it), then `reassess_alliance` on it: refresh of its monthly totals, load,
  engine, store of the assessment and its standing.

Each figure is printed as min/median/max over `--runs` runs, with the load.
The portfolio is kept in `--workdir` (default: a folder per size under the
system's temporary folder) and reused by the next run of the same size: building
10,000 alliances takes minutes, a run over a built one seconds.

    python -m bench.read_path                     # 1,000 alliances
    python -m bench.read_path --alliances 10000
    python -m bench.read_path --profile           # cProfile of one re-score
    python -m bench.read_path --fresh             # rebuild the portfolio
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")

NOW = datetime(2026, 11, 15, 12, tzinfo=UTC)
DASHBOARD_TARGET_MS = 300.0
RESCORE_TARGET_MS = 20.0


def spread(values: list[float]) -> str:
    return (
        f"min {min(values):.1f} / median {statistics.median(values):.1f} / max {max(values):.1f} ms"
    )


def timed(action: Callable[[], object]) -> tuple[float, float, int]:
    """(wall ms, CPU ms, queries) of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        started, cpu = time.perf_counter(), time.process_time()
        action()
        wall, used = time.perf_counter() - started, time.process_time() - cpu
    return wall * 1000, used * 1000, len(ctx.captured_queries)


def report(label: str, samples: list[tuple[float, float, int]], target: float) -> None:
    walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
    queries = sorted({s[2] for s in samples})
    verdict = "within" if statistics.median(cpus) < target else "OVER"
    print(
        f"{label}: wall {spread(walls)}; CPU {spread(cpus)}; "
        f"queries {'/'.join(map(str, queries))}; target {target:.0f} ms CPU: {verdict}"
    )


def dashboard(runs: int) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from radar.portfolio import standing_rows

    client = Client()
    client.force_login(User.objects.get(username="bench"))

    def get() -> None:
        response = client.get("/")
        assert response.status_code == 200, response.status_code

    get()  # compile the templates once
    report("dashboard GET /, warm", [timed(get) for _ in range(runs)], DASHBOARD_TARGET_MS)
    after = []
    for _ in range(runs):
        standing_rows.rebuild()  # every alliance's standing written anew
        after.append(timed(get))
    report("dashboard GET /, first visit after a re-evaluation", after, DASHBOARD_TARGET_MS)


def rescore(runs: int, alliances: int, profile: bool) -> None:
    from radar.portfolio.assessments import reassess_alliance
    from radar.portfolio.models import Alliance, Interaction

    ids = list(Alliance.objects.order_by("pk").values_list("pk", flat=True))
    samples = []
    for run in range(runs + 1):
        pk = ids[(run * 7919) % alliances]  # a different alliance each time

        def write_and_rescore(pk: int = pk, run: int = run) -> None:
            Interaction.objects.create(
                alliance_id=pk,
                kind="call",
                occurred_at=datetime(2026, 11, 2 + run % 10, 10, tzinfo=UTC),
                partner_invited=1,
                partner_attended=1,
            )
            assert reassess_alliance(pk, NOW.date()) is not None

        if run == 0:  # warm-up: imports, first queries
            write_and_rescore()
            continue
        if profile and run == runs:
            profiler = cProfile.Profile()
            profiler.runcall(write_and_rescore)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            continue
        samples.append(timed(write_and_rescore))
    report("one write + re-score of one alliance", samples, RESCORE_TARGET_MS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alliances", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one re-score")
    parser.add_argument("--workdir", type=Path, help="where the portfolio is kept and reused")
    parser.add_argument("--fresh", action="store_true", help="build the portfolio anew")
    args = parser.parse_args()
    workdir = (
        args.workdir or Path(tempfile.gettempdir()) / f"radar-bench-read-path-{args.alliances}"
    )
    if args.fresh:
        shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["RADAR_DATA_DIR"] = str(workdir)

    import django

    django.setup()
    import time_machine
    from django.core.management import call_command

    from bench.dashboard import build
    from radar.portfolio import rollup, standing_rows
    from radar.portfolio.models import Alliance

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if Alliance.objects.count() != args.alliances:
        if Alliance.objects.exists():
            raise SystemExit(f"{workdir} holds another portfolio: pass --fresh or --workdir")
        build(args.alliances)
        print(f"built {args.alliances} alliances in {time.perf_counter() - started:.1f} s")
    else:
        print(f"reusing the {args.alliances} alliances in {workdir}")
    standing_rows.rebuild()  # the standing columns of this code's version
    rollup.rebuild()
    with time_machine.travel(NOW, tick=False):
        dashboard(args.runs)
        rescore(args.runs, args.alliances, args.profile)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
