"""Rows from CSV and XLSX files, as (row number, cells) with the heading row found.

Shared by the spreadsheet and CRM importers. CSV: UTF-8 (with or without a
BOM), falling back to Windows-1252 as older Excel writes it; the delimiter
(comma, semicolon, tab) is sniffed. XLSX: the first sheet whose heading row
the caller recognises, read with openpyxl in read-only mode.

`stream_table` reads the rows as they are used (memory does not grow with
the number of rows: a CSV is checked in one pass of 1 MiB blocks, then parsed
a line at a time); `read_table` keeps them all, for importers that need them
together.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.common import check_size, head, read_bytes
from radar.ingest.limits import (
    BLOCK,
    Limits,
    LineBudget,
    check_bytes,
    check_zip,
    refuse,
    size,
    too_long,
    too_many_rows,
)

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
# The heading row is looked for among the first rows (titles often sit above it).
HEADER_SEARCH_ROWS = 10

Row = tuple[int, list[object]]  # 1-based row number, cells
Recognise = Callable[[list[str]], bool]


@dataclass
class Table:
    name: str  # file name, plus the sheet for workbooks
    headings: list[str]
    rows: list[Row] = field(default_factory=list)


@dataclass
class RowStream:
    """A table whose rows are read as they are iterated (once)."""

    name: str
    headings: list[str]
    rows: Iterator[Row]
    lines: int | None  # an upper bound of the rows, for progress (None: unknown)

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in XLSX_SUFFIXES or head(path, 4) == b"PK\x03\x04"


def first_row(path: Path) -> list[str]:
    """Headings for detection (first CSV line or first sheet row), [] when unreadable."""
    try:
        stream = stream_table(path, lambda headings: True)
    except ImportFailed:
        return []
    stream.close()
    return stream.headings


def read_table(path: Path, recognise: Recognise) -> Table:
    check_size(path)  # every row is kept: the cap of the readers that hold a file whole
    stream = stream_table(path, recognise)
    return Table(stream.name, stream.headings, list(stream.rows))


def stream_table(path: Path, recognise: Recognise) -> RowStream:
    if is_workbook(path):
        return _stream_xlsx(path, recognise)
    return _stream_csv(path, recognise)


def _stream_csv(path: Path, recognise: Recognise) -> RowStream:
    limits = Limits.current()
    try:
        check_bytes(path.name, path.stat().st_size, limits)
        with path.open("rb") as handle:
            scan = _Scan(handle)
            lines = LineBudget(limits).count(path.name, scan)
        with path.open("r", encoding=scan.encoding, errors="replace", newline="") as handle:
            sample = handle.read(4096)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportFailed([Problem(path.name, "file", f"cannot read the file: {reason}")]) from exc
    if scan.nul:
        raise ImportFailed([Problem(path.name, "file", "this is not a text (CSV) file")])
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = _csv_rows(path, scan.encoding, dialect, limits)
    return _with_headings(path.name, rows, recognise, lines)


class _Scan:
    """Reads a file for LineBudget while noting its encoding and any NUL byte."""

    def __init__(self, handle: IO[bytes]):
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.encoding = "utf-8-sig"
        self.nul = False

    def read(self, size: int = BLOCK) -> bytes:
        block = self.handle.read(size)
        self.nul = self.nul or b"\x00" in block
        if self.encoding == "utf-8-sig":
            try:
                self.decoder.decode(block, final=not block)
            except UnicodeDecodeError:
                self.encoding = "cp1252"
        return block


def _csv_rows(
    path: Path, encoding: str, dialect: type[csv.Dialect] | csv.Dialect, limits: Limits
) -> Iterator[Row]:
    csv.field_size_limit(limits.cell)
    read = 0
    # "replace" only matters for cp1252, whose five unassigned bytes become U+FFFD.
    with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
        # strict: a stray quote is an error, not a cell that swallows the rows after it.
        reader = csv.reader(handle, dialect, strict=True)
        try:
            for number, line in enumerate(reader, 1):
                read = number
                yield number, list(line)
        except csv.Error as exc:
            message = _csv_problem(str(exc), limits)
            raise ImportFailed([Problem(path.name, f"row {read + 1}", message)]) from exc


def _csv_problem(reason: str, limits: Limits) -> str:
    if "field larger than field limit" in reason:
        return f"a cell is longer than {size(limits.cell)}, the most an import accepts"
    if "unexpected end of data" in reason:
        return 'a quoted cell is never closed (a " without its closing quote)'
    return f"not a readable CSV file: {reason}"


def _stream_xlsx(path: Path, recognise: Recognise) -> RowStream:
    import openpyxl  # ~0.2 s to import, and most files imported are CSV

    limits = Limits.current()
    data = read_bytes(path)  # a workbook is a zip: openpyxl reads it whole anyway
    _check_workbook(path, data, limits)
    try:
        # From bytes, so a workbook saved with a .csv name still opens.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFailed:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise _unreadable(path, exc) from exc
    try:
        if not book.worksheets:
            raise ImportFailed([Problem(path.name, "file", "the workbook has no sheets")])
        chosen = None
        # A read-only sheet parses its XML again on each pass, so looking at the
        # first rows of the sheets before the chosen one costs little.
        for sheet in book.worksheets:
            stream = _sheet_stream(path, sheet, recognise, limits)
            if recognise(stream.headings):
                chosen = stream
                break
            stream.close()
        if chosen is None:  # no sheet recognised: the first, whose headings the caller names
            chosen = _sheet_stream(path, book.worksheets[0], recognise, limits)
    except BaseException:
        book.close()
        raise
    chosen.rows = _then_close(chosen.rows, book)
    return chosen


def _sheet_stream(path: Path, sheet: Any, recognise: Recognise, limits: Limits) -> RowStream:
    rows = _sheet_rows(path, sheet, limits)
    return _with_headings(f"{path.name} [{sheet.title}]", rows, recognise, None)


def _unreadable(path: Path, exc: Exception) -> ImportFailed:
    return ImportFailed([Problem(path.name, "file", f"not a readable Excel workbook: {exc}")])


def _then_close(rows: Iterator[Row], book: Any) -> Iterator[Row]:
    try:
        yield from rows
    finally:
        book.close()


def _check_workbook(path: Path, data: bytes, limits: Limits) -> None:
    """An .xlsx is a zip: refuse a bomb from its directory, before openpyxl inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path.name, limits)
    except zipfile.BadZipFile as exc:
        raise refuse(path.name, "file", f"not a readable Excel workbook: {exc}") from exc


