"""How `radar evaluate` shows assessments: a rich table and the JSON document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.table import Table
from rich.text import Text

from radar.engine.assessment import SCHEMA_VERSION, Assessment
from radar.engine.vocab import DecisionKind, Polarity

TREND_ARROWS = {"up": ("↑", "green"), "down": ("↓", "red"), "flat": ("→", "dim")}
ACTION_STYLES = {
    DecisionKind.REINVEST: "green",
    DecisionKind.MONITOR: "cyan",
    DecisionKind.RESET: "yellow",
    DecisionKind.EXIT: "bold red",
    DecisionKind.WATCH: "magenta",
}


def json_document(as_of: date, assessments: Sequence[Assessment]) -> dict[str, Any]:
    """The `--format json` output (docs/assessment-schema.md)."""
    ordered = sorted(assessments, key=lambda a: a.alliance_name.casefold())
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "assessments": [a.to_dict() for a in ordered],
    }


def score_text(assessment: Assessment) -> Text:
    arrow, style = TREND_ARROWS.get(assessment.trend, ("?", "dim"))
    score = assessment.score
    if score is None:
        return Text("not enough data yet", style="dim")
    colour = "red" if score < 2.5 else "yellow" if score < 3.5 else "green"
    text = Text(f"{score:.1f} ", style=colour)
    text.append(arrow, style=style)
    return text


def signals_text(assessment: Assessment) -> str:
    """Confirmed signals per category, e.g. "communication 2, resource 1, +1 positive"."""
    negative: Counter[str] = Counter()
    positive = 0
    for signal in assessment.confirmed_signals:
        if signal.polarity is Polarity.POSITIVE:
            positive += 1
        else:
            negative[signal.category.value] += 1
    parts = [f"{category} {count}" for category, count in sorted(negative.items())]
    if positive:
        parts.append(f"+{positive} positive")
    return ", ".join(parts) or "—"


def cadence_text(assessment: Assessment) -> str:
    """Short cadence labels, e.g. "ritual overdue x2", "no direct contact (12 days)"."""
    counts: Counter[str] = Counter(flag.code for flag in assessment.cadence)
    labels = []
    for flag in assessment.cadence:
        if flag.code not in counts:
            continue  # already shown with its count
        label = flag.code.replace("_", " ")
        if counts[flag.code] > 1:
            label += f" x{counts[flag.code]}"
        elif flag.days_overdue:
            label += f" ({flag.days_overdue} days)"
        labels.append(label)
        del counts[flag.code]
    return "\n".join(labels) or "—"


def assessment_table(as_of: date, assessments: Sequence[Assessment]) -> Table:
    """Worst first: the alliances that need attention lead the table.

    Cadence flags are shown as short labels; their full messages are in the
    JSON output and on the alliance page.
    """
    table = Table(title=f"Alliance health as of {as_of:%d %B %Y}", show_lines=False)
    table.add_column("Alliance", style="bold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Phase")
    table.add_column("Confirmed signals")
    table.add_column("Systemic", justify="center")
    table.add_column("Recommendation")
    table.add_column("Cadence")
    for a in sorted(
        assessments, key=lambda a: (a.score is None, a.score or 0.0, a.alliance_name.casefold())
    ):
        phase = a.phase.phase.value.replace("_", " ")
        if a.phase.healthy_plateau:
            phase += " (healthy plateau)"
        action = a.recommendation.action
        table.add_row(
            a.alliance_name,
            score_text(a),
            phase,
            signals_text(a),
            Text("yes", style="bold red") if a.systemic else Text("no", style="dim"),
            Text(action.value, style=ACTION_STYLES.get(action, "")),
            cadence_text(a),
        )
    return table
