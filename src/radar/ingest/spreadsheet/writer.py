"""Write validated sheet rows: check-ins, observations, deliverables, metrics, actions.

Every record is keyed so that re-importing the sheet changes nothing: the
check-in and the decision by (alliance, row date, "health sheet"), the rest
by their own natural keys (see docs/importers.md, "Spreadsheets").
"""

from __future__ import annotations

from datetime import date, timedelta

from radar.engine.vocab import DecisionKind, DeliverableStatus, MetricKind, Side
from radar.ingest.base import ImportSummary
from radar.ingest.dates import month_start
from radar.ingest.spreadsheet.items import Dated, classify_signal
from radar.ingest.spreadsheet.rows import SheetRow
from radar.ingest.upsert import upsert
from radar.portfolio.models import (
    ActionItem,
    CheckIn,
    Decision,
    Deliverable,
    MetricDefinition,
    MetricValue,
    Observation,
)

SHEET = "Health sheet import"
# Contact older than this at the row's date means "did not speak with the partner".
CONTACT_DAYS = 30
ACTION_DAYS = 30  # due date for action items that give none
LEADING = {"leads", "pipeline", "registrations", "meetings", "trained", "certified"}
OUR_PREFIXES = ("us:", "we:", "ours:", "our side:")


def write_row(row: SheetRow, summary: ImportSummary, dry_run: bool) -> None:
    a = row.alliance
    notes: dict[str, str] = {}
    spoke = None
    if row.last_contact:
        notes["communication"] = f"Last contact: {row.last_contact.isoformat()}"
        spoke = (row.day - row.last_contact).days <= CONTACT_DAYS
    upsert(
        CheckIn,
        {"alliance": a, "held_on": row.day, "reviewer_name": SHEET},
        {"manual_score": row.score, "notes": row.notes, "spoke_with_partner": spoke,
         "category_notes": notes},
        summary, "check-ins", dry_run,
    )  # fmt: skip
    for text in row.signals:
        category, polarity = classify_signal(text)
        upsert(
            Observation,
            {"alliance": a, "observed_on": row.day, "title": text[:300]},
            {"category": category, "polarity": polarity, "detail": f"{SHEET}, row {row.number}"},
            summary, "observations", dry_run,
        )  # fmt: skip
    for item in row.deliverables:
        done = item.when or row.day
        _deliverable(row, item, done, DeliverableStatus.DONE, summary, dry_run)
    for item in row.milestones:
        if item.when is None:
            summary.skip("milestones", "no date, so no due date to hold them to")
            summary.warnings.append(f"row {row.number}: milestone {item.title!r} has no date")
            continue
        _deliverable(row, item, item.when, DeliverableStatus.OPEN, summary, dry_run)
    for key, name, value in row.metrics:
        kind = MetricKind.LEADING if key in LEADING else MetricKind.LAGGING
        metric = upsert(
            MetricDefinition, {"alliance": a, "key": key}, {}, summary, "metrics", dry_run
        )
        if metric is not None and not metric.name:
            metric.name, metric.kind = name, kind.value
            if not dry_run:
                metric.save(update_fields=["name", "kind"])
        upsert(
            MetricValue,
            {"metric": metric, "period": month_start(row.day)},
            {"value": value, "source": "sheet"},
            summary, "metric values", dry_run,
        )  # fmt: skip
    if row.actions:
        _actions(row, summary, dry_run)


def _deliverable(
    row: SheetRow,
    item: Dated,
    due: date,
    status: DeliverableStatus,
    summary: ImportSummary,
    dry_run: bool,
) -> None:
    title = item.title
    side = Side.PARTNER
    if title.casefold().startswith(OUR_PREFIXES):
        side, title = Side.OURS, title.partition(":")[2].strip()
    values: dict[str, object] = {"side": side.value, "status": status.value}
    if status is DeliverableStatus.DONE:
        values["done_on"] = due
    upsert(
        Deliverable,
        {"alliance": row.alliance, "title": title[:300], "due_on": due},
        values, summary, "deliverables", dry_run,
    )  # fmt: skip


def _actions(row: SheetRow, summary: ImportSummary, dry_run: bool) -> None:
    decision = upsert(
        Decision,
        {"alliance": row.alliance, "decided_on": row.day, "rationale": f"{SHEET}: action items"},
        {"kind": DecisionKind.MONITOR.value},
        summary, "decisions", dry_run,
    )  # fmt: skip
    for item in row.actions:
        due = item.when or row.day + timedelta(days=ACTION_DAYS)
        upsert(
            ActionItem,
            {"decision": decision, "title": item.title[:300]},
            {"owner": (item.owner or "unassigned")[:200], "due_on": due},
            summary, "action items", dry_run,
        )  # fmt: skip
