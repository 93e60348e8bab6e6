"""`import_bundle`: read a bundle once, checking and writing it chunk by chunk,
all inside one transaction that is rolled back when anything was wrong.

Memory stays flat whatever the size of the bundle: a chunk of rows is
parsed, checked (validate.py) and written (write.py) before the next is
read, and the big tables' keys are checked against the database rather than
kept. Before any row is parsed, every file's lines are counted against the
import limits (radar.ingest.limits); the count is also the progress total.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.bundle import forked, spec
from radar.ingest.bundle.catalogue import Catalogue
from radar.ingest.bundle.rows import Problems, RowParser
from radar.ingest.bundle.source import Source, SourceError, open_source
from radar.ingest.bundle.tables import BY_NAME, TABLES, Row, Table
from radar.ingest.bundle.validate import Duplicates, Keep, RowChecker
from radar.ingest.bundle.write import TableWriter, chunks
from radar.ingest.limits import Limits, LineBudget
from radar.portfolio import activity
from radar.portfolio.models import Alliance
from radar.progress import Progress, no_progress

CHUNK = 4000  # rows checked and written at a time
BASE_KINDS = ("alliance", "partner", "user", "metric", "contact", "survey", "decision")


def _check_manifest(source: Source, problems: Problems) -> None:
    manifest = source.manifest()
    if not manifest:
        return
    name = manifest.get("format", spec.FORMAT_NAME)
    version = str(manifest.get("format_version", spec.FORMAT_VERSION))
    where = Path(source.label).name if source.label.endswith(".json") else spec.MANIFEST_FILE
    if name != spec.FORMAT_NAME:
        message = f'format is "{name}", expected "{spec.FORMAT_NAME}"'
        problems.error(Problem(where, "format", message))
    elif version != spec.FORMAT_VERSION:
        message = (
            f'bundle format version "{version}" is not supported by this version of '
            f'Alliance Radar (it reads version "{spec.FORMAT_VERSION}")'
        )
        problems.error(Problem(where, "format_version", message))


def _catalogue() -> Catalogue:
    cat = Catalogue()
    for kind in BASE_KINDS:
        cat.load(kind)
    return cat


def _rows(source: Source, table: Table, zone: tzinfo, cat: Catalogue) -> Iterator[tuple[int, Row]]:
    """The file's rows again, typed and prepared, problems not reported."""
    with source.table(table.entity) as data:
        parser = RowParser(table.entity, data.header, data.file, zone, Problems(), report=False)
        for number, cells in data.rows:
            row = parser.parse(number, cells)
            if row is not None:
                if table.prepare:
                    table.prepare(row, table.ix, cat.alliance_names)
                yield number, row


def _keep(
    wanted: str | None, source: Source, present: set[str], cat: Catalogue, problems: Problems
) -> Keep:
    """With --alliance, only that alliance's rows (and its partner) are imported."""
    if not wanted:
        return None
    name = cat.alliance_names.get(wanted)
    partner = ""
    if spec.ALLIANCES.file in present:
        table = BY_NAME["alliances"]
        for _, row in _rows(source, table, timezone.get_current_timezone(), cat):
            if wanted in (row[0], row[1]):
                name, partner = row[0], row[2]
    if name is None:
        message = f'no alliance named "{wanted}" in the bundle or the store'
        problems.error(Problem("--alliance", "option", message))
    elif not partner:
        partner = Alliance.objects.get(name=name).partner.name

    def keep(table: Table, row: Row) -> bool:
        if table.name == "partners":
            return bool(row[0] == partner)
        if table.name == "alliances":
            return bool(row[0] == name)
        alliance = row[table.ix["alliance"]]
        return alliance is not None and cat.alliance_names.get(alliance) == name

    return keep


