"""The two steps of the upload page — dry run, then the real import — that never raise.

Both go through `radar.ingest.run` like `radar import` does. Whatever goes
wrong ends up in an `Outcome` the page can show: the importer's problems
(file, location, column, message), a plain refusal, or — for a bug or a file
no importer anticipated — a friendly sentence, with the traceback logged for
operators.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from radar.ingest.base import Importer, ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.run import (
    ImportRefused,
    SummaryRow,
    choose_importer,
    run_import,
    summary_rows,
)
from radar.ingest.run import verdict as summary_verdict
from radar.ingest.spreadsheet import preview as sheet_preview
from radar.progress import Progress, no_progress
from radar.web.imports.effects import reassess_changed, snapshot
from radar.web.imports.uploads import PendingUpload

log = logging.getLogger(__name__)

SHOWN_PROBLEMS = 200


@dataclass
class Outcome:
    name: str
    kind: str = ""
    description: str = ""
    summary: ImportSummary | None = None
    problems: list[Problem] = field(default_factory=list)
    omitted: int = 0  # problems beyond the ones shown
    error: str = ""  # one plain sentence when the import could not run at all
    sheet: Any = None  # the spreadsheet importer's Preview, for sheets
    alliances: list[tuple[str, str]] = field(default_factory=list)  # (name, slug) re-assessed
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.summary is not None

    @property
    def rows(self) -> list[SummaryRow]:
        return summary_rows(self.summary) if self.summary else []

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.omitted

    @property
    def skipped(self) -> list[str]:
        """What the import left out, one sentence per reason."""
        return self.summary.skipped_lines() if self.summary else []

    @property
    def removed(self) -> bool:
        return any(row.removed for row in self.rows)

    @property
    def verdict(self) -> str:
        return summary_verdict(self.summary) if self.summary else ""


def options_for(pending: PendingUpload, dry_run: bool, today: date) -> ImportOptions:
    return ImportOptions(
        dry_run=dry_run,
        alliance=pending.alliance or None,
        store_bodies=pending.store_bodies,
        dayfirst=pending.dayfirst,
        today=today,
        web=True,
    )


def preview(pending: PendingUpload, today: date) -> Outcome:
    """Validate and count what the import would change; nothing is written."""
    outcome = Outcome(pending.name)
    importer = _importer(pending, outcome)
    if importer is None:
        return outcome
    options = options_for(pending, True, today)
    if importer.kind == "spreadsheet":
        outcome.sheet = _sheet_preview(pending, options, outcome)
    _run(importer, pending, options, outcome)
    return outcome


def apply(pending: PendingUpload, today: date, progress: Progress = no_progress) -> Outcome:
    """Import for real (validation first, one transaction), then re-assess what changed."""
    outcome = Outcome(pending.name)
    importer = _importer(pending, outcome)
    if importer is None:
        return outcome
    options = options_for(pending, False, today)
    try:
        before = snapshot(today, options.alliance)
    except Exception:
        log.exception("Could not read the portfolio before importing %s", pending.name)
        before = None
    _run(importer, pending, options, outcome, progress)
    if outcome.ok and outcome.summary is not None and outcome.summary.changed:
        try:
            outcome.alliances, outcome.notes = reassess_changed(before, today, options.alliance)
        except Exception:
            # The data is in; only the fresh scores are missing. Say so, do not fail the page.
            log.exception("Re-assessing after importing %s failed", pending.name)
            outcome.notes.append(
                "The data was imported, but the alliances could not be re-assessed just now; "
                "their pages show the last assessment until the next evaluation."
            )
    return outcome


def _importer(pending: PendingUpload, outcome: Outcome) -> Importer | None:
    try:
        importer = choose_importer(pending.file, pending.kind or None)
    except LookupError:
        outcome.error = (
            f"Alliance Radar cannot tell what kind of file “{pending.name}” is. "
            "Choose its kind on the upload form and try again."
        )
        return None
    except Exception:
        log.exception("Detecting the kind of %s failed", pending.name)
        outcome.error = _unexpected(pending.name)
        return None
    outcome.kind = importer.kind
    outcome.description = importer.description
    return importer


def _run(
    importer: Importer,
    pending: PendingUpload,
    options: ImportOptions,
    out: Outcome,
    progress: Progress = no_progress,
) -> None:
    try:
        out.summary = run_import(importer, pending.file, options, progress)
    except ImportFailed as failed:
        out.problems = failed.problems[:SHOWN_PROBLEMS]
        out.omitted = failed.omitted + max(0, len(failed.problems) - SHOWN_PROBLEMS)
    except ImportRefused as refused:
        # The message names the server-side path; the user only knows the file's name.
        out.error = str(refused).replace(str(pending.file), f"“{pending.name}”")
    except Exception:
        log.exception("Importing %s (%s) failed unexpectedly", pending.name, importer.kind)
        out.error = _unexpected(pending.name)


def _sheet_preview(pending: PendingUpload, options: ImportOptions, outcome: Outcome) -> Any:
    try:
        return sheet_preview(pending.file, options)
    except Exception:
        log.exception("Previewing the spreadsheet %s failed", pending.name)
        return None


def _unexpected(name: str) -> str:
    return (
        f"Something went wrong while reading “{name}”, and nothing was written. "
        "The file may be damaged or in a form Alliance Radar does not know. "
        "The details are in the server log for your administrator."
    )
