"""`radar import health.xlsx`: the health-tracking sheet teams already keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.common import load_directory
from radar.ingest.spreadsheet.columns import looks_like_health_sheet, map_headers
from radar.ingest.spreadsheet.rows import RowReader
from radar.ingest.spreadsheet.writer import write_row
from radar.ingest.tabular import Table, cell, first_row, read_table
from radar.progress import Progress

SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}


class SpreadsheetImporter:
    kind = "spreadsheet"
    description = "Health-tracking spreadsheet (XLSX or CSV): one row per partner and date"

    def detect(self, path: Path) -> bool:
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            return False
        # radar.ingest.crm builds on this package; only detection looks the other way.
        from radar.ingest.crm.detect import crm_format

        headings = first_row(path)
        return looks_like_health_sheet(headings) and crm_format(headings) is None

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        table, mapping = _mapped_table(path, options)
        directory = load_directory(path, options)
        reader = RowReader(table, mapping, directory, options.dayfirst)
        rows = reader.read()
        if reader.problems:
            raise ImportFailed(reader.problems)
        summary = ImportSummary(kind=self.kind, source=str(path), dry_run=options.dry_run)
        with transaction.atomic():
            for row in rows:
                write_row(row, summary, options.dry_run)
                progress(1, len(rows))
            if options.dry_run:
                transaction.set_rollback(True)
        return summary


@dataclass
class Preview:
    """What the upload page shows before importing: the mapping and the first rows."""

    sheet: str
    mapping: dict[str, str]  # heading -> field
    unmapped: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)  # field -> cell text
    problems: list[str] = field(default_factory=list)


def preview(path: Path, options: ImportOptions | None = None, limit: int = 10) -> Preview:
    """The first `limit` rows as the importer maps them (never raises on bad files)."""
    options = options or ImportOptions()
    try:
        table, mapping = _mapped_table(path, options)
    except ImportFailed as failed:
        return Preview(path.name, {}, [], [], [str(p) for p in failed.problems])
    result = Preview(
        table.name,
        {table.headings[i]: f for i, f in mapping.items()},
        [h for i, h in enumerate(table.headings) if i not in mapping and h],
    )
    for _, cells in table.rows[:limit]:
        result.rows.append(
            {f: "" if cell(cells, i) is None else str(cell(cells, i)) for i, f in mapping.items()}
        )
    return result


def _mapped_table(path: Path, options: ImportOptions) -> tuple[Table, dict[int, str]]:
    explicit = options.column_map

    def recognise(headings: list[str]) -> bool:
        mapping, _, _ = map_headers(headings, explicit)
        return "partner" in mapping.values()

    table = read_table(path, recognise)
    mapping, _, errors = map_headers(table.headings, explicit)
    problems = [Problem(table.name, "option --map", e) for e in errors]
    if "partner" not in mapping.values():
        rename = options.say(
            "name it 'Partner' or pass --map \"Your heading=partner\"",
            "name that column 'Partner' in the file and upload it again",
        )
        message = (
            "no partner column found (headings: "
            + (", ".join(h for h in table.headings if h) or "none")
            + f"); {rename}"
        )
        problems.append(Problem(table.name, "heading row", message))
    if problems:
        raise ImportFailed(problems)
    return table, mapping
