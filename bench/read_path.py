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
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

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


Sample = tuple[float, float, int]  # wall ms, CPU ms, queries


def figures(samples: list[Sample], target: float) -> dict[str, object]:
    """min/median/max of wall and CPU time, the query counts, and the verdict."""
    walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
    return {
        "wall_ms": [round(f(walls), 1) for f in (min, statistics.median, max)],
        "cpu_ms": [round(f(cpus), 1) for f in (min, statistics.median, max)],
        "queries": sorted({s[2] for s in samples}),
        "target_ms": target,
        "within": statistics.median(cpus) < target,
    }


def line(label: str, found: dict[str, Any]) -> str:
    wall, cpu = found["wall_ms"], found["cpu_ms"]
    return (
        f"{label}: wall min {wall[0]:.1f} / median {wall[1]:.1f} / max {wall[2]:.1f} ms; "
        f"CPU min {cpu[0]:.1f} / median {cpu[1]:.1f} / max {cpu[2]:.1f} ms; "
        f"queries {'/'.join(map(str, found['queries']))}; "
        f"target {found['target_ms']:.0f} ms CPU: {'within' if found['within'] else 'OVER'}"
    )


def dashboard(runs: int) -> dict[str, dict[str, object]]:
    """GET / as a viewer, warm and right after every standing row was rewritten."""
    from django.contrib.auth.models import User
    from django.test import Client

    from radar.accounts.roles import Role, grant_role
    from radar.portfolio import standing_rows

    viewer, created = User.objects.get_or_create(username="bench")
    if created:
        grant_role(viewer, Role.VIEWER)
    client = Client()
    client.force_login(viewer)

    def get() -> None:
        response = client.get("/")
        assert response.status_code == 200, response.status_code

    get()  # compile the templates once
    warm = [timed(get) for _ in range(runs)]
    after = []
    for _ in range(runs):
        standing_rows.rebuild()  # every alliance's standing written anew
        after.append(timed(get))
    return {
        "dashboard_warm": figures(warm, DASHBOARD_TARGET_MS),
        "dashboard_after_evaluation": figures(after, DASHBOARD_TARGET_MS),
    }


def rescore(runs: int, today: date, profile: bool = False) -> dict[str, object]:
    """One new interaction for one alliance (the triggers mark it), then
    `reassess_alliance` on it; a different alliance each run."""
    from radar.portfolio.assessments import reassess_alliance
    from radar.portfolio.models import Alliance, Interaction

    ids = list(Alliance.objects.order_by("pk").values_list("pk", flat=True))
    samples = []
    for run in range(runs + 1):
        pk = ids[(run * 7919) % len(ids)]

        def write_and_rescore(pk: int = pk, run: int = run) -> None:
            Interaction.objects.create(
                alliance_id=pk,
                kind="call",
                occurred_at=datetime.combine(today - timedelta(days=run % 10), dtime(10), UTC),
                partner_invited=1,
                partner_attended=1,
            )
            assert reassess_alliance(pk, today) is not None

        if run == 0:  # warm-up: imports, first queries
            write_and_rescore()
            continue
        if profile and run == runs:
            profiler = cProfile.Profile()
            profiler.runcall(write_and_rescore)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            continue
        samples.append(timed(write_and_rescore))
    return {"rescore": figures(samples, RESCORE_TARGET_MS)}


def measure(runs: int, now: datetime, profile: bool = False) -> dict[str, Any]:
    """Every figure of this benchmark on the database at hand, at the instant `now`."""
    import time_machine

    with time_machine.travel(now, tick=False):
        found: dict[str, Any] = dashboard(runs)
        found.update(rescore(runs, now.date(), profile))
    found["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return found


LABELS = {
    "dashboard_warm": "dashboard GET /, warm",
    "dashboard_after_evaluation": "dashboard GET /, first visit after a re-evaluation",
    "rescore": "one write + re-score of one alliance",
}


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
    from django.core.management import call_command

    from bench.dashboard import build
    from radar.portfolio import activity, standing_rows
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
    activity.rebuild()
    found = measure(args.runs, NOW, args.profile)
    for key, label in LABELS.items():
        print(line(label, found[key]))
    load = found["load_average"]
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
