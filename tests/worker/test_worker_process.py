"""Real `radar worker` processes on SQLite and PostgreSQL: schedules, queued jobs, crashes.

Slow (each test starts Django several times and waits on the workers' polling),
and the only tests that run background jobs outside the test's own process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.worker.process import Install, backends, install

pytestmark = pytest.mark.slow

MAKE_NIGHTLY_DUE = """
from datetime import timedelta
from django.utils import timezone
from django_q.models import Schedule
from radar.worker.schedules import ensure_schedules
ensure_schedules()
Schedule.objects.filter(name="Nightly re-assessment").update(
    next_run=timezone.now() - timedelta(minutes=1)
)
"""

# Everyone's digest day is today, and the digests' schedule is due.
MAKE_DIGESTS_DUE = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_q.models import Schedule
from radar.notify.models import Preference
for user in get_user_model().objects.all():
    Preference.objects.update_or_create(
        user=user, defaults={"digest_day": timezone.localdate().weekday()}
    )
Schedule.objects.filter(name__startswith="Weekly digests").update(
    next_run=timezone.now() - timedelta(minutes=1)
)
"""

ENQUEUE = """
from radar.worker.jobs import enqueue
for n in range({count}):
    print(enqueue("{kind}", "Job %d" % n, {params}).pk)
"""


def generated_bundle(target: Path) -> Path:
    """A bench bundle big enough that importing it takes the worker a while."""
    command = ["-m", "bench.generate", str(target), "--alliances", "40", "--months", "12"]
    subprocess.run([sys.executable, *command], check=True, capture_output=True)
    return target


def enqueue(site: Install, kind: str, count: int = 1, params: str = "{}") -> list[int]:
    out = site.shell(ENQUEUE.format(kind=kind, count=count, params=params))
    return [int(line) for line in out.split()]


def status(site: Install, job: int) -> tuple[str, int]:
    ((state, attempts),) = site.sql(f"SELECT status, attempts FROM worker_job WHERE id = {job}")
    return state, attempts


@pytest.mark.parametrize("backend", backends())
def test_workers_run_the_due_nightly_schedule_and_queued_jobs(tmp_path: Path, backend: str) -> None:
    with install(tmp_path, backend) as site:
        site.run("demo")
        alliances = site.sql("SELECT COUNT(*) FROM portfolio_alliance WHERE active")[0][0]
        site.shell(MAKE_NIGHTLY_DUE)
        # SQLite: one worker. PostgreSQL: two, as on two hosts sharing the database.
        for _ in range(2 if backend == "postgresql" else 1):
            site.start_worker()

        def nightly_done() -> bool:
            rows = site.sql("SELECT status FROM worker_job WHERE kind = 'nightly'")
            return rows == [("done",)]

        site.wait_for("the nightly job", nightly_done)
        (assessed,) = site.sql(
            "SELECT COUNT(DISTINCT alliance_id) FROM portfolio_assessment "
            "WHERE computed_at >= (SELECT started_at FROM worker_job WHERE kind = 'nightly')"
        )[0]
        assert assessed == alliances
        assert site.sql("SELECT COUNT(*) FROM notify_alertstate WHERE active")[0][0] > 0
        assert site.sql("SELECT COUNT(*) FROM notify_notification")[0][0] > 0

        # A write the every-minute schedule picks up: the re-score of that alliance.
        site.sql_write(
            "UPDATE portfolio_interaction SET cancelled = NOT cancelled "
            "WHERE id = (SELECT MIN(id) FROM portfolio_interaction)"
        )
        assert site.sql("SELECT COUNT(*) FROM worker_rescoremark")[0][0] == 1

        def rescored() -> bool:
            jobs = site.sql("SELECT status FROM worker_job WHERE kind = 'rescore'")
            marks = site.sql("SELECT COUNT(*) FROM worker_rescoremark")[0][0]
            return jobs == [("done",)] and marks == 0

        site.wait_for("the re-score of the changed alliance", rescored)

        site.shell(MAKE_DIGESTS_DUE)
        users = site.sql("SELECT COUNT(*) FROM auth_user")[0][0]
        site.wait_for(
            "the digests job",
            lambda: site.sql("SELECT status FROM worker_job WHERE kind = 'digests'") == [("done",)],
        )
        digests = site.sql("SELECT COUNT(*) FROM notify_notification WHERE kind = 'digest'")[0][0]
        assert digests == site.sql("SELECT COUNT(*) FROM notify_digestsent")[0][0] == users

        jobs = enqueue(site, "evaluate", count=4)
        site.wait_for("four queued jobs", lambda: all(status(site, j)[0] == "done" for j in jobs))
        assert [status(site, j) for j in jobs] == [("done", 1)] * 4, "each ran exactly once"
        site.wait_for(
            "an empty queue", lambda: site.sql("SELECT COUNT(*) FROM django_q_ormq")[0][0] == 0
        )


