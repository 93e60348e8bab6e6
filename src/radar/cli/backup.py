"""`radar backup` and `radar restore`: everything, to one file and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from radar.cli.app import app, err, fail, migrate_quietly, setup_django


@app.command()
def backup(
    path: Annotated[Path, typer.Argument(help="The backup file to write (.zip).")],
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Back up everything: users, roles, tokens, the portfolio, assessments, history, files."""
    if path.exists() and not force:
        raise fail(f"{escape(str(path))} exists; choose another name or add --force.")
    migrate_quietly()
    from radar.backup.archive import write_backup

    try:
        written = write_backup(path)
    except OSError as exc:
        raise fail(f"Cannot write {escape(str(path))}: {escape(str(exc))}", code=1) from None
    rows = sum(written.counts.values())
    typer.echo(
        f"Backed up {rows} rows in {len(written.counts)} tables and {written.files} files "
        f"to {written.path}."
    )


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A file written by `radar backup`.")],
    replace: Annotated[
        bool, typer.Option(help="Replace everything in a database that is not empty.")
    ] = False,
) -> None:
    """Restore a backup into this database (all or nothing; refuses a non-empty one)."""
    if not path.is_file():
        raise fail(f"No such file: {escape(str(path))}")
    setup_django()
    from django.db import DatabaseError

    from radar.backup.archive import BackupError
    from radar.backup.restore import restore as run_restore
    from radar.backup.schema import IncompatibleBackup

    try:
        restored = run_restore(path, replace=replace)
    except (BackupError, IncompatibleBackup) as exc:
        err.print(f"[bold red]Not restored:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from None
    except DatabaseError as exc:
        err.print(
            "[bold red]Not restored:[/] the database refused the backup's rows "
            f"({escape(str(exc))}); nothing was changed.",
            highlight=False,
        )
        raise typer.Exit(1) from None
    rows = sum(restored.counts.values())
    note = " (then upgraded to this version's schema)" if restored.migrated else ""
    typer.echo(
        f"Restored {rows} rows in {len(restored.counts)} tables and {restored.files} files{note}."
    )
