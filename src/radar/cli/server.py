"""Run the site, manage the database."""

from __future__ import annotations

import sys

import typer

from radar.cli.app import app, fail, migrate_quietly, setup_django
from radar.env import env_int


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    production: bool = typer.Option(
        False,
        "--production",
        help="gunicorn instead of the development server (docs/operations.md).",
    ),
    processes: int = typer.Option(
        0, help="--production: server processes (default RADAR_WEB_PROCESSES, else one per core)."
    ),
    threads: int = typer.Option(
        0, help="--production: threads per process (default RADAR_WEB_THREADS, else 8)."
    ),
) -> None:
    """Run the web app (migrating the database first)."""
    migrate_quietly()
    if production:
        _serve_production(host, port, processes, threads)
        return
    from django.core.management import call_command

    typer.echo(f"Alliance Radar on http://{host}:{port}/  (Ctrl+C to stop)")
    call_command("runserver", f"{host}:{port}", use_reloader=False)


def _serve_production(host: str, port: int, processes: int, threads: int) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from radar.server.gunicorn_app import ServerOptions, default_processes, run

    if settings.DEBUG:
        raise fail("RADAR_DEBUG is on: the production server never shows debug pages. Unset it.")
    # Compressed copies of the static files, which WhiteNoise serves with long cache lifetimes.
    call_command("collectstatic", interactive=False, verbosity=0)
    # The server forks its processes: none may inherit this process's database connection.
    connections.close_all()
    options = ServerOptions(
        host=host,
        port=port,
        processes=processes or env_int("RADAR_WEB_PROCESSES", default_processes()),
        threads=threads or env_int("RADAR_WEB_THREADS", 8),
    )
    typer.echo(
        f"Alliance Radar (production) on http://{host}:{port}/  "
        f"{options.processes} processes x {options.threads} threads  (Ctrl+C to stop)"
    )
    run(options)


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema."""
    migrate_quietly()
    typer.echo("Database is up to date.")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `radar manage createsuperuser`."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line([f"{sys.argv[0]} manage", *ctx.args])
