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
    from django.core.management import call_command
    from django_q.scheduler import scheduler

    from radar.worker.jobs import report_orphans
    from radar.worker.schedules import ensure_schedules

    for line in ensure_schedules():
        typer.echo(line)
    report_orphans()
    scheduler()  # queue whatever fell due while no worker ran, without waiting a cycle
    typer.echo("Worker running (Ctrl+C to stop).")
    call_command("qcluster")
