"""`radar import` and `radar export`: move a portfolio in and out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from radar.cli.app import app, err, migrate_quietly, progress_bar
from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.run import (
    ImportRefused,
    choose_importer,
    parse_column_map,
    run_import,
    summary_rows,
    verdict,
)
from radar.ingest.shown import shown
from radar.progress import Progress as ProgressFn

SHOWN_PROBLEMS = 50
SHOWN_WARNINGS = 20

out = Console()


@contextmanager
def _progress_bar(label: str) -> Iterator[ProgressFn]:
    """A rich progress bar on stderr; yields the importers' progress callback."""
    with progress_bar() as bar:
        task = bar.add_task(label, total=None)

        def progress(advance: int, total: int | None) -> None:
            if total is None:
                bar.update(task, advance=advance)
            else:
                bar.update(task, advance=advance, total=total)

        yield progress


def _print_problems(problems: list[Problem], omitted: int) -> None:
    total = len(problems) + omitted
    err.print(f"[bold red]The import found {total} problem(s); nothing was written.[/]")
    groups: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems[:SHOWN_PROBLEMS]:
        groups[problem.file].append(problem)
    number = 0
    for file, items in groups.items():
        err.print(f"[bold red]{escape(file)}[/]")
        for problem in items:
            number += 1
            where = problem.location
            if problem.column:
                where += f", column {problem.column!r}"
            err.print(f"[red]  {number}. {escape(where)}: {escape(problem.message)}[/]")
    hidden = total - number
    if hidden > 0:
        err.print(f"[red]  … and {hidden} more.[/]")


def _print_summary(summary: ImportSummary) -> None:
    title = "Dry run: nothing was written. This import would change:" if summary.dry_run else ""
    table = Table(title=title or None, title_justify="left")
    rows = summary_rows(summary)
    columns = ["created", "updated", "unchanged"]
    if any(row.removed for row in rows):
        columns.append("removed")
    table.add_column("entity")
    for column in columns:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(row.entity, *(str(getattr(row, column)) for column in columns))
    out.print(table)
    for line in summary.skipped_lines():
        out.print(f"[cyan]{escape(shown(line))}[/]")
    for warning in summary.warnings[:SHOWN_WARNINGS]:
        out.print(f"[yellow]warning: {escape(shown(warning))}[/]")
    if len(summary.warnings) > SHOWN_WARNINGS:
        out.print(f"[yellow]… and {len(summary.warnings) - SHOWN_WARNINGS} more warnings.[/]")
    out.print(f"[green]{escape(verdict(summary))}[/]")


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A bundle folder/.zip/.json, or another source.")],
    kind: Annotated[str | None, typer.Option(help="Importer to use (default: detect).")] = None,
    dry_run: Annotated[bool, typer.Option(help="Validate and show what would change.")] = False,
    alliance: Annotated[str | None, typer.Option(help="Only this alliance's rows.")] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Calendars: expand meetings from this day."),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Calendars: expand meetings up to this day."),
    ] = None,
    dayfirst: Annotated[bool, typer.Option(help="Sheets/CRM: read 03/04/2025 as 3 April.")] = False,
    column_map: Annotated[
        list[str] | None,
        typer.Option("--map", help='Sheets: "Column heading=field" (repeatable).'),
    ] = None,
    store_bodies: Annotated[
        bool, typer.Option(help="E-mail: also keep message texts (default: metadata only).")
    ] = False,
    our_domain: Annotated[
        list[str] | None, typer.Option(help="E-mail: a domain of our side (repeatable).")
    ] = None,
) -> None:
    """Import a portfolio bundle (docs/bundle-format.md) or another source (docs/importers.md)."""
    # imap://user@host/INBOX is a mailbox on a server, not a path (docs/importers.md).
    if not path.exists() and not str(path).lower().startswith(("imap:", "imaps:", "imap+")):
        err.print(f"[red]No such file or folder: {escape(str(path))}[/]")
        raise typer.Exit(2)
    migrate_quietly()
    try:
        importer = choose_importer(path, kind)
    except LookupError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    try:
        mapping = parse_column_map(column_map or [])
    except ValueError:
        err.print('[red]--map takes "Column heading=field", e.g. --map "RAG=score"[/]')
        raise typer.Exit(2) from None
    options = ImportOptions(
        dry_run=dry_run,
        alliance=alliance,
        since=since.date() if since else None,
        until=until.date() if until else None,
        dayfirst=dayfirst,
        column_map=mapping,
        store_bodies=store_bodies,
        our_domains=tuple(our_domain or ()),
    )
    try:
        with _progress_bar(f"Importing {path.name}") as progress:
            summary = run_import(importer, path, options, progress)
    except ImportFailed as exc:
        _print_problems(exc.problems, exc.omitted)
        raise typer.Exit(1) from None
    except ImportRefused as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(1) from None
    _print_summary(summary)
    if summary.changed and not summary.dry_run:
        _reassess()


def _reassess() -> None:
    """Re-assess what the import touched now (no worker needed), and send its alerts."""
    from radar.portfolio.assessments import EvaluationFailed
    from radar.worker.kinds import rescore_and_alert

    try:
        with progress_bar() as bar:
            task = bar.add_task("Re-assessing", total=None)
            alliances, alerts = rescore_and_alert(
                lambda advance, total: bar.update(task, advance=advance, total=total)
            )
    except EvaluationFailed as exc:
        err.print(f"[yellow]Imported, but {escape(str(exc))}; `radar evaluate` retries.[/]")
        return
    out.print(f"Re-assessed {alliances} alliance(s); {alerts.alerts} alert(s) sent.")
    if alerts.undelivered:
        err.print(
            f"[yellow]{alerts.undelivered} e-mail(s) or chat post(s) could not be delivered "
            "(see the log; `radar notify test` checks the channels).[/]"
        )


@app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="Folder (default), .zip or .json file to write.")],
    as_zip: Annotated[bool, typer.Option("--zip", help="Write one .zip file.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Write one JSON file.")] = False,
) -> None:
    """Export the whole portfolio as a bundle that `radar import` reads back."""
    suffix = path.suffix.lower()
    as_zip = as_zip or suffix == ".zip"
    as_json = as_json or suffix == ".json"
    if as_zip and as_json:
        err.print("[red]Choose one of --zip and --json.[/]")
        raise typer.Exit(2)
    if path.exists() and not as_zip and not as_json and not path.is_dir():
        err.print(f"[red]{escape(str(path))} is a file; give a folder, --zip or --json.[/]")
        raise typer.Exit(2)
    migrate_quietly()
    from radar.ingest.bundle import export_bundle

    try:
        with _progress_bar(f"Exporting to {path.name}") as progress:
            counts = export_bundle(path, as_zip=as_zip, as_json=as_json, progress=progress)
    except OSError as exc:
        err.print(f"[red]Cannot write {escape(str(path))}: {escape(str(exc))}[/]")
        raise typer.Exit(1) from None
    table = Table(title=f"Exported to {path}", title_justify="left")
    table.add_column("entity")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, str(count))
    out.print(table)
