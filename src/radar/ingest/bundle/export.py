"""`export_bundle`: write the whole store as a bundle that re-imports to the same data."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from radar.exports.safe_cells import safe_cell
from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import format_cell
from radar.ingest.bundle.tables import TABLES, Ref, Table, auto_external_id
from radar.portfolio import models as m
from radar.progress import Progress, no_progress

Reverse = dict[int, tuple[Any, ...]]
AUTO_FIELDS = ("kind", "occurred_at", "direction", "subject")


class _Names:
    """id -> the natural key a bundle uses to refer to a row, loaded on demand."""

    def __init__(self) -> None:
        self.maps: dict[str, Reverse] = {}
        self.alliances = dict(m.Alliance.objects.values_list("id", "name"))

    def __getitem__(self, kind: str) -> Reverse:
        if kind not in self.maps:
            self.maps[kind] = getattr(self, f"_{kind}")()
        return self.maps[kind]

    def _alliance(self) -> Reverse:
        return {pk: (name,) for pk, name in self.alliances.items()}

    def _partner(self) -> Reverse:
        return {pk: (n,) for pk, n in m.Partner.objects.values_list("id", "name")}

    def _user(self) -> Reverse:
        return {pk: (n,) for pk, n in get_user_model().objects.values_list("id", "username")}

    def _scoped(self, rows: Any) -> Reverse:
        return {pk: (self.alliances[a], *rest) for pk, a, *rest in rows}

    def _metric(self) -> Reverse:
        return self._scoped(m.MetricDefinition.objects.values_list("id", "alliance_id", "key"))

    def _survey(self) -> Reverse:
        return self._scoped(m.Survey.objects.values_list("id", "alliance_id", "kind", "sent_on"))

    def _decision(self) -> Reverse:
        rows = m.Decision.objects.values_list("id", "alliance_id", "decided_on", "kind")
        return self._scoped(rows)

    def _contact(self) -> Reverse:
        rows = m.Contact.objects.values_list("id", "alliance_id", "email", "name")
        return {pk: (self.alliances[a], e or n) for pk, a, e, n in rows}

    def _interaction(self) -> Reverse:
        rows = m.Interaction.objects.values_list(
            "id",
            "alliance_id",
            "source",
            "external_id",
            "kind",
            "occurred_at",
            "direction",
            "subject",
        ).iterator(chunk_size=20_000)
        out: Reverse = {}
        for pk, a, source, ext, kind, at, direction, subject in rows:
            alliance = self.alliances[a]
            out[pk] = (
                alliance,
                source,
                ext or auto_external_id(alliance, kind, at, direction, subject),
            )
        return out


def _table_rows(table: Table, names: _Names) -> Iterator[list[str]]:
    """The table's rows as cell texts; free text made inert for spreadsheets (safe_cell)."""
    ix = table.ix
    text = [ix[c.name] for c in table.entity.columns if c.type == spec.TEXT]
    attnames = [attname for attname, _ in table.fields]
    order = [a for a in table.key if a != "email|name"] + ["pk"]
    query = table.model._default_manager.order_by(*order).values_list(*attnames)
    blank_id = table.name == "interactions"
    for values in query.iterator(chunk_size=5_000):
        out = [""] * len(ix)
        for (attname, source), value in zip(table.fields, values, strict=True):
            if isinstance(source, Ref):
                if value is not None:
                    for column, part in zip(source.columns, names[source.kind][value], strict=True):
                        out[ix[column]] = format_cell(part)
            else:
                column = source if isinstance(source, str) else attname
                if column in ix:  # not a column: a value only an import makes (passwords)
                    out[ix[column]] = format_cell(value)
        if blank_id and not out[ix["external_id"]]:
            # Stored without an id (typed in the web app): write the id an
            # import derives, so re-importing finds this very row again.
            kind, at, direction, subject = (values[attnames.index(n)] for n in AUTO_FIELDS)
            out[ix["external_id"]] = auto_external_id(
                out[ix["alliance"]], kind, at, direction, subject
            )
        for i in text:
            out[i] = safe_cell(out[i])
        yield out


class _Out:
    """Where files go: a folder, or members of a zip archive."""

    def __init__(self, path: Path, as_zip: bool):
        self.path, self.as_zip = path, as_zip
        self.archive: zipfile.ZipFile | None = None
        if as_zip:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.archive = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        else:
            path.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def open(self, name: str) -> Iterator[IO[str]]:
        if self.archive is not None:
            with self.archive.open(name, "w", force_zip64=True) as binary:
                text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
                yield text
                text.flush()
                text.detach()
        else:
            with open(self.path / name, "w", encoding="utf-8", newline="") as handle:
                yield handle

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _manifest(counts: dict[str, int], exported_at: datetime) -> dict[str, Any]:
    return {
        "format": spec.FORMAT_NAME,
        "format_version": spec.FORMAT_VERSION,
        "exported_at": exported_at.astimezone(UTC).isoformat(),
        "organisation": settings.RADAR_OUR_ORGANISATION,
        "counts": counts,
    }


def export_bundle(
    path: Path,
    as_zip: bool = False,
    as_json: bool = False,
    progress: Progress = no_progress,
    exported_at: datetime | None = None,
) -> dict[str, int]:
    """Write every entity of the store to `path`; returns rows per entity."""
    path = Path(path)
    exported_at = exported_at or timezone.now()
    names = _Names()
    counts: dict[str, int] = {}
    total = sum(t.model._default_manager.count() for t in TABLES)
    progress(0, total)
    tick = _ticker(progress, total)
    if as_json:
        _export_json(path, names, counts, exported_at, tick)
        return counts
    out = _Out(path, as_zip)
    try:
        for table in TABLES:
            with out.open(table.entity.file) as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                writer.writerow(table.entity.column_names)
                count = 0
                for row in _table_rows(table, names):
                    writer.writerow(row)
                    count += 1
                    tick()
                counts[table.name] = count
        with out.open(spec.MANIFEST_FILE) as handle:
            json.dump(_manifest(counts, exported_at), handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    finally:
        out.close()
    return counts


def _export_json(
    path: Path,
    names: _Names,
    counts: dict[str, int],
    exported_at: datetime,
    tick: Callable[[], None],
) -> None:
    data: dict[str, Any] = {}
    for table in TABLES:
        columns = table.entity.column_names
        items = []
        for row in _table_rows(table, names):
            items.append({c: v for c, v in zip(columns, row, strict=True) if v != ""})
            tick()
        data[table.name] = items
        counts[table.name] = len(items)
    document = {**_manifest(counts, exported_at), **data}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, ensure_ascii=False)
        handle.write("\n")


def _ticker(progress: Progress, total: int) -> Callable[[], None]:
    pending = 0

    def tick() -> None:
        nonlocal pending
        pending += 1
        if pending == 5000:
            progress(pending, total)
            pending = 0

    return tick
