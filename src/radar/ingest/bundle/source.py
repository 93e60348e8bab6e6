"""Where a bundle's tables come from: a folder, a .zip, one CSV file or one JSON file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from radar.ingest.base import Problem
from radar.ingest.bundle import spec
from radar.ingest.bundle.csvsource import (
    FileSource,
    FolderSource,
    SourceError,
    Table,
    ZipSource,
)
from radar.ingest.bundle.jsonsource import JsonSource
from radar.ingest.limits import Limits

Source = FolderSource | FileSource | ZipSource | JsonSource

__all__ = ["Source", "SourceError", "Table", "looks_like_bundle", "open_source"]


def open_source(path: Path, limits: Limits) -> Source:
    if path.is_dir():
        return FolderSource(path, limits)
    if path.suffix.lower() == ".json":
        return JsonSource(path, limits)
    if path.name in spec.BY_FILE:
        return FileSource(path, limits)
    if zipfile.is_zipfile(path):
        return ZipSource(path, limits)
    raise SourceError(
        Problem(path.name, "file", "not a bundle: expected a folder, a .zip or a .json file")
    )


def looks_like_bundle(path: Path) -> bool:
    """Cheap detection for the importer registry (reads no more than a zip's directory)."""
    known = set(spec.BY_FILE) | {spec.MANIFEST_FILE}
    try:
        if path.is_dir():
            return any((path / name).is_file() for name in known)
        if path.name in spec.BY_FILE:
            return True
        if path.suffix.lower() == ".json":
            with open(path, "rb") as handle:
                head = handle.read(4096).decode("utf-8-sig", errors="replace")
            return spec.FORMAT_NAME in head or any(f'"{n}"' in head for n in spec.BY_NAME)
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = {n.rsplit("/", 1)[-1] for n in archive.namelist()}
            return bool(names & known)
    except (OSError, zipfile.BadZipFile):
        return False
    return False
