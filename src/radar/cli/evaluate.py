"""`radar evaluate`: assess the portfolio (or one alliance) as of a date."""

from __future__ import annotations

import difflib
import json
import time
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from radar.cli.app import app, err, fail, migrate_quietly, parse_day, progress_bar


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def find_alliance(name: str) -> int:
    """The id of the alliance called `name` (name or slug, any case), or a helpful error."""
    from radar.portfolio.models import Alliance

    wanted = name.strip().casefold()
    known = list(Alliance.objects.values_list("id", "name", "slug"))
    for alliance_id, alliance_name, slug in known:
        if wanted in (alliance_name.casefold(), slug.casefold()):
            return alliance_id
    names = [n for _, n, _ in known]
    by_folded = {n.casefold(): n for n in names}
    close = [by_folded[c] for c in difflib.get_close_matches(wanted, list(by_folded), n=5)]
    close += [n for n in names if wanted in n.casefold() and n not in close][: 5 - len(close)]
    if close:
        hint = "Did you mean: " + ", ".join(close) + "?"
    elif names:
        more = ", …" if len(names) > 10 else ""
        hint = "Known alliances: " + ", ".join(sorted(names)[:10]) + more
    else:
        hint = "The portfolio is empty: run `radar demo` or `radar import BUNDLE` first."
    raise fail(f"No alliance called {name!r}. {hint}")


@app.command()
def evaluate(
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Assess as of this date (YYYY-MM-DD); default today."),
    ] = None,
    alliance: Annotated[
        str | None, typer.Option("--alliance", help="Only this alliance (name or slug).")
    ] = None,
    output: Annotated[
        OutputFormat,
        typer.Option("--format", help="table (for people) or json (for programs)."),
    ] = OutputFormat.TABLE,
    store: Annotated[
        bool,
        typer.Option("--store/--no-store", help="Keep the results in the database (default)."),
    ] = True,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes to assess with; default one per core for 100+ alliances.",
        ),
    ] = None,
) -> None:
    """Assess the portfolio: score, signals, phase and recommendation per alliance."""
    day = parse_day(as_of)
    migrate_quietly()
    from django.utils import timezone

    from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
    from radar.portfolio.loader import alliances_as_of
    from radar.portfolio.workers import worker_count

    day = day or timezone.localdate()  # the one place the clock is read
    ids = None if alliance is None else [find_alliance(alliance)]
    processes = worker_count(alliances_as_of(day, ids).count(), workers)
    started = time.perf_counter()
    with progress_bar() as bar:
        task = bar.add_task("Assessing alliances", total=None)

        def advance(step: int, total: int | None) -> None:
            bar.update(task, advance=step, total=total)

        try:
            found = evaluate_portfolio(day, ids, store=store, progress=advance, workers=processes)
        except EvaluationFailed as exc:
            raise fail(f"{exc} ({type(exc.__cause__).__name__}: {exc.__cause__}).", 1) from None
    if found:
        spread = f" in {processes} processes" if processes > 1 else ""
        err.print(
            f"Assessed {len(found)} alliances as of {day.isoformat()}{spread} "
            f"({time.perf_counter() - started:.1f} s)."
        )
    if output is OutputFormat.JSON:
        from radar.cli.assessment_table import json_document

        typer.echo(json.dumps(json_document(day, found), indent=2, ensure_ascii=False))
        return
    if not found:
        err.print(f"No alliances to assess as of {day.isoformat()}.")
        return
    from radar.cli.assessment_table import assessment_table

    out = Console()
    if not out.is_terminal:
        out = Console(width=160)  # piped into a file or a pager: do not wrap at 80
    out.print(assessment_table(day, found))
