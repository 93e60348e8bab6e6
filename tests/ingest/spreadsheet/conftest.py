"""Spreadsheet test helpers: a sheet written as CSV or XLSX, alliances to match."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.spreadsheet import SpreadsheetImporter
from radar.portfolio.models import Alliance, Partner

HEADINGS = [
    "Partner Name",
    "Date",
    "Last contact",
    "Recent deliverables",
    "Upcoming milestones",
    "Key metrics",
    "Recent signals",
    "Action items",
    "Health Score (1-5)",
    "Owner",
]


def write_csv(tmp_path: Path, rows: list[list[object]], name: str = "health.csv") -> Path:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "health.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Health"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


@pytest.fixture
def alliances() -> dict[str, Alliance]:
    found = {}
    for name, domains in (("Acme", "acme.example"), ("Globex", "globex.example")):
        partner = Partner.objects.create(name=f"{name} Corporation", email_domains=domains)
        found[name] = Alliance.objects.create(name=f"{name} alliance", partner=partner)
    return found


RunSheet = Callable[..., ImportSummary]


@pytest.fixture
def run_sheet() -> RunSheet:
    def run(path: Path, **options: object) -> ImportSummary:
        options.setdefault("today", date(2025, 6, 30))
        opts = ImportOptions(**options)  # type: ignore[arg-type]
        return SpreadsheetImporter().run(path, opts, lambda a, t: None)

    return run
