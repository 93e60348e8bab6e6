"""A Maildir (or a folder of .eml files) that arrives zipped, read in place.

Browsers upload files, not folders, so a Maildir comes to the web Import
page as a .zip. It is read as the same folder would be: every message file
under a `cur/` or `new/` folder (at any depth, so `Maildir/cur/…` and the
Maildir++ sub-folders `Maildir/.Sent/cur/…` too), else every .eml file.
Members are read one at a time and never unpacked to disk; each is read up
to the size limit of a single message, and the zip's declared sizes are
checked against the import limits first (radar.ingest.limits), so a "zip
bomb" is refused before anything is inflated.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.email.readers import EML_SUFFIXES, MAX_MESSAGE_BYTES, Raw
from radar.ingest.limits import Limits, check_zip

_MAILDIR_PARTS = frozenset({"cur", "new"})


def is_mail_zip(path: Path) -> bool:
    """A .zip holding a Maildir or .eml files (and so no portfolio bundle)."""
    if not path.is_file() or path.suffix.lower() != ".zip":
        return False
    try:
        return bool(message_members(path))
    except (OSError, zipfile.BadZipFile):
        return False


def message_members(path: Path) -> list[str]:
    """The members that are messages, in order: Maildir files first, else .eml files."""
    with zipfile.ZipFile(path) as archive:
        files = [info.filename for info in archive.infolist() if not info.is_dir()]
    files = [name for name in files if not _hidden(name)]
    maildir = [name for name in files if _in_maildir(name)]
    if maildir:
        return sorted(maildir)
    return sorted(n for n in files if PurePosixPath(n).suffix.lower() in EML_SUFFIXES)


def members_or_fail(path: Path) -> list[str]:
    """The message members of a .zip; ImportFailed when it holds none or is unreadable."""
    limits = Limits.current()
    try:
        with zipfile.ZipFile(path) as archive:
            # One message a file: the row limit counts messages.
            check_zip(archive, path.name, limits, most=limits.rows)
        members = message_members(path)
    except (OSError, zipfile.BadZipFile) as exc:
        problem = Problem(path.name, "file", f"not a readable .zip file ({exc})")
        raise ImportFailed([problem]) from exc
    if not members:
        message = "the .zip holds no Maildir (cur/ and new/ folders) and no .eml files"
        raise ImportFailed([Problem(path.name, "file", message)])
    return members


def zip_messages(path: Path, members: list[str]) -> Iterator[Raw]:
    try:
        with zipfile.ZipFile(path) as archive:
            for name in members:
                with archive.open(name) as member:
                    yield name, member.read(MAX_MESSAGE_BYTES)
    except (OSError, zipfile.BadZipFile, RuntimeError) as exc:  # RuntimeError: encrypted
        message = f"cannot read the .zip file: {exc}"
        raise ImportFailed([Problem(path.name, "file", message)]) from exc


def _in_maildir(name: str) -> bool:
    # .../cur/<message>: the message file sits directly in cur/ or new/.
    parts = PurePosixPath(name).parts
    return len(parts) >= 2 and parts[-2] in _MAILDIR_PARTS


def _hidden(name: str) -> bool:
    # macOS adds __MACOSX/ resource forks and .DS_Store files to the zips it makes.
    parts = PurePosixPath(name).parts
    return parts[0] == "__MACOSX" or parts[-1].startswith("._") or parts[-1] == ".DS_Store"
