"""`radar demo`: seed a realistic demo portfolio (docs/demo.md) and score it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from radar.cli.app import app, err, fail, migrate_quietly, parse_day, progress_bar

if TYPE_CHECKING:
    from radar.demo import SeedResult
    from radar.engine.assessment import Assessment

DEFAULT_SEED = 42
out = Console()
if not out.is_terminal:
    out = Console(width=120)  # piped or captured: do not wrap the summary at 80 columns


@app.command()
def demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the portfolio has alliances.")
    ] = False,
    reset: Annotated[
        bool, typer.Option("--reset", help="Delete the whole portfolio first, then seed.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --reset.")] = False,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: same seed and date, same data.")
    ] = DEFAULT_SEED,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The demo's 'today' (YYYY-MM-DD); default today."),
    ] = None,
    assess: Annotated[
        bool, typer.Option("--assess/--no-assess", help="Score the demo after seeding.")
    ] = True,
) -> None:
    """Seed a demo portfolio: a dozen alliances over three years, each telling a story."""
    day = parse_day(as_of)
    migrate_quietly()
    from django.utils import timezone

    from radar.demo import DEMO_PASSWORD, DEMO_USERNAME, portfolio_is_empty, wipe_portfolio
    from radar.portfolio.models import Alliance

    day = day or timezone.localdate()  # the one place the clock is read
    if not portfolio_is_empty():
        existing = Alliance.objects.count()
        if if_empty:
            out.print(f"The portfolio already has {existing} alliance(s); leaving it as it is.")
            return
        if not reset:
            raise fail(
                f"The portfolio already has {existing} alliance(s). Run `radar demo --reset` "
                "to replace it with the demo, or `radar demo --if-empty` to keep it."
            )
        if not yes and not typer.confirm(
            f"Delete all {existing} alliance(s) and everything recorded about them?"
        ):
            raise fail("Nothing changed.", 1)
        wipe_portfolio()
        out.print(f"Deleted {existing} alliance(s).")
    result = _seed(seed, day)
    assessments = _assess(day) if assess else []
    _summary(result, assessments)
    out.print(
        f"Sign in as [bold]{DEMO_USERNAME}[/] / [bold]{DEMO_PASSWORD}[/] "
        "(run `radar serve`, then open http://127.0.0.1:8000/).",
        highlight=False,
    )


def _seed(seed: int, day: date) -> SeedResult:
    from radar.demo import seed_demo
    from radar.demo.scenarios import build_scenarios

    total = len(build_scenarios(day))
    with progress_bar() as bar:
        making = bar.add_task("Generating alliances", total=total)
        writing = bar.add_task("Writing to the database", total=None, visible=False)

        def made(_name: str) -> None:
            bar.advance(making)

        def wrote(rows: int) -> None:
            bar.update(writing, advance=rows, visible=True)

        return seed_demo(seed, day, on_alliance=made, on_rows=wrote)


def _assess(day: date) -> list[Assessment]:
    from radar.demo.assess import assess_demo, snapshot_days
    from radar.portfolio.assessments import EvaluationFailed

    with progress_bar() as bar:
        task = bar.add_task("Scoring 12 months of history", total=len(snapshot_days(day)))
        try:
            return assess_demo(day, on_day=lambda _day: bar.advance(task))
        except NotImplementedError:
            err.print("The engine is not available yet: run `radar evaluate` later.")
        except EvaluationFailed as exc:
            err.print(f"[yellow]Warning:[/] {exc}; the demo is seeded, scores are missing.")
    return []


def _summary(result: SeedResult, assessments: list[Assessment]) -> None:
    counts = result.counts
    out.print(
        f"[bold green]Demo portfolio ready[/] as of {result.as_of.isoformat()} (seed "
        f"{result.seed}): {counts['alliances']} alliances, {counts['interactions']:,} "
        f"interactions, {counts['contacts']} contacts, {counts['deliverables']} deliverables, "
        f"{counts['metric_values']:,} metric values, {counts['responses']} survey answers.",
        highlight=False,
    )
    if not assessments:
        return
    table = Table(title="How the radar reads it", title_justify="left")
    for column in ("Alliance", "Score", "Phase", "Recommendation", "Confirmed signals"):
        table.add_column(column, justify="right" if column == "Score" else "left")
    for a in sorted(assessments, key=lambda a: (a.score is None, a.score or 0.0)):
        negatives = [s for s in a.confirmed_signals if s.polarity.value == "negative"]
        flag = f"[red]{len(negatives)} against[/]" if negatives else "[green]none against[/]"
        table.add_row(
            a.alliance_name,
            "not enough data yet" if a.score is None else f"{a.score:.1f}",
            a.phase.phase.value,
            a.recommendation.action.value,
            flag + (" · systemic" if a.systemic else ""),
        )
    out.print(table)
