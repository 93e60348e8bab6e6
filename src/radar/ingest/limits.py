"""How much an import may read: bytes, rows and the length of one cell.

A small compressed file can expand to gigabytes (a "zip bomb"), and a plain
file can hold one endless line or millions of empty ones. Every importer
checks its input against these limits *before* parsing it, from what is
cheap to know (a zip's declared sizes, a file's size, a count of line
breaks), and refuses with a plain message. The limits are settings
(RADAR_IMPORT_MAX_BYTES, RADAR_IMPORT_MAX_ROWS, RADAR_IMPORT_MAX_CELL_BYTES,
RADAR_IMPORT_MAX_RATIO; docs/operations.md); the defaults admit a
10,000-alliance bundle.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

from radar.ingest.base import ImportFailed, Problem

BLOCK = 1024 * 1024  # bytes read at a time when counting lines


class Readable(Protocol):
    """A binary file, or anything that reads like one (a block at a time)."""

    def read(self, size: int = ..., /) -> bytes: ...


# Members smaller than this may compress as well as they like (a tiny CSV of
# blanks); the ratio check is about what can exhaust memory.
RATIO_FLOOR = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True)
class Limits:
    bytes: int  # uncompressed bytes one import reads, all files together
    rows: int  # rows (counted as lines) one import reads, all files together
    cell: int  # characters in one cell, and bytes in one line
    ratio: int  # how many times a zip member may expand

    @classmethod
    def current(cls) -> Limits:
        return cls(
            settings.RADAR_IMPORT_MAX_BYTES,
            settings.RADAR_IMPORT_MAX_ROWS,
            settings.RADAR_IMPORT_MAX_CELL_BYTES,
            settings.RADAR_IMPORT_MAX_RATIO,
        )


def size(n: int) -> str:
    """Bytes as a person reads them: 2.0 GiB, 16 MiB, 512 bytes."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n:,} bytes"


def refuse(file: str, location: str, message: str) -> ImportFailed:
    return ImportFailed([Problem(file, location, message)])


def check_zip(
    archive: zipfile.ZipFile, label: str, limits: Limits, most: int = MAX_ZIP_MEMBERS
) -> None:
    """Refuse a zip whose declared contents break the limits, before reading any.

    zipfile stops reading a member at its declared size, so the declared sizes
    bound what decompression can produce. `most`: files the zip may hold.
    """
    members = archive.infolist()
    if len(members) > most:
        raise refuse(label, "file", f"the zip holds {len(members):,} files, too many to import")
    total = 0
    for info in members:
        total += info.file_size
        expands = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and expands > limits.ratio:
            message = (
                f"{info.filename} would expand {expands:,.0f} times "
                f"(from {size(info.compress_size)} to {size(info.file_size)}); "
                "an import refuses such zip bombs"
            )
            raise refuse(label, "file", message)
    check_bytes(label, total, limits)


def check_bytes(label: str, total: int, limits: Limits) -> None:
    if total > limits.bytes:
        message = (
            f"the contents are {size(total)}, more than the {size(limits.bytes)} "
            "one import may read"
        )
        raise refuse(label, "file", message)


def too_many_rows(file: str, limits: Limits) -> ImportFailed:
    message = f"more than {limits.rows:,} rows, the most one import may read"
    return refuse(file, "file", message)


def too_long(file: str, location: str, limits: Limits) -> ImportFailed:
    message = f"a line or cell is longer than {size(limits.cell)}, the most an import accepts"
    return refuse(file, location, message)


class LineBudget:
    """Counts the lines of the files of one import against the row limit."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.lines = 0

    def count(self, file: str, stream: Readable) -> int:
        """Lines in `stream` (an upper bound of its rows), read in blocks.

        Refuses as soon as the import's line total passes the row limit or a
        line runs longer than the cell limit: an endless line never reaches
        the CSV parser, nor do a billion empty ones.
        """
        lines, run, limits = 0, 0, self.limits
        while block := stream.read(BLOCK):
            breaks = block.count(b"\n")
            if breaks:
                if run + block.index(b"\n") > limits.cell:
                    raise too_long(file, f"row {lines + 1}", limits)
                lines += breaks
                run = len(block) - block.rindex(b"\n") - 1
            else:
                run += len(block)
            if run > limits.cell:
                raise too_long(file, f"row {lines + 1}", limits)
            if self.lines + lines > limits.rows:
                raise too_many_rows(file, limits)
        lines += 1 if run else 0
        self.lines += lines
        return lines


def check_items(file: str, counts: Iterable[int], limits: Limits) -> None:
    """Rows that are not lines (JSON arrays, sheet rows) against the row limit."""
    if sum(counts) > limits.rows:
        raise too_many_rows(file, limits)
