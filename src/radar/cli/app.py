"""The `radar` Typer application object; commands live in sibling modules."""

from __future__ import annotations

import os

import typer

app = typer.Typer(
    name="radar",
    help="Alliance Radar: read the quiet signals of your partnerships.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