@pytest.mark.parametrize("backend", backends())
def test_a_job_whose_worker_is_killed_is_run_again_by_the_next_worker(
    tmp_path: Path, backend: str
) -> None:
    bundle = generated_bundle(tmp_path / "bundle")
    # A short lease, so the job is handed out again soon after its worker is gone.
    lease = {"RADAR_JOB_TIMEOUT": "40", "RADAR_JOB_GRACE": "1"}
    with install(tmp_path / "site", backend) as site:
        worker = site.start_worker(lease)
        upload = {
            "upload": {"path": str(bundle), "name": "bundle", "size": 0},
            "today": "2026-12-01",
        }
        (job,) = enqueue(site, "import", params=json.dumps(upload))
        site.wait_for("the import to start", lambda: status(site, job)[0] == "running")
        site.kill(worker)  # kill -9 of the whole worker: no goodbye, no cleanup

        assert status(site, job) == ("running", 1)
        assert site.sql("SELECT COUNT(*) FROM portfolio_alliance")[0][0] == 0, (
            "nothing half-written"
        )
        site.start_worker(lease)
        site.wait_for("the retried import", lambda: status(site, job)[0] in ("done", "failed"))
        (message, error) = site.sql(f"SELECT message, error FROM worker_job WHERE id = {job}")[0]
        assert status(site, job) == ("done", 2), f"{message} {error}\n{site.logs()}"
        assert message == "Imported bundle."
        assert site.sql("SELECT COUNT(*) FROM portfolio_alliance")[0][0] == 40


@pytest.mark.parametrize("to_every_process", [False, True], ids=["main", "whole-group"])
def test_a_worker_stops_on_sigterm_to_its_main_process_or_to_all_of_them(
    tmp_path: Path, to_every_process: bool
) -> None:
    """SIGTERM to the main process (Ctrl+C, `make run` stopping, systemd KillMode=mixed)
    or to every process of the worker at once (systemd's default) ends it, all of it.
    The second used to hang the main process until it was killed (django-q2 issue #346)."""
    import os
    import signal
    import time

    with install(tmp_path, "sqlite") as site:
        worker = site.start_worker()
        site.wait_for("the cluster to run", lambda: "[radar] running." in site.logs())
        if to_every_process:
            os.killpg(worker.pid, signal.SIGTERM)
        else:
            worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 30 s after SIGTERM\n{site.logs()}")
        assert worker.returncode == 0

        def nothing_left() -> bool:
            try:
                os.killpg(worker.pid, 0)
            except ProcessLookupError:
                return True
            return False

        deadline = time.monotonic() + 20  # a dying child is reaped by init, not at once
        while not nothing_left() and time.monotonic() < deadline:
            time.sleep(0.2)
        left = subprocess.run(
            ["ps", "-o", "pid,stat,cmd", "-g", str(worker.pid)], capture_output=True, text=True
        ).stdout
        assert nothing_left(), f"processes of the worker left behind:\n{left}"


def test_sigterm_to_the_main_process_lets_the_running_job_finish(tmp_path: Path) -> None:
    import signal

    bundle = generated_bundle(tmp_path / "bundle")
    with install(tmp_path / "site", "sqlite") as site:
        worker = site.start_worker()
        upload = {
            "upload": {"path": str(bundle), "name": "bundle", "size": 0},
            "today": "2026-12-01",
        }
        (job,) = enqueue(site, "import", params=json.dumps(upload))
        site.wait_for("the import to start", lambda: status(site, job)[0] == "running")
        worker.send_signal(signal.SIGTERM)  # what `make run` does when it stops
        worker.wait(timeout=600)
        assert status(site, job) == ("done", 1), site.logs()
        assert site.sql("SELECT COUNT(*) FROM portfolio_alliance")[0][0] == 40
