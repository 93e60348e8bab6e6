"""`radar worker`: run background jobs and schedules (django-q2 on the database)."""

from __future__ import annotations

import typer

from radar.cli.app import app, migrate_quietly


@app.command()
def worker(
    processes: int = typer.Option(
        0, "--processes", min=0, help="Jobs run at once (default RADAR_WORKER_PROCESSES)."
    ),
) -> None:
    """Run the background worker: scheduled re-assessment, alerts, digests, imports.

    Start one per host; with PostgreSQL several hosts may each run one.
    """
    import os

    if processes:
        os.environ["RADAR_WORKER_PROCESSES"] = str(processes)
    migrate_quietly()
    from django_q.scheduler import scheduler

    from radar.worker.jobs import report_orphans
    from radar.worker.schedules import ensure_schedules

    for line in ensure_schedules():
        typer.echo(line)
    report_orphans()
    scheduler()  # queue whatever fell due while no worker ran, without waiting a cycle
    typer.echo("Worker running (Ctrl+C to stop).")
    run_cluster()


def run_cluster() -> None:
    """django-q2's cluster, stopped from the main loop rather than from its own signal
    handler: that handler sets a multiprocessing Event inside the signal handler, which
    can deadlock (django-q2 issue #346), and did here every time a service manager sent
    SIGTERM to every process of the worker at once (the main process waited for ever).
    A job cut short by such a stop is run again after its lease (docs/operations.md)."""
    import signal
    import threading

    from django_q.cluster import Cluster

    cluster = Cluster()  # installs django-q2's handlers: replaced below
    asked = threading.Event()

    def stop_asked(signum: int, frame: object) -> None:
        asked.set()  # only this: async-signal-safe enough, the loop below does the rest

    signal.signal(signal.SIGTERM, stop_asked)
    signal.signal(signal.SIGINT, stop_asked)
    cluster.start()
    while not asked.wait(0.5):
        if not cluster.sentinel.is_alive():
            return  # the guard died (killed): nothing left to stop
    # A SIGTERM sent to every process has killed the guard too (django-q2 leaves it the
    # default action), possibly while it held the stop event's lock: never touch that
    # event then. A guard still alive a moment later was not signalled: stop it, which
    # lets the running job finish.
    cluster.sentinel.join(timeout=2)
    if cluster.sentinel.is_alive():
        cluster.stop()