def _sheet_rows(path: Path, sheet: Any, limits: Limits) -> Iterator[Row]:
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if number > limits.rows:
                raise too_many_rows(path.name, limits)
            if any(isinstance(v, str) and len(v) > limits.cell for v in values):
                raise too_long(path.name, f"row {number}", limits)
            yield number, list(values)
    except ImportFailed:
        raise
    except Exception as exc:  # damaged sheet XML shows up only while reading rows
        raise _unreadable(path, exc) from exc


def _with_headings(
    name: str, rows: Iterator[Row], recognise: Recognise, lines: int | None
) -> RowStream:
    """The heading row among the first filled rows, and a stream of the rows below it."""
    filled = (row for row in rows if any(_filled(c) for c in row[1]))
    first: list[Row] = []
    for row in filled:
        first.append(row)
        headings = [_text(c) for c in row[1]]
        if recognise(headings):
            return RowStream(name, headings, _chain([], filled, rows), lines)
        if len(first) == HEADER_SEARCH_ROWS:
            break
    if not first:
        return RowStream(name, [], _chain([], filled, rows), lines)
    return RowStream(name, [_text(c) for c in first[0][1]], _chain(first[1:], filled, rows), lines)


def _chain(kept: list[Row], rest: Iterable[Row], source: Iterator[Row]) -> Iterator[Row]:
    """The rows already read, then the rest; closing it closes the file behind."""
    try:
        yield from kept
        yield from rest
    finally:
        close = getattr(source, "close", None)
        if close is not None:
            close()


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _text(cell: object) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def cell(cells: list[object], index: int) -> object:
    """The cell at `index` (None past the end of a short row, blanks as None)."""
    value = cells[index] if index < len(cells) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
