"""The backup file: a zip with a manifest, one JSON-lines member per table, the files.

Writing goes to a temporary name beside the target and is renamed when
complete, so a backup that exists is whole. Reading checks the format, the
schema, the limits (radar.backup.limits) and every member's checksum before the
database is touched, and never holds more than one row or one block in memory
(the manifest aside, which has its own cap).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection, transaction

from radar import __version__
from radar.backup import schema
from radar.backup.dump import dump_all
from radar.backup.limits import LineCheck, RestoreLimits, declared_problem, too_big
from radar.ingest.limits import size

FORMAT = "alliance-radar-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data/"
FILES = "files/"
BLOCK = 1 << 20  # bytes read at a time when checking and copying members


class BackupError(Exception):
    """A backup that cannot be read or restored; the message says why."""


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


class _Hashing:
    """A zip member being written, hashed on the way."""

    def __init__(self, member: IO[bytes]) -> None:
        self.member, self.sha = member, hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.sha.update(data)
        self.member.write(data)


@dataclass
class Written:
    path: Path
    counts: dict[str, int]
    files: int


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database while it is read."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        # SQLite: the transaction (BEGIN IMMEDIATE) keeps writers out until the end.
        yield


def write_backup(path: Path) -> Written:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    checksums: dict[str, str] = {}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:

        @contextmanager
        def member(label: str) -> Iterator[_Hashing]:
            name = f"{DATA}{label}.jsonl"
            with archive.open(name, "w", force_zip64=True) as raw:
                hashing = _Hashing(raw)
                yield hashing
            checksums[name] = hashing.sha.hexdigest()

        with _snapshot():
            recorded = schema.applied()
            counts = dump_all(member)  # type: ignore[arg-type]
        files = _add_files(archive, checksums)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "radar_version": __version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "schema": recorded,
            "tables": counts,
            "checksums": dict(sorted(checksums.items())),
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    os.replace(partial, path)
    return Written(path, counts, files)


def _add_files(archive: zipfile.ZipFile, checksums: dict[str, str]) -> int:
    root = media_root()
    if not root.is_dir():
        return 0
    count = 0
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        name = FILES + file.relative_to(root).as_posix()
        data = file.read_bytes()
        archive.writestr(name, data)
        checksums[name] = hashlib.sha256(data).hexdigest()
        count += 1
    return count


@dataclass
class Backup:
    """An opened backup whose manifest and checksums were checked."""

    archive: zipfile.ZipFile
    manifest: dict[str, Any]
    limits: RestoreLimits

    @property
    def labels(self) -> list[str]:
        return list(self.manifest["tables"])

    def lines(self, label: str) -> Iterator[bytes]:
        # Line lengths were checked with the checksums; the readline cap only keeps a
        # member that changed since from being read whole.
        with self.archive.open(f"{DATA}{label}.jsonl") as member:
            while line := member.readline(self.limits.line + 1):
                if len(line) > self.limits.line:
                    raise BackupError(f"the backup is damaged: a row of {label} is too long.")
                yield line

    def file_names(self) -> list[str]:
        return [n for n in self.manifest["checksums"] if n.startswith(FILES)]


@contextmanager
def open_backup(path: Path) -> Iterator[Backup]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{path} is not a backup file: {exc}") from None
    with archive:
        limits = RestoreLimits.current()
        if problem := declared_problem(archive, MANIFEST, limits):
            raise BackupError(f"{path} is refused: {problem}")
        manifest = _manifest(archive, path, limits)
        schema.check_known(manifest["schema"])
        _verify(archive, manifest, limits)
        yield Backup(archive, manifest, limits)


def _manifest(archive: zipfile.ZipFile, path: Path, limits: RestoreLimits) -> dict[str, Any]:
    try:
        with archive.open(MANIFEST) as member:
            data = member.read(limits.manifest + 1)
        if len(data) > limits.manifest:  # the declared size was checked; this is a backstop
            raise BackupError(
                f"{path} is refused: "
                + too_big(MANIFEST, len(data), limits.manifest, "RADAR_RESTORE_MAX_MANIFEST_BYTES")
            )
        manifest: dict[str, Any] = json.loads(data)
    except (KeyError, ValueError, RecursionError, zipfile.BadZipFile, OSError):
        raise BackupError(f"{path} has no readable {MANIFEST}: not a backup.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not an Alliance Radar backup (a bundle? use radar import).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} is backup format {manifest.get('format_version')!r}; this version reads "
            f"format {FORMAT_VERSION}. Restore it with the version that made it "
            f"({manifest.get('radar_version', 'unknown')})."
        )
    if not _well_formed(manifest):
        raise BackupError(f"{path} has a damaged {MANIFEST}: its schema, tables or checksums.")
    return manifest


def _well_formed(manifest: dict[str, Any]) -> bool:
    """The manifest's shape, where restoring relies on it (a hand-made one may lie)."""
    tables, checksums = manifest.get("tables"), manifest.get("checksums")
    recorded = manifest.get("schema")
    return (
        isinstance(recorded, dict)
        and all(isinstance(v, list) for v in recorded.values())
        and isinstance(tables, dict)
        and isinstance(checksums, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in checksums.items())
    )


def _verify(archive: zipfile.ZipFile, manifest: dict[str, Any], limits: RestoreLimits) -> None:
    for name, expected in manifest["checksums"].items():
        sha = hashlib.sha256()
        lines = LineCheck(limits.line) if name.startswith(DATA) else None
        try:
            with archive.open(name) as member:
                while block := member.read(BLOCK):
                    sha.update(block)
                    if lines is not None and not lines.feed(block):
                        raise BackupError(
                            f"the backup is refused: line {lines.line:,} of {name} is longer "
                            f"than the {size(limits.line)} one row may be "
                            "(RADAR_RESTORE_MAX_LINE_BYTES)."
                        )
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"the backup is damaged: {name}: {exc}") from None
        if sha.hexdigest() != expected:
            raise BackupError(f"the backup is damaged: {name} does not match its checksum.")


def restore_files(backup: Backup) -> int:
    """Replace the media folder with the backup's files (after the rows committed)."""
    root = media_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=root.parent))
    names = backup.file_names()
    for name in names:
        relative = Path(name[len(FILES) :])
        if relative.is_absolute() or ".." in relative.parts:
            raise BackupError(f"the backup names a file outside the media folder: {name}")
        target = fresh / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with backup.archive.open(name) as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy, BLOCK)  # block by block, never whole
    old = root.with_name(root.name + ".before-restore")
    if root.exists():
        shutil.rmtree(old, ignore_errors=True)
        root.rename(old)
    fresh.rename(root)
    shutil.rmtree(old, ignore_errors=True)
    return len(names)
