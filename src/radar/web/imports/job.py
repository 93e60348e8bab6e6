"""The upload page's import, run as a background job (radar.worker).

The job owns the uploaded file from the moment it is queued: on success it
deletes it and keeps what the result page shows; on failure it keeps the
file and the problems, so the preview page can show why and offer to retry.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from django.urls import reverse

from radar.ingest.base import Problem
from radar.web.imports.steps import Outcome, apply
from radar.web.imports.uploads import PendingUpload, discard
from radar.worker.jobs import JobFailed, Reporter
from radar.worker.models import Job

SHOWN_WARNINGS = 50  # on the preview and result pages; the rest are counted


def params_for(pending: PendingUpload, today: date) -> dict[str, Any]:
    return {"upload": asdict(pending), "today": today.isoformat()}


def run_import_job(job: Job, report: Reporter) -> dict[str, Any]:
    pending = PendingUpload(**job.params["upload"])
    if not pending.file.exists():
        raise JobFailed(f"The uploaded file “{pending.name}” is no longer there; upload it again.")
    report.say(f"Importing {pending.name}…")
    outcome = apply(pending, date.fromisoformat(job.params["today"]), progress=report)
    if not outcome.ok:
        raise JobFailed(
            "The import stopped; nothing was written.",
            result={**failure(outcome), "next": f"{reverse('import_preview')}?job={job.pk}"},
        )
    discard(pending.file)
    report.say(f"Imported {pending.name}.")
    return {**success(outcome), "next": f"{reverse('import_done')}?job={job.pk}"}


def success(outcome: Outcome) -> dict[str, Any]:
    """What the result page shows, kept in the session (plain JSON)."""
    summary = outcome.summary
    assert summary is not None
    return {
        "name": outcome.name,
        "description": outcome.description,
        "rows": [list(row) for row in outcome.rows],
        "changed": summary.changed,
        "verdict": outcome.verdict,
        "skipped": outcome.skipped,
        "removed": any(row.removed for row in outcome.rows),
        "warnings": summary.warnings[:SHOWN_WARNINGS],
        "more_warnings": max(0, len(summary.warnings) - SHOWN_WARNINGS),
        "alliances": [list(pair) for pair in outcome.alliances],
        "notes": outcome.notes,
    }


def failure(outcome: Outcome) -> dict[str, Any]:
    return {
        "kind": outcome.kind,
        "description": outcome.description,
        "error": outcome.error,
        "problems": [asdict(p) for p in outcome.problems],
        "omitted": outcome.omitted,
    }


def outcome_from(pending: PendingUpload, result: dict[str, Any]) -> Outcome:
    """The failed import's outcome, rebuilt for the preview page."""
    return Outcome(
        pending.name,
        kind=str(result.get("kind", "")),
        description=str(result.get("description", "")),
        problems=[Problem(**p) for p in result.get("problems", [])],
        omitted=int(result.get("omitted", 0)),
        error=str(result.get("error", "")),
    )
