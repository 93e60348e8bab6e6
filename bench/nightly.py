"""Benchmark: the worker's nightly run and the weekly digests on a bench portfolio.

    python -m bench.nightly --workdir /tmp/bench1k-worker   # a copy of bench.run's workdir
    python -m bench.nightly --workdir W --users 50 --repeat 3 --json

The workdir is one `python -m bench.run --workdir W` left behind (1,000 alliances x
36 months by default); it is migrated forward, then given --users users (a tenth
of them administrators, the rest managers owning the alliances in turn), all
with today as their digest day. Each run, in its own child process, starts from
no alert state, no inbox and no digest sent, then does exactly what the worker
does: the nightly job (assess every alliance, one process per core; alerts for
everything that changed) and the digests job, mailing through SMTP to an
aiosmtpd server on 127.0.0.1 run by this process. Printed: min/median/max
seconds over the runs, the peak RSS of the run's process tree, the load.
Targets (issue 12): under 2 minutes and under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 120.0
TARGET_MB = 1024.0


def child(users: int) -> None:
    """One nightly run plus the digests (runs in a fresh process)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")
    import django

    django.setup()
    from django.utils import timezone

    from radar.notify.digest_send import send_due_digests
    from radar.notify.models import AlertState, DigestSent, Notification
    from radar.worker import jobs
    from radar.worker.models import Job

    AlertState.objects.all().delete()
    Notification.objects.all().delete()
    DigestSent.objects.all().delete()
    Job.objects.all().delete()
    start = time.perf_counter()
    assert jobs.scheduled("nightly", f"bench-{time.time()}") == Job.Status.DONE
    nightly = time.perf_counter() - start
    digests = send_due_digests(timezone.localdate()).digests
    total = time.perf_counter() - start
    (job,) = Job.objects.filter(kind="nightly")
    print(
        json.dumps(
            {
                "seconds": total,
                "nightly": nightly,
                "digests_seconds": total - nightly,
                "alliances": job.result["alliances"],
                "alerts": job.result["alerts"],
                "digests": digests,
            }
        )
    )


def prepare(users: int) -> None:
    """Migrate forward and give the portfolio its users (idempotent)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from radar.accounts.roles import Role, grant_role
    from radar.notify.models import Preference
    from radar.portfolio.models import Alliance

    call_command("migrate", verbosity=0)
    model = get_user_model()
    admins = max(1, users // 10)
    people = []
    for n in range(users):
        user, _ = model.objects.get_or_create(
            username=f"bench{n}", defaults={"email": f"bench{n}@ours.example"}
        )
        grant_role(user, Role.ADMIN if n < admins else Role.MANAGER)
        Preference.objects.update_or_create(
            user=user, defaults={"digest_day": timezone.localdate().weekday()}
        )
        people.append(user)
    managers = people[admins:] or people
    for index, alliance in enumerate(Alliance.objects.order_by("pk")):
        alliance.owner = managers[index % len(managers)]
        alliance.save(update_fields=["owner"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Counter:
    def __init__(self) -> None:
        self.messages = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        return "250 OK"


def _run(mode: str, users: int, env: dict[str, str]) -> tuple[dict[str, Any], float]:
    command = [sys.executable, "-m", "bench.nightly", f"--{mode}", "--users", str(users)]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench.nightly {mode} failed")
    lines = [line for line in output.splitlines() if line.startswith("{")]
    return (json.loads(lines[-1]) if lines else {}), usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench1k-worker"))
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.users)
    if args.prepare:
        return prepare(args.users)
    database = args.workdir / "data" / "radar.sqlite3"
    if not database.exists():
        raise SystemExit(f"No bench portfolio in {args.workdir}: python -m bench.run --workdir DIR")
    from aiosmtpd.controller import Controller

    counter = Counter()
    smtp = Controller(counter, hostname="127.0.0.1", port=_free_port())
    smtp.start()
    env = {k: v for k, v in os.environ.items() if k != "RADAR_DATABASE_URL"}
    env.update(
        RADAR_DATA_DIR=str(args.workdir / "data"),
        RADAR_EMAIL_HOST="127.0.0.1",
        RADAR_EMAIL_PORT=str(smtp.port),
        RADAR_LOG_LEVEL="ERROR",
        RADAR_SITE_URL="https://radar.example.com",
    )
    try:
        _run("prepare", args.users, env)
        load_before = os.getloadavg()
        runs = []
        for _ in range(max(1, args.repeat)):
            sent_before = counter.messages
            result, rss = _run("child", args.users, env)
            result.update(rss_mb=round(rss, 1), emails=counter.messages - sent_before)
            runs.append(result)
        load_after = os.getloadavg()
    finally:
        smtp.stop()
    report(runs, load_before, load_after, args.json)


def report(
    runs: list[dict[str, Any]], before: tuple[float, ...], after: tuple[float, ...], as_json: bool
) -> None:
    seconds = sorted(r["seconds"] for r in runs)
    peak = max(r["rss_mb"] for r in runs)
    summary = {
        "runs": runs,
        "seconds_min": seconds[0],
        "seconds_median": statistics.median(seconds),
        "seconds_max": seconds[-1],
        "peak_rss_mb": peak,
        "load_before": before,
        "load_after": after,
    }
    if as_json:
        print(json.dumps(summary))
        return
    first = runs[0]
    print(
        f"Nightly run + digests: {first['alliances']} alliances, {first['digests']} digests, "
        f"{first['alerts']} alerts, {first['emails']} e-mails per run"
    )
    for n, run in enumerate(runs, 1):
        print(
            f"  run {n}: {run['seconds']:.1f} s (assess + alerts {run['nightly']:.1f} s, "
            f"digests {run['digests_seconds']:.1f} s), peak RSS {run['rss_mb']:.0f} MB"
        )
    middle = statistics.median(seconds)
    fast = "met" if seconds[-1] < TARGET_SECONDS else "MISSED"
    small = "met" if peak < TARGET_MB else "MISSED"
    print(f"  min/median/max {seconds[0]:.1f} / {middle:.1f} / {seconds[-1]:.1f} s", end="")
    print(f" — target < {TARGET_SECONDS:.0f} s: {fast}")
    print(f"  peak RSS {peak:.0f} MB — target < {TARGET_MB:.0f} MB: {small}")
    print(f"  load average before {_load(before)}, after {_load(after)}")


def _load(values: tuple[float, ...]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
