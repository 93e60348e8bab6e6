"""Where a bundle's tables come from: a folder, a .zip, or one JSON file.

Every shape yields the same thing per entity: a header and a stream of rows
of cell texts, each with its location as a person would look for it
("row 12" in a spreadsheet, the header being row 1). CSV rows are streamed,
never loaded whole, so a million-row file costs little memory.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from radar.ingest.base import Problem
from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import format_cell

csv.field_size_limit(64 * 1024 * 1024)  # e-mail bodies can be long


class SourceError(Exception):
    """The bundle (or one of its files) cannot be read at all."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


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


def _csv_rows(file: str, binary: IO[bytes]) -> Table:
    head = binary.peek(4096)[:4096] if isinstance(binary, io.BufferedReader) else b""
    _sniff(file, head)
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    number = 1
    try:
        header = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(_read_problem(file, number, exc)) from None
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
            raise SourceError(_read_problem(file, number + 1, exc)) from None

    return Table(file, [h.strip().lower() for h in header], rows())


def _read_problem(file: str, number: int, exc: Exception) -> Problem:
    if isinstance(exc, UnicodeDecodeError):
        byte = exc.object[exc.start : exc.start + 1].hex().upper()
        return Problem(
            file,
            f"row {number}",
            f"the file is not UTF-8 text (byte 0x{byte}); it may be Windows-1252 or Latin-1: "
            'save it again as "CSV UTF-8 (comma delimited)"',
        )
    return Problem(file, f"row {number}", f"the CSV cannot be read: {exc}")


class FolderSource:
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def names(self) -> set[str]:
        return {p.name for p in self.path.iterdir() if p.is_file()}

    def manifest(self) -> dict[str, Any] | None:
        file = self.path / spec.MANIFEST_FILE
        return _load_manifest(file.read_bytes()) if file.is_file() else None

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        with open(self.path / entity.file, "rb") as binary:
            yield _csv_rows(entity.file, binary)


class FileSource(FolderSource):
    """One entity file on its own (e.g. interactions.csv saved from a spreadsheet)."""

    def __init__(self, path: Path):
        super().__init__(path.parent)
        self.label, self.file = str(path), path.name

    def names(self) -> set[str]:
        return {self.file}

    def manifest(self) -> dict[str, Any] | None:
        return None


class ZipSource:
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)
        try:
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if not n.endswith("/")]
        except (zipfile.BadZipFile, OSError) as exc:
            message = f"not a readable .zip file ({exc})"
            raise SourceError(Problem(path.name, "file", message)) from None
        # Accept the files at the top level or inside one top-level folder.
        self.prefix = ""
        known = set(spec.BY_FILE) | {spec.MANIFEST_FILE}
        if not any(n in known for n in members):
            folders = {n.split("/", 1)[0] for n in members if "/" in n}
            if len(folders) == 1:
                self.prefix = folders.pop() + "/"
        self.members = {n[len(self.prefix) :] for n in members if n.startswith(self.prefix)}

    def names(self) -> set[str]:
        return set(self.members)

    def manifest(self) -> dict[str, Any] | None:
        if spec.MANIFEST_FILE not in self.members:
            return None
        with zipfile.ZipFile(self.path) as archive:
            return _load_manifest(archive.read(self.prefix + spec.MANIFEST_FILE))

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        with (
            zipfile.ZipFile(self.path) as archive,
            archive.open(self.prefix + entity.file) as member,
        ):
            yield _csv_rows(entity.file, io.BufferedReader(member))  # type: ignore[arg-type]


class JsonSource:
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)
        self.file = path.name
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise SourceError(Problem(self.file, "file", "the file is not UTF-8 text")) from None
        except ValueError as exc:
            raise SourceError(Problem(self.file, "file", f"not valid JSON ({exc})")) from None
        if not isinstance(data, dict):
            raise SourceError(Problem(self.file, "file", "expected a JSON object at the top"))
        self.data: dict[str, Any] = data

    def names(self) -> set[str]:
        return {f"{key}.csv" for key in self.data if key in spec.BY_NAME}

    def manifest(self) -> dict[str, Any] | None:
        return {k: v for k, v in self.data.items() if k not in spec.BY_NAME}

    @contextmanager
    def table(self, entity: spec.Entity) -> Iterator[Table]:
        items = self.data[entity.name]
        if not isinstance(items, list):
            raise SourceError(Problem(self.file, entity.name, "expected an array of objects"))
        header: list[str] = []
        for item in items:
            if isinstance(item, dict):
                header += [k for k in item if k not in header]

        file = f"{self.file}:{entity.name}"

        def rows() -> Iterator[tuple[int, list[str]]]:
            for number, item in enumerate(items, start=1):
                if not isinstance(item, dict):
                    raise SourceError(Problem(file, f"item {number}", "expected a JSON object"))
                yield number, [_json_cell(item.get(name)) for name in header]

        yield Table(file, [str(h).strip().lower() for h in header], rows())


def _json_cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return format_cell(value)


def _load_manifest(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SourceError(Problem(spec.MANIFEST_FILE, "file", f"not valid JSON ({exc})")) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(spec.MANIFEST_FILE, "file", "expected a JSON object"))
    return data


Source = FolderSource | FileSource | ZipSource | JsonSource


def open_source(path: Path) -> Source:
    if path.is_dir():
        return FolderSource(path)
    if path.suffix.lower() == ".json":
        return JsonSource(path)
    if path.name in spec.BY_FILE:
        return FileSource(path)
    if zipfile.is_zipfile(path):
        return ZipSource(path)
    raise SourceError(
        Problem(path.name, "file", "not a bundle: expected a folder, a .zip or a .json file")
    )


def looks_like_bundle(path: Path) -> bool:
    """Cheap detection for the importer registry."""
    known = set(spec.BY_FILE) | {spec.MANIFEST_FILE}
    try:
        if path.is_dir():
            return any((path / name).is_file() for name in known)
        if path.name in spec.BY_FILE:
            return True
        if path.suffix.lower() == ".json":
            with open(path, "rb") as handle:
                head = handle.read(4096).decode("utf-8-sig", errors="replace")
            return spec.FORMAT_NAME in head or any(f'"{n}"' in head for n in spec.BY_NAME)
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
            return bool(ZipSource(path).names() & known)
    except (OSError, SourceError):
        return False
    return False