class BundleImport:
    """One import of one bundle: the source, what is known, what was found."""

    def __init__(self, source: Source, options: ImportOptions, progress: Progress):
        self.source, self.options, self.progress = source, options, progress
        self.problems = Problems()
        self.zone = timezone.get_current_timezone()
        self.now: datetime = timezone.now()
        self.expected: dict[str, int] = {}
        self.summary = ImportSummary("bundle", source.label, dry_run=options.dry_run)

    def run(self, present: set[str], lines: dict[str, int]) -> ImportSummary:
        # A file's first line is its header, not a row.
        self.expected = {name: max(0, count - 1) for name, count in lines.items()}
        total = sum(self.expected.values())
        self.progress(0, total)
        self.done = 0
        self.total = total
        with transaction.atomic():
            _tune_connection()
            self.cat = _catalogue()
            keep = _keep(self.options.alliance, self.source, present, self.cat, self.problems)
            _fail_if(self.problems)
            for table in TABLES:
                if table.entity.file in present:
                    self._table_once(table, keep)
            _fail_if(self.problems)
            if self.options.dry_run:
                transaction.set_rollback(True)
            else:
                activity.refresh()  # the monthly totals evaluations read, kept with the write
        self.progress(max(0, total - self.done), total)
        self.summary.warnings.extend(self.problems.warnings)
        return self.summary

    def _table_once(self, table: Table, keep: Keep) -> None:
        """A streamed table that turns out to repeat a key is read again, checking each key."""
        mark = self.problems.mark()
        try:
            with transaction.atomic():
                self._table(table, keep, checked=False)
        except IntegrityError:
            if not table.streamed:
                raise
            self.problems.restore(mark)
            with transaction.atomic():
                self._table(table, keep, checked=True)

    def _table(self, table: Table, keep: Keep, checked: bool) -> None:
        mark = self.problems.mark()
        try:
            with self.source.table(table.entity) as data:
                parser = RowParser(table.entity, data.header, data.file, self.zone, self.problems)
                if not parser.usable:
                    return
                checker = RowChecker(table, parser, self.cat, self.problems, keep)
                duplicates = Duplicates(table, checker, self.problems)
                with TableWriter(table, self.cat, self.now) as writer:
                    expected = self.expected.get(table.entity.file, 0)
                    writer.begin(expected, checked)
                    if (
                        writer.mode == "fresh"
                        and not checker.interactions
                        and (expected >= forked.FORKED_ROWS and forked.available())
                    ):
                        self._fresh_forked(checker, writer, data.rows)
                    else:
                        for chunk in chunks(data.rows, CHUNK):
                            writer.write(checker.check(chunk), duplicates.found)
                            if not checked:
                                self._advance(len(chunk))
                    counts = writer.finish()
                    checker.finish()  # after the writer loaded this file's contacts
        except SourceError as exc:
            # A file that cannot be read ends the import: what was read is rolled back.
            self.problems.error(exc.problem)
            _fail_if(self.problems)
        if duplicates:
            duplicates.report(_rows(self.source, table, self.zone, self.cat))
            self.problems.sort_since(mark)
        for what in ("created", "updated", "unchanged"):
            getattr(self.summary, what)[table.name] += counts[what]
        if table.provides and table.provides != "interaction":
            self.cat.load(table.provides)

    def _fresh_forked(self, checker: RowChecker, writer: TableWriter, rows: Iterator[Any]) -> None:
        """Read in a forked child, write here (a big table that starts empty)."""
        mark = self.problems.mark()

        def produce() -> Iterator[tuple[int, Any]]:
            for chunk in chunks(rows, CHUNK):
                yield len(chunk), writer.prepared(checker.check(chunk))
            yield 0, self.problems.since(mark)

        for count, payload in forked.run_forked(produce):
            if count:
                writer.insert_prepared(payload)
                self._advance(count)
            else:
                self.problems.extend(payload)

    def _advance(self, rows: int) -> None:
        self.done += rows
        self.progress(rows, self.total)


def import_bundle(
    path: Path, options: ImportOptions | None = None, progress: Progress = no_progress
) -> ImportSummary:
    """Check and write everything in one transaction.

    Raises ImportFailed (nothing written) when anything is wrong. With
    options.dry_run the writes happen and are rolled back, so the summary
    tells exactly what an import would change.
    """
    options = options or ImportOptions()
    problems = Problems()
    limits = Limits.current()
    try:
        source = open_source(Path(path), limits)
        _check_manifest(source, problems)
        present = source.names() & set(spec.BY_FILE)
        if not present and not problems:
            known = ", ".join(e.file for e in spec.ENTITIES[:3])
            message = f"no bundle files found (expected {spec.MANIFEST_FILE}, {known}, …)"
            problems.error(Problem(Path(path).name, "file", message))
        _fail_if(problems)
        lines = source.scan(present, LineBudget(limits))
    except SourceError as exc:
        raise ImportFailed([exc.problem]) from None
    summary = BundleImport(source, options, progress).run(present, lines)
    summary.source = str(path)
    return summary


def _tune_connection() -> None:
    """SQLite: a bigger page cache keeps a million-row table's indexes in memory."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -131072")  # KiB, i.e. 128 MiB


def _fail_if(problems: Problems) -> None:
    if problems:
        raise ImportFailed(problems.errors, omitted=problems.omitted)
