"""Rows from CSV and XLSX files, as (row number, cells) with the heading row found.

Shared by the spreadsheet and CRM importers. CSV: UTF-8 (with or without a
BOM), falling back to Windows-1252 as older Excel writes it; the delimiter
(comma, semicolon, tab) is sniffed. XLSX: the first sheet whose heading row
the caller recognises, read with openpyxl in read-only mode.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.common import head, read_bytes
from radar.ingest.limits import (
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


@dataclass
class Table:
    name: str  # file name, plus the sheet for workbooks
    headings: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)  # 1-based row numbers


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in XLSX_SUFFIXES or head(path, 4) == b"PK\x03\x04"


def first_row(path: Path) -> list[str]:
    """Headings for detection (first CSV line or first sheet row), [] when unreadable."""
    try:
        table = read_table(path, lambda headings: True)
    except ImportFailed:
        return []
    return table.headings


def read_table(path: Path, recognise: Callable[[list[str]], bool]) -> Table:
    if is_workbook(path):
        return _read_xlsx(path, recognise)
    return _read_csv(path, recognise)


def _read_csv(path: Path, recognise: Callable[[list[str]], bool]) -> Table:
    limits = Limits.current()
    data = read_bytes(path)
    check_bytes(path.name, len(data), limits)
    LineBudget(limits).count(path.name, io.BytesIO(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportFailed([Problem(path.name, "file", "this is not a text (CSV) file")])
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(limits.cell)
    rows: list[tuple[int, list[object]]] = []
    # strict: a stray quote is an error, not a cell that swallows the rows after it.
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        for number, line in enumerate(reader, 1):
            rows.append((number, list(line)))
    except csv.Error as exc:
        message = _csv_problem(str(exc), limits)
        where = f"row {len(rows) + 1}"
        raise ImportFailed([Problem(path.name, where, message)]) from exc
    return _table(path.name, rows, recognise)


def _csv_problem(reason: str, limits: Limits) -> str:
    if "field larger than field limit" in reason:
        return f"a cell is longer than {size(limits.cell)}, the most an import accepts"
    if "unexpected end of data" in reason:
        return 'a quoted cell is never closed (a " without its closing quote)'
    return f"not a readable CSV file: {reason}"


def _read_xlsx(path: Path, recognise: Callable[[list[str]], bool]) -> Table:
    import openpyxl  # ~0.2 s to import, and most files imported are CSV

    limits = Limits.current()
    data = read_bytes(path)
    _check_workbook(path, data, limits)
    try:
        # From bytes, so a workbook saved with a .csv name still opens.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFailed:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        problem = Problem(path.name, "file", f"not a readable Excel workbook: {exc}")
        raise ImportFailed([problem]) from exc
    try:
        first: Table | None = None
        for sheet in book.worksheets:
            rows = _sheet_rows(path.name, sheet, limits)
            table = _table(f"{path.name} [{sheet.title}]", rows, recognise)
            if recognise(table.headings):
                return table
            first = first or table
    except ImportFailed:
        raise
    except Exception as exc:  # damaged sheet XML shows up only while reading rows
        problem = Problem(path.name, "file", f"not a readable Excel workbook: {exc}")
        raise ImportFailed([problem]) from exc
    finally:
        book.close()
    if first is None:
        raise ImportFailed([Problem(path.name, "file", "the workbook has no sheets")])
    return first


def _check_workbook(path: Path, data: bytes, limits: Limits) -> None:
    """An .xlsx is a zip: refuse a bomb from its directory, before openpyxl inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, path.name, limits)
    except zipfile.BadZipFile as exc:
        raise refuse(path.name, "file", f"not a readable Excel workbook: {exc}") from exc


def _sheet_rows(file: str, sheet: Any, limits: Limits) -> list[tuple[int, list[object]]]:
    rows: list[tuple[int, list[object]]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
        if number > limits.rows:
            raise too_many_rows(file, limits)
        if any(isinstance(v, str) and len(v) > limits.cell for v in values):
            raise too_long(file, f"row {number}", limits)
        rows.append((number, list(values)))
    return rows


def _table(
    name: str, rows: list[tuple[int, list[object]]], recognise: Callable[[list[str]], bool]
) -> Table:
    rows = [(n, cells) for n, cells in rows if any(_filled(c) for c in cells)]
    for position, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headings = [_text(c) for c in cells]
        if recognise(headings):
            return Table(name, headings, rows[position + 1 :])
    if not rows:
        return Table(name, [])
    return Table(name, [_text(c) for c in rows[0][1]], rows[1:])


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
