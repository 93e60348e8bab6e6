"""Calendar (.ics) importer: meetings, attendance and rituals from calendar exports."""

from radar.ingest import registry
from radar.ingest.ics.importer import IcsImporter

registry.register(IcsImporter())

__all__ = ["IcsImporter"]
