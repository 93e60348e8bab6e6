"""The current assessments as a spreadsheet: one row per alliance, one per signal.

Read from the stored assessments (what the dashboard shows), never recomputed.
Every text cell goes through `safe_cell`: names, titles and details come from
users and imported files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import IO, Any

from openpyxl import Workbook

from radar.exports.safe_cells import safe_row

ALLIANCE_COLUMNS = (
    "Alliance",
    "Partner",
    "Tier",
    "Owner",
    "Assessed on",
    "Score",
    "Baseline",
    "Trend",
    "Phase",
    "Recommendation",
    "Why",
    "Confirmed signals",
    "Systemic",
    "Active signals",
    "Cadence",
)
SIGNAL_COLUMNS = (
    "Alliance",
    "Signal",
    "Category",
    "Kind",
    "Confirmed",
    "First seen",
    "Months in a row",
    "Severity",
    "What it says",
)
TRENDS = {"up": "improving", "down": "worsening", "flat": "steady"}


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def alliance_row(alliance: Any, payload: Mapping[str, Any] | None) -> list[Any]:
    head = [alliance.name, alliance.partner.name, alliance.tier, alliance.owner_display]
    if payload is None:
        return [*head, None, None, None, "not assessed yet", *[None] * 7]
    rec = payload.get("recommendation", {})
    signals = payload.get("signals", [])
    confirmed = [s for s in signals if s.get("confirmed") and s.get("polarity") == "negative"]
    return [
        *head,
        _day(payload.get("as_of")),
        payload.get("score"),
        payload.get("baseline_score"),
        TRENDS.get(str(payload.get("trend")), payload.get("trend")),
        str(payload.get("phase", {}).get("phase", "")).capitalize(),
        str(rec.get("action", "")).capitalize(),
        rec.get("headline", ""),
        len(confirmed),
        "yes" if payload.get("systemic") else "no",
        "; ".join(s.get("title", "") for s in signals),
        "; ".join(f.get("message", "") for f in payload.get("cadence", [])),
    ]


def signal_rows(alliance: Any, payload: Mapping[str, Any] | None) -> Iterator[list[Any]]:
    for s in (payload or {}).get("signals", []):
        yield [
            alliance.name,
            s.get("title", ""),
            str(s.get("category", "")).capitalize(),
            "positive" if s.get("polarity") == "positive" else "warning",
            "yes" if s.get("confirmed") else "watching",
            _day(s.get("first_seen")),
            s.get("consecutive"),
            s.get("severity"),
            s.get("detail", ""),
        ]


def write_workbook(
    out: IO[bytes],
    alliances: Iterable[tuple[Any, Mapping[str, Any] | None]],
    exported_at: datetime,
) -> int:
    """Write the workbook to `out`; returns the number of alliance rows."""
    book = Workbook(write_only=True)
    overview, details = book.create_sheet("Assessments"), book.create_sheet("Signals")
    overview.append(ALLIANCE_COLUMNS)
    details.append(SIGNAL_COLUMNS)
    count = 0
    for alliance, payload in alliances:
        overview.append(safe_row(alliance_row(alliance, payload)))
        for row in signal_rows(alliance, payload):
            details.append(safe_row(row))
        count += 1
    about = book.create_sheet("About")
    about.append(["Alliance Radar: current assessments"])
    about.append(["Exported at", exported_at.replace(tzinfo=None)])
    about.append(["Alliances", count])
    about.append(["Scores run 1 (critical) to 5 (thriving), each against its own baseline."])
    book.save(out)
    return count
