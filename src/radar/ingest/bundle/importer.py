"""`import_bundle`: validate a whole bundle, then write it in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from radar.ingest.base import (
    ImportFailed,
    ImportOptions,
    ImportSummary,
    Problem,
    Progress,
    no_progress,
)
from radar.ingest.bundle import spec
from radar.ingest.bundle.catalogue import Catalogue
from radar.ingest.bundle.rows import Problems, RowParser
from radar.ingest.bundle.source import Source, SourceError, open_source
from radar.ingest.bundle.tables import BY_NAME, TABLES, Row, Table
from radar.ingest.bundle.validate import Keep, Validator
from radar.ingest.bundle.write import TableWriter
from radar.portfolio import rollup

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


def _catalogue(with_interactions: bool) -> Catalogue:
    cat = Catalogue()
    for kind in BASE_KINDS:
        cat.load(kind)
    if with_interactions:
        cat.load("interaction")
    return cat


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
        for row in _rows(source, table, timezone.get_current_timezone(), cat):
            if wanted in (row[0], row[1]):
                name, partner = row[0], row[2]
    if name is None:
        message = f'no alliance named "{wanted}" in the bundle or the store'
        problems.error(Problem("--alliance", "option", message))
    elif not partner:
        from radar.portfolio.models import Alliance

        partner = Alliance.objects.get(name=name).partner.name

    def keep(table: Table, row: Row) -> bool:
        if table.name == "partners":
            return bool(row[0] == partner)
        if table.name == "alliances":
            return bool(row[0] == name)
        alliance = row[table.ix["alliance"]]
        return alliance is not None and cat.alliance_names.get(alliance) == name

    return keep


def _rows(source: Source, table: Table, zone: tzinfo, cat: Catalogue) -> Iterator[Row]:
    """Already-validated rows, typed and prepared (second reading of the file)."""
    with source.table(table.entity) as data:
        parser = RowParser(table.entity, data.header, data.file, zone, Problems(), report=False)
        for number, cells in data.rows:
            row = parser.parse(number, cells)
            if row is not None:
                if table.prepare:
                    table.prepare(row, table.ix, cat.alliance_names)
                yield row


def import_bundle(
    path: Path, options: ImportOptions | None = None, progress: Progress = no_progress
) -> ImportSummary:
    """Validate everything, then write everything in one transaction.

    Raises ImportFailed (nothing written) when anything is wrong. With
    options.dry_run the writes happen and are rolled back, so the summary
    tells exactly what an import would change.
    """
    options = options or ImportOptions()
    problems = Problems()
    try:
        source = open_source(Path(path))
        _check_manifest(source, problems)
        present = source.names() & set(spec.BY_FILE)
    except SourceError as exc:
        raise ImportFailed([exc.problem]) from None
    if not present and not problems:
        known = ", ".join(e.file for e in spec.ENTITIES[:3])
        message = f"no bundle files found (expected {spec.MANIFEST_FILE}, {known}, …)"
        problems.error(Problem(Path(path).name, "file", message))
    _fail_if(problems)

    zone = timezone.get_current_timezone()
    cat = _catalogue(spec.PARTICIPANTS.file in present)
    keep = _keep(options.alliance, source, present, cat, problems)
    _fail_if(problems)
    done = 0

    def validated(n: int) -> None:
        nonlocal done
        done += n
        progress(n, None)

    counts = Validator(source, cat, zone, problems, keep, validated).run(present)
    _fail_if(problems)

    total = 2 * done
    progress(0, total)

    written = 0

    def advance(n: int) -> None:
        nonlocal written
        written += n
        progress(n, total)

    summary = ImportSummary("bundle", str(path), dry_run=options.dry_run)
    summary.warnings.extend(problems.warnings)
    with transaction.atomic():
        _tune_connection()
        cat = _catalogue(False)
        now = timezone.now()
        for table in TABLES:
            if table.entity.file not in present:
                continue
            writer = TableWriter(table, cat, now)
            rows = _rows(source, table, zone, cat)
            if keep is not None:
                rows = (r for r in rows if keep(table, r))
            result = writer.write(rows, advance, counts.get(table.name, 0))
            summary.created[table.name] += result["created"]
            summary.updated[table.name] += result["updated"]
            summary.unchanged[table.name] += result["unchanged"]
            _reload(table, cat, present)
        if options.dry_run:
            transaction.set_rollback(True)
        else:
            rollup.refresh()  # the monthly totals evaluations read, kept with the write
    progress(max(0, total - done - written), total)  # rows skipped by --alliance
    return summary


def _tune_connection() -> None:
    """SQLite: a bigger page cache keeps a million-row table's indexes in memory."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -131072")  # KiB, i.e. 128 MiB


def _reload(table: Table, cat: Catalogue, present: set[str]) -> None:
    kind = table.provides
    if kind == "interaction" and spec.PARTICIPANTS.file not in present:
        return
    if kind:
        cat.load(kind)


def _fail_if(problems: Problems) -> None:
    if problems:
        raise ImportFailed(problems.errors, omitted=problems.omitted)
