"""Raw messages out of mbox files, Maildir folders and .eml files, one at a time.

Nothing here holds more than one message in memory: an mbox is read line by
line and cut at its "From " separator lines, a Maildir folder is walked file
by file. Each reader yields (where, raw bytes); "where" names the message in
warnings ("message 12", "cur/1354585346.000260:2,").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.common import head

# A single message larger than this is cut (its headers and text come first).
MAX_MESSAGE_BYTES = 16 * 1024 * 1024
MBOX_SUFFIXES = {".mbox", ".mbx", ".mbs"}
EML_SUFFIXES = {".eml", ".msg822", ".mht"}
# Files other importers own, never sniffed as mail.
_FOREIGN = {".csv", ".tsv", ".xlsx", ".xls", ".ics", ".json", ".zip", ".txt", ".md"}
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:[ \t]", re.MULTILINE)
_ESCAPED_FROM = re.compile(rb"^>+From ")

Raw = tuple[str, bytes]


def is_mbox(path: Path) -> bool:
    if not path.is_file():
        return False
    start = head(path, 256).lstrip(b"\xef\xbb\xbf\r\n")
    if path.suffix.lower() in MBOX_SUFFIXES:
        return True
    return path.suffix.lower() not in _FOREIGN and start.startswith(b"From ")


def is_eml(path: Path) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() in EML_SUFFIXES:
        return True
    return path.suffix.lower() not in _FOREIGN and _looks_like_message(head(path, 8192))


def is_mail_folder(path: Path) -> bool:
    """A Maildir (cur/ or new/ inside) or a folder of .eml files."""
    if not path.is_dir():
        return False
    if (path / "cur").is_dir() or (path / "new").is_dir():
        return True
    return any(p.suffix.lower() in EML_SUFFIXES for p in path.iterdir() if p.is_file())


def _looks_like_message(data: bytes) -> bool:
    header = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    names = {m.group(0).split(b":")[0].lower() for m in _HEADER_LINE.finditer(header)}
    return b"from" in names and bool(names & {b"date", b"message-id", b"subject", b"received"})


def mbox_messages(path: Path) -> Iterator[Raw]:
    """Messages of an mbox file, cut at "From " lines that follow a blank line."""
    number = 0
    lines: list[bytes] = []
    size = 0
    previous_blank = True
    with _open(path) as handle:
        first = handle.readline()
        if not first.lstrip(b"\xef\xbb\xbf").startswith(b"From "):
            raise ImportFailed(
                [
                    Problem(
                        path.name,
                        "line 1",
                        "this is not an mbox file: it does not start with a 'From ' separator line",
                    )
                ]
            )
        for line in handle:
            if previous_blank and line.startswith(b"From "):
                number += 1
                yield f"message {number}", b"".join(lines)
                lines, size = [], 0
                previous_blank = False
                continue
            previous_blank = line in (b"\n", b"\r\n")
            if size < MAX_MESSAGE_BYTES:
                if line.startswith(b">") and _ESCAPED_FROM.match(line):
                    line = line[1:]  # mboxrd: ">From " in a body was "From "
                lines.append(line)
                size += len(line)
        if lines or number == 0:
            yield f"message {number + 1}", b"".join(lines)


def maildir_files(path: Path) -> list[Path]:
    """Message files of a Maildir (and its Maildir++ sub-folders) or a folder of .eml files."""
    folders = [path, *sorted(p for p in path.iterdir() if p.is_dir() and p.name.startswith("."))]
    found: list[Path] = []
    for folder in folders:
        for sub in ("cur", "new"):
            if (folder / sub).is_dir():
                found += sorted(p for p in (folder / sub).iterdir() if p.is_file())
    if not found:  # a folder of saved messages: the .eml files, else every file
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        found = [p for p in files if p.suffix.lower() in EML_SUFFIXES] or files
    return found


def file_messages(root: Path, files: list[Path]) -> Iterator[Raw]:
    for file in files:
        where = file.relative_to(root).as_posix() if file != root else file.name
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_MESSAGE_BYTES)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ImportFailed([Problem(root.name, where, f"cannot read it: {reason}")]) from exc
        yield where, data


def _open(path: Path):  # type: ignore[no-untyped-def]
    try:
        return path.open("rb")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportFailed([Problem(path.name, "file", f"cannot read the file: {reason}")]) from exc
