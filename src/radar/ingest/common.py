"""Small steps every file importer takes the same way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.utils import timezone

from radar.ingest.base import ImportFailed, ImportOptions, Problem
from radar.ingest.mapping import Directory, UnknownAlliance

# Files larger than this are refused up front rather than exhausting memory.
MAX_BYTES = 512 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    check_size(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def check_size(path: Path) -> None:
    """Refuse a file over MAX_BYTES, for readers that hold it (or its rows) whole."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if size > MAX_BYTES:
        raise ImportFailed([Problem(path.name, "file", f"the file is too large ({size:,} bytes)")])


def _unreadable(path: Path, exc: OSError) -> ImportFailed:
    reason = exc.strerror or str(exc)
    return ImportFailed([Problem(path.name, "file", f"cannot read the file: {reason}")])


def load_directory(path: Path, options: ImportOptions) -> Directory:
    try:
        return Directory.load(options.alliance)
    except UnknownAlliance as exc:
        where = options.say("option --alliance", "the alliance chosen")
        raise ImportFailed([Problem(path.name, where, str(exc))]) from exc


def today(options: ImportOptions) -> date:
    """The day the import treats as today (the clock only when not given)."""
    return options.today or timezone.localdate()


def head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file, for detection (empty when unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""
