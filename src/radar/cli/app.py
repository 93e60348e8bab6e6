"""The `radar` Typer application object; commands live in sibling modules.

The command modules import Django, the models and the heavy parts inside each
command, after `setup_django()`: the models cannot load before it, and
`radar --help` stays quick.
"""

from __future__ import annotations

import os
from datetime import date

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(
    name="radar",
    help="Alliance Radar: read the quiet signals of your partnerships.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# Errors, warnings and progress bars go to stderr so stdout stays clean for --format json.
err = Console(stderr=True)


def progress_bar() -> Progress:
    """The progress bar every long command shows on stderr (gone once done, off when piped)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a friendly error and return the Exit to raise (exit 2 = bad usage)."""
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    return typer.Exit(code)


def parse_day(raw: str | None, option: str = "--as-of") -> date | None:
    """An ISO date from a command-line option, or a clear error naming the option."""
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise fail(f"{option} must be a date like 2026-03-31, not {raw!r}.") from None


def setup_django() -> None:
    """Configure Django once, for commands that touch the store."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def migrate_quietly() -> None:
    """Bring the database schema up to date (safe to run every time)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
