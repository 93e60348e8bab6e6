"""A bundle's CSV files, in a folder or a .zip, as streams of rows.

Every shape yields the same thing per entity: a header and a stream of rows
of cell texts, each with its location as a person would look for it
("row 12" in a spreadsheet, the header being row 1). Rows are streamed,
never loaded whole. Before any row is parsed, `scan` counts each file's
lines against the import limits (radar.ingest.limits), so a zip bomb, an
endless line or a billion empty lines is refused from a cheap count.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.bundle import spec
from radar.ingest.limits import Limits, LineBudget, check_bytes, check_zip, size


class SourceError(Exception):
    """The bundle (or one of its files) cannot be read at all."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))

    def __reduce__(self) -> tuple[type[SourceError], tuple[Problem]]:
        return SourceError, (self.problem,)  # raised in a forked reader, raised again here


@dataclass
class Table:
    file: str
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (row number, header = 1; cells)


def _sniff(file: str, head: bytes) -> None:
    """Refuse, with advice, files that are clearly not UTF-8 CSV."""
    advice = 'save it again as "CSV UTF-8 (comma delimited)"'
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(Problem(file, "row 1", f"the file is UTF-16 text; {advice}"))
    if head.startswith(b"PK\x03\x04"):
        raise SourceError(
            Problem(file, "row 1", f"this is an Excel or zip file, not CSV; {advice}")
        )
    if b"\x00" in head:
        raise SourceError(Problem(file, "row 1", f"the file contains NUL bytes; {advice}"))


def csv_table(file: str, binary: IO[bytes], limits: Limits) -> Table:
    head = binary.peek(4096)[:4096] if isinstance(binary, io.BufferedReader) else b""
    _sniff(file, head)
    # Per read: the limit is a setting, and the csv module keeps it process-wide.
    csv.field_size_limit(limits.cell)
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    # strict: a stray quote is an error, not a cell that swallows the rows after it.
    reader = csv.reader(text, strict=True)
    number = 1
    try:
        header = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(_read_problem(file, number, exc, limits)) from None
    if header is None:
        raise SourceError(Problem(file, "row 1", "the file is empty (expected a header row)"))

    def rows() -> Iterator[tuple[int, list[str]]]:
        nonlocal number
        try:
            for cells in reader:
                number += 1
                if cells:  # a completely empty line is not a row
                    yield number, cells
        except (UnicodeDecodeError, csv.Error) as exc:
            raise SourceError(_read_problem(file, number + 1, exc, limits)) from None

    return Table(file, [h.strip().lower() for h in header], rows())


def _read_problem(file: str, number: int, exc: Exception, limits: Limits) -> Problem:
    where = f"row {number}"
    if isinstance(exc, UnicodeDecodeError):
        byte = exc.object[exc.start : exc.start + 1].hex().upper()
        return Problem(
            file,
            where,
            f"the file is not UTF-8 text (byte 0x{byte}); it may be Windows-1252 or Latin-1: "
            'save it again as "CSV UTF-8 (comma delimited)"',
        )
    reason = str(exc)
    if "field larger than field limit" in reason:
        message = f"a cell is longer than {size(limits.cell)}, the most an import accepts"
    elif "unexpected end of data" in reason:
        message = (
            'a quoted cell starting in this row is never closed (a " without its '
            "closing quote), so the rest of the file would be read as one cell"
        )
    elif "expected after" in reason:
        message = 'a quote inside a cell must be doubled ("") and the whole cell quoted'
    else:
        message = f"the CSV cannot be read: {reason}"
    return Problem(file, where, message)


def load_manifest(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        problem = Problem(spec.MANIFEST_FILE, "file", f"not valid JSON ({reason})")
        raise SourceError(problem) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(spec.MANIFEST_FILE, "file", "expected a JSON object"))
    return data


def _refused(failed: ImportFailed) -> SourceError:
    return SourceError(failed.problems[0])


