"""Uploaded import files waiting between "Preview" and "Import".

Each upload lives in its own private folder under RADAR_DATA_DIR/uploads/, named
by a random token. Only the server-side path goes into the (server-side)
session; the browser never sends a path back, and a path read from the session
is used only if it still lies inside the uploads folder. Folders older than a
day are removed on the next upload, so abandoned previews do not pile up.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

SESSION_KEY = "radar_import_upload"
MAX_AGE_SECONDS = 24 * 3600
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def max_upload_bytes() -> int:
    """The upload limit; RADAR_UPLOAD_MAX_BYTES in the settings overrides the 50 MB default."""
    return int(getattr(settings, "RADAR_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


@dataclass(frozen=True)
class PendingUpload:
    """An upload saved for preview, with the choices made on the upload form."""

    path: str
    name: str
    size: int
    kind: str = ""  # "" = detect
    alliance: str = ""  # slug, "" = all
    alliance_name: str = ""  # shown on the preview
    store_bodies: bool = False
    dayfirst: bool = False

    @property
    def file(self) -> Path:
        return Path(self.path)


def uploads_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def safe_name(name: str) -> str:
    """The uploaded file's own name, reduced to harmless characters (the suffix matters:
    importers recognise .ics, .csv, .xlsx, .mbox … by it)."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    cleaned = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .")
    return cleaned[:120] or "upload"


def save_upload(upload: UploadedFile) -> Path:
    """Copy the upload into a fresh private folder; returns the file's path there."""
    remove_stale()
    folder = uploads_dir().resolve() / ("u" + secrets.token_hex(16))
    folder.mkdir(mode=0o700)
    target = folder / safe_name(upload.name or "upload")
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    target.chmod(0o600)
    return target


def inside_uploads(path: Path) -> bool:
    root = uploads_dir().resolve()
    try:
        resolved = path.resolve()
    except OSError:
        return False
    return resolved.parent.parent == root and resolved.is_file()


def discard(path: Path) -> None:
    """Delete an upload's folder (only ever one inside the uploads folder)."""
    root = uploads_dir().resolve()
    folder = path.resolve().parent
    if folder.parent == root:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale(now: float | None = None) -> int:
    """Remove upload folders older than a day; returns how many went."""
    limit = (time.time() if now is None else now) - MAX_AGE_SECONDS
    removed = 0
    for entry in uploads_dir().iterdir():
        try:
            if entry.is_dir() and entry.stat().st_mtime < limit:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        except OSError:
            continue  # another request removed it first
    return removed


def remember(session: Any, pending: PendingUpload) -> None:
    forget(session)
    session[SESSION_KEY] = asdict(pending)


def pending_upload(session: Any) -> PendingUpload | None:
    """The upload waiting in this session, if its file is still there."""
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    try:
        pending = PendingUpload(**data)
    except TypeError:
        return None
    return pending if inside_uploads(pending.file) else None


def forget(session: Any) -> None:
    """Drop the session's upload and delete its file."""
    data = session.pop(SESSION_KEY, None)
    if isinstance(data, dict) and isinstance(data.get("path"), str):
        discard(Path(data["path"]))
