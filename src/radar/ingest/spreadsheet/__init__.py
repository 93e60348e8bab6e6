"""Health-tracking spreadsheet importer (XLSX and CSV) with header mapping and preview."""

from radar.ingest import registry
from radar.ingest.spreadsheet.importer import Preview, SpreadsheetImporter, preview

registry.register(SpreadsheetImporter())

__all__ = ["Preview", "SpreadsheetImporter", "preview"]