class FolderSource:
    def __init__(self, path: Path, limits: Limits):
        self.path, self.limits = path, limits
        self.label = str(path)

    def names(self) -> set[str]:
        return {p.name for p in self.path.iterdir() if p.is_file()}

    def manifest(self) -> dict[str, Any] | None:
        file = self.path / spec.MANIFEST_FILE
        if not file.is_file():
            return None
        if file.stat().st_size > self.limits.cell:
            raise SourceError(Problem(spec.MANIFEST_FILE, "file", "the manifest is too large"))
        return load_manifest(file.read_bytes())

    def scan(self, files: set[str], budget: LineBudget) -> dict[str, int]:
        """Lines per file (an upper bound of its rows), checked against the limits."""
        try:
            total = sum((self.path / name).stat().st_size for name in files)
            check_bytes(Path(self.label).name, total, self.limits)
            counts = {}
            for name in sorted(files):
                with open(self.path / name, "rb") as binary:
                    counts[name] = budget.count(name, binary)
        except ImportFailed as failed:
            raise _refused(failed) from None
        return counts

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        with open(self.path / entity.file, "rb") as binary:
            yield csv_table(entity.file, binary, self.limits)


class FileSource(FolderSource):
    """One entity file on its own (e.g. interactions.csv saved from a spreadsheet)."""

    def __init__(self, path: Path, limits: Limits):
        super().__init__(path.parent, limits)
        self.label, self.file = str(path), path.name

    def names(self) -> set[str]:
        return {self.file}

    def manifest(self) -> dict[str, Any] | None:
        return None


class ZipSource:
    def __init__(self, path: Path, limits: Limits):
        self.path, self.limits = path, limits
        self.label = str(path)
        try:
            with zipfile.ZipFile(path) as archive:
                check_zip(archive, path.name, limits)
                members = [n for n in archive.namelist() if not n.endswith("/")]
        except (zipfile.BadZipFile, OSError) as exc:
            message = f"not a readable .zip file ({exc})"
            raise SourceError(Problem(path.name, "file", message)) from None
        except ImportFailed as failed:
            raise _refused(failed) from None
        # Accept the files at the top level or inside one top-level folder.
        self.prefix = ""
        known = set(spec.BY_FILE) | {spec.MANIFEST_FILE}
        if not any(n in known for n in members):
            folders = {n.split("/", 1)[0] for n in members if "/" in n}
            if len(folders) == 1:
                self.prefix = folders.pop() + "/"
        inside = [n[len(self.prefix) :] for n in members if n.startswith(self.prefix)]
        twice = sorted({n for n in inside if inside.count(n) > 1} & known)
        if twice:
            message = f"the zip holds {twice[0]} more than once; keep one copy"
            raise SourceError(Problem(path.name, "file", message))
        self.members = set(inside)

    def names(self) -> set[str]:
        return set(self.members)

    def manifest(self) -> dict[str, Any] | None:
        if spec.MANIFEST_FILE not in self.members:
            return None
        with zipfile.ZipFile(self.path) as archive:
            return load_manifest(archive.read(self.prefix + spec.MANIFEST_FILE))

    def scan(self, files: set[str], budget: LineBudget) -> dict[str, int]:
        counts = {}
        try:
            with zipfile.ZipFile(self.path) as archive:
                for name in sorted(files):
                    with archive.open(self.prefix + name) as member:
                        counts[name] = budget.count(name, member)
        except ImportFailed as failed:
            raise _refused(failed) from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            message = f"the zip is damaged ({exc})"
            raise SourceError(Problem(Path(self.label).name, "file", message)) from None
        return counts

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        with (
            zipfile.ZipFile(self.path) as archive,
            archive.open(self.prefix + entity.file) as member,
        ):
            # ZipFile.open returns a ZipExtFile (typeshed says IO[bytes]), wrapped in the
            # BufferedReader whose peek csv_table sniffs the start of the file with.
            binary = io.BufferedReader(cast(zipfile.ZipExtFile, member))
            yield csv_table(entity.file, binary, self.limits)
