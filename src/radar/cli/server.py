"""Run the site, manage the database."""

from __future__ import annotations

import sys

import typer

from radar.cli.app import app, migrate_quietly, setup_django


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Run the web app (migrating the database first)."""
    migrate_quietly()
    from django.core.management import call_command

    typer.echo(f"Alliance Radar on http://{host}:{port}/  (Ctrl+C to stop)")
    call_command("runserver", f"{host}:{port}", use_reloader=False)


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
