"""How much a restore may read: the manifest, one row's line, everything together.

A backup is a zip, so a small hostile file can expand to gigabytes (a zip
bomb) or hold one endless line. The manifest is the only member read whole
(it is JSON), so it has its own cap; table rows are read line by line, and a
line longer than a row can be is refused; files are copied to disk in blocks.
All is checked before the database is touched: the declared sizes first
(zipfile stops a member at its declared size, so they bound what
decompression produces), then each line while the checksums are verified.
Settings: RADAR_RESTORE_MAX_BYTES, RADAR_RESTORE_MAX_MANIFEST_BYTES,
RADAR_RESTORE_MAX_LINE_BYTES (docs/operations.md).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings

from radar.ingest.limits import size


@dataclass(frozen=True)
class RestoreLimits:
    bytes: int  # uncompressed bytes of the whole backup (rows and files)
    manifest: int  # bytes of manifest.json, read whole
    line: int  # bytes of one table row (one JSON line)

    @classmethod
    def current(cls) -> RestoreLimits:
        return cls(
            settings.RADAR_RESTORE_MAX_BYTES,
            settings.RADAR_RESTORE_MAX_MANIFEST_BYTES,
            settings.RADAR_RESTORE_MAX_LINE_BYTES,
        )


def too_big(what: str, found: int, most: int, setting: str) -> str:
    return (
        f"{what} is {size(found)}, more than the {size(most)} a restore reads "
        f"({setting}; raise it if this backup is genuine)."
    )


def declared_problem(archive: zipfile.ZipFile, manifest_name: str, limits: RestoreLimits) -> str:
    """Why the zip's declared sizes are refused, or "" when they are within the limits."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.filename == manifest_name and info.file_size > limits.manifest:
            return too_big(
                manifest_name, info.file_size, limits.manifest, "RADAR_RESTORE_MAX_MANIFEST_BYTES"
            )
    if total > limits.bytes:
        return too_big("the backup's content", total, limits.bytes, "RADAR_RESTORE_MAX_BYTES")
    return ""


class LineCheck:
    """Follows a member read in blocks and says when one line runs past the limit."""

    def __init__(self, limit: int) -> None:
        self.limit, self.run, self.line = limit, 0, 1

    def feed(self, block: bytes) -> bool:
        """False as soon as a line is longer than the limit."""
        start = 0
        while (end := block.find(b"\n", start)) != -1:
            if self.run + end - start > self.limit:
                return False
            self.run, self.line, start = 0, self.line + 1, end + 1
        self.run += len(block) - start
        return self.run <= self.limit
