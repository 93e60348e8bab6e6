"""One import, start to finish, shared by `radar import` and the web upload page.

Choosing the importer, reading "Heading=field" mappings, turning the errors an
importer can meet (unreadable file, database refusal) into a plain message and
laying out the summary table are the same wherever the import is started from,
so they live here rather than in the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from radar.ingest.base import Importer, ImportOptions, ImportSummary
from radar.progress import Progress, no_progress


class ImportRefused(Exception):
    """The import could not run (unreadable file, database refusal); nothing was written.

    Unlike `ImportFailed` this is not about the content's rows: the message is
    the whole story and is safe to show to the user.
    """


class SummaryRow(NamedTuple):
    entity: str
    created: int
    updated: int
    unchanged: int
    removed: int = 0


def choose_importer(path: Path, kind: str | None = None) -> Importer:
    """The importer named by `kind`, or the first that recognises the file.

    Raises LookupError with a message fit for the user when neither works.
    """
    # Here, not at the top: radar.cli imports this module before Django is set up,
    # and the importers load the models.
    from radar.ingest import registry

    return registry.by_kind(kind) if kind else registry.detect(path)


def parse_column_map(items: list[str] | tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """("Column heading=field", …) as pairs; ValueError when one has no '=' or heading."""
    pairs = [item.partition("=") for item in items]
    if any(not sep or not heading.strip() for heading, sep, _ in pairs):
        raise ValueError('a column mapping is "Column heading=field", e.g. "RAG=score"')
    return tuple((heading.strip(), field.strip()) for heading, _, field in pairs)


def run_import(
    importer: Importer,
    path: Path,
    options: ImportOptions,
    progress: Progress = no_progress,
) -> ImportSummary:
    """Run one import; `ImportFailed` (bad content) passes through, I/O and DB errors
    become `ImportRefused` with a plain message."""
    from django.db import DatabaseError

    from radar.portfolio import activity  # loads the models: not before Django is set up

    try:
        summary = importer.run(path, options, progress)
        if not options.dry_run:
            activity.refresh()  # the monthly totals evaluations read, kept with the write
        return summary
    except OSError as exc:
        raise ImportRefused(f"Cannot read {path}: {exc}") from exc
    except DatabaseError as exc:
        # Validation should catch bad data first; this is the database's last word.
        raise ImportRefused(
            f"The database refused the import ({exc}); nothing was written."
        ) from exc


def summary_rows(summary: ImportSummary) -> list[SummaryRow]:
    """One row per entity the import touched, in the order the importer counted them."""
    names = {**summary.created, **summary.updated, **summary.unchanged, **summary.removed}
    rows = [
        SummaryRow(
            name,
            summary.created[name],
            summary.updated[name],
            summary.unchanged[name],
            summary.removed[name],
        )
        for name in names
    ]
    return [row for row in rows if any(row[1:])]


def verdict(summary: ImportSummary) -> str:
    """One sentence on what the import did (or, on a dry run, would do), honest about skips."""
    skipped = sum(summary.skipped.values())
    dry = summary.dry_run
    if summary.changed:
        done = "Dry run: nothing was written yet." if dry else "Import complete."
        return done + (f" {skipped:,} skipped (see why above)." if skipped else "")
    if summary.kept:
        start = "Nothing would change" if dry else "Nothing changed"
        return f"{start}: what the file holds is already in the radar" + (
            f"; {skipped:,} more {'would be' if dry else 'were'} skipped (see why above)."
            if skipped
            else "."
        )
    if skipped:
        every = f"all {skipped:,} records" if skipped > 1 else "its one record"
        return (
            f"Nothing {'would be' if dry else 'was'} imported: {every} "
            f"{'would be' if dry else 'were' if skipped > 1 else 'was'} skipped (see why above)."
        )
    return "Nothing to import: the file holds no records this importer reads."
