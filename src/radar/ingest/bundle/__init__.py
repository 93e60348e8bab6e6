"""The portfolio bundle: Alliance Radar's own import/export format (docs/bundle-format.md)."""

from __future__ import annotations

from radar.ingest.bundle.export import export_bundle
from radar.ingest.bundle.importer import BundleImporter, import_bundle
from radar.ingest.registry import register

register(BundleImporter())

__all__ = ["export_bundle", "import_bundle"]
