"""The portfolio bundle: Alliance Radar's own import/export format (docs/bundle-format.md).

`spec` (the format itself) needs no Django; the reader and writer load the
models, so they are imported only when called.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.registry import register
from radar.progress import Progress, no_progress


def import_bundle(
    path: Path, options: ImportOptions | None = None, progress: Progress = no_progress
) -> ImportSummary:
    """Validate a bundle, then write it in one transaction (see importer.py)."""
    from radar.ingest.bundle.importer import import_bundle as run

    return run(Path(path), options, progress)


def export_bundle(
    path: Path,
    as_zip: bool = False,
    as_json: bool = False,
    progress: Progress = no_progress,
    exported_at: datetime | None = None,
) -> dict[str, int]:
    """Write the whole store as a bundle; returns rows per entity (see export.py)."""
    from radar.ingest.bundle.export import export_bundle as run

    return run(Path(path), as_zip, as_json, progress, exported_at)


class BundleImporter:
    kind = "bundle"
    description = "Alliance Radar portfolio bundle (folder or .zip of CSV files, or JSON)"

    def detect(self, path: Path) -> bool:
        from radar.ingest.bundle.source import looks_like_bundle  # the readers, when asked

        return looks_like_bundle(path)

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        return import_bundle(path, options, progress)


register(BundleImporter())

__all__ = ["BundleImporter", "export_bundle", "import_bundle"]
