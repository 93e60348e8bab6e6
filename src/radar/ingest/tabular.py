"""Rows from CSV and XLSX files, as (row number, cells) with the heading row found.

Shared by the spreadsheet and CRM importers. CSV: UTF-8 (with or without a
BOM), falling back to Windows-1252 as older Excel writes it; the delimiter
(comma, semicolon, tab) is sniffed. XLSX: the first sheet whose heading row
the caller recognises, read with openpyxl in read-only mode.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.common import head, read_bytes

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
    data = read_bytes(path)
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
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise ImportFailed([Problem(path.name, "file", f"not a readable CSV file: {exc}")]) from exc
    rows: list[tuple[int, list[object]]] = [(n, list(line)) for n, line in enumerate(lines, 1)]
    return _table(path.name, rows, recognise)


def _read_xlsx(path: Path, recognise: Callable[[list[str]], bool]) -> Table:
    import openpyxl

    try:
        # From bytes, so a workbook saved with a .csv name still opens.
        book = openpyxl.load_workbook(io.BytesIO(read_bytes(path)), read_only=True, data_only=True)
    except ImportFailed:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        problem = Problem(path.name, "file", f"not a readable Excel workbook: {exc}")
        raise ImportFailed([problem]) from exc
    try:
        first: Table | None = None
        for sheet in book.worksheets:
            rows = [(n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), 1)]
            table = _table(f"{path.name} [{sheet.title}]", rows, recognise)
            if recognise(table.headings):
                return table
            first = first or table
    except Exception as exc:  # damaged sheet XML shows up only while reading rows
        problem = Problem(path.name, "file", f"not a readable Excel workbook: {exc}")
        raise ImportFailed([problem]) from exc
    finally:
        book.close()
    if first is None:
        raise ImportFailed([Problem(path.name, "file", "the workbook has no sheets")])
    return first


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
