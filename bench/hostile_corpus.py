"""The adversarial import corpus: real odd files read in place, mutations, bombs.

- the calendars in the test suites of icalendar and recurring-ical-events,
  and CPython's e-mail test data (messages, and the images and sounds beside
  them, offered as mail), all read where the packages installed them;
- small valid files of every other kind (bundle CSV and JSON, health sheet
  as .xlsx, CRM export), and for each seed a truncated and a garbled copy;
- bombs: zips and files built to exhaust memory or time (a huge cell, tens
  of millions of rows, a gigabyte of line breaks, a sheet that inflates, a
  zipped mailbox that inflates, JSON nested 200,000 deep). `scale` shrinks
  them for the test suite; bench.hostile builds them at full size.

Nothing here imports Django: tests/ingest/test_hostile.py and bench.hostile
run the cases.
"""

from __future__ import annotations

import io
import random
import sysconfig
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

GiB = 1 << 30
PARTNER_DOMAIN = "partner.example"


@dataclass(frozen=True)
class Case:
    name: str  # shown in reports: where it came from and what was done to it
    path: Path
    kind: str | None  # the importer to use; None: let detection choose


def package_calendars() -> list[Path]:
    folders = [
        files("icalendar") / "tests" / "calendars",
        files("recurring_ical_events") / "test" / "calendars",
    ]
    return sorted(p for f in folders for p in Path(str(f)).glob("*.ics"))


def cpython_mail_data() -> list[Path]:
    """Lib/test/test_email/data, when this Python ships its test package."""
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_email" / "data"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


BUNDLE = {
    "partners.csv": f"name,email_domains\nAcme Cloud,{PARTNER_DOMAIN}\n",
    "alliances.csv": "name,partner,kind,tier\nAcme co-sell,Acme Cloud,co_selling,1\n",
    "interactions.csv": "alliance,kind,occurred_at,subject,duration_minutes,tone,external_id\n"
    + "".join(
        f'Acme co-sell,meeting,2024-{m:02d}-05T10:00:00+00:00,"QBR, ""{m}""",60,0.2,q{m}\n'
        for m in range(1, 13)
    ),
    "metrics.csv": "alliance,key,name\nAcme co-sell,leads,Leads\n",
    "metric_values.csv": "alliance,metric,period,value\n"
    + "".join(f"Acme co-sell,leads,2024-{m:02d},{m * 3}\n" for m in range(1, 13)),
}
BUNDLE_JSON = (
    '{"format": "alliance-radar-bundle", "format_version": "1", '
    '"partners": [{"name": "Acme Cloud", "email_domains": "partner.example"}], '
    '"alliances": [{"name": "Acme co-sell", "partner": "Acme Cloud", "tier": 1}]}'
)
CRM = (
    "Record ID,Activity type,Activity date,Associated Company,Subject,Call direction,"
    "Duration (minutes)\n"
    + "".join(
        f"{n},Call,2025-0{n}-10 10:00,Acme Cloud,Check-in {n},Outbound,{15 * n}\n"
        for n in range(1, 8)
    )
)
SHEET = [
    ["Partner Name", "Date", "Last contact", "Recent deliverables", "Upcoming milestones",
     "Key metrics", "Recent signals", "Action items", "Health Score (1-5)", "Owner"],
    ["Acme Cloud", "2025-01-31", "2025-01-20", "Spec done", "Beta (2025-03-01)",
     "leads: 12", "champion left", "call Ann", "3", "Maria"],
]  # fmt: skip


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def seeds(folder: Path) -> list[Case]:
    """Small valid files of the kinds that have no public corpus."""
    bundle = folder / "bundle"
    bundle.mkdir(parents=True, exist_ok=True)
    cases = []
    for name, text in BUNDLE.items():
        (bundle / name).write_text(text)
        cases.append(Case(f"bundle {name}", bundle / name, "bundle"))
    for name, data, kind in (
        ("portfolio.json", BUNDLE_JSON.encode(), "bundle"),
        ("hubspot-calls.csv", CRM.encode(), "crm"),
        ("health.xlsx", _xlsx(SHEET), "spreadsheet"),
    ):
        (folder / name).write_bytes(data)
        cases.append(Case(name, folder / name, kind))
    return cases


def truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def garbled(data: bytes, seed: int = 13) -> bytes:
    """Every 37th byte replaced by a random one (control bytes and NULs included)."""
    noise = random.Random(seed)
    out = bytearray(data)
    for i in range(0, len(out), 37):
        out[i] = noise.randrange(256)
    return bytes(out)


def mutations(cases: list[Case], folder: Path) -> Iterator[Case]:
    """A truncated and a garbled copy of each case, under the same file name."""
    for number, case in enumerate(cases):
        data = case.path.read_bytes()
        for how, change in (("truncated", truncated), ("garbled", garbled)):
            target = folder / f"{how}-{number}" / case.path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(change(data))
            yield Case(f"{case.name} ({how})", target, case.kind)


def _stream_zip(path: Path, member: str, head: bytes, body: bytes, size: int, tail: bytes) -> None:
    """A zip holding head + `body` repeated up to `size` bytes + tail, written in chunks."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(member, "w", force_zip64=True) as out,
    ):
        out.write(head)
        chunk = body * max(1, (1 << 20) // len(body))
        written = 0
        while written < size:
            piece = chunk[: size - written]
            out.write(piece)
            written += len(piece)
        out.write(tail)


Bomb = tuple[str, str, str | None, Callable[[Path], None]]  # label, file, importer, builder


def bombs(scale: float = 1.0) -> list[Bomb]:
    """The bombs of issue 13 (at scale 1.0), each built by writing one file."""
    cell, newlines = int(2 * GiB * scale), int(GiB * scale)
    rows = int(40_000_000 * scale)
    row = b"Acme co-sell,call,2024-01-01T10:00:00+00:00,Check-in,30,0.1,x\n"
    header = BUNDLE["interactions.csv"].split("\n", 1)[0].encode() + b"\n"
    mail = b"From: ann@partner.example\nTo: bo@ours.example\nSubject: x\n\n"
    sheet = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'  # noqa: E501
    return [
        ("bundle zip, one cell", "cell.zip", "bundle", lambda p: _stream_zip(
            p, "interactions.csv", header + b"Acme co-sell,call,2024-01-01,", b"x", cell, b"\n")),
        ("bundle zip, many rows", "rows.zip", "bundle", lambda p: _stream_zip(
            p, "interactions.csv", header, row, rows * len(row), b"")),
        ("bundle zip, line breaks", "newlines.zip", "bundle", lambda p: _stream_zip(
            p, "interactions.csv", header, b"\n", newlines, b"")),
        ("bundle CSV, many rows", "interactions.csv", "bundle", lambda p: _plain_rows(
            p, header, row, rows)),
        (".xlsx, one cell", "health.xlsx", "spreadsheet", lambda p: _xlsx_bomb(p, sheet, cell)),
        ("zipped Maildir, one message", "mail.zip", "email", lambda p: _stream_zip(
            p, "Maildir/cur/1", mail, b"x", cell, b"\n")),
        ("JSON bundle, nested", "portfolio.json", "bundle", lambda p: p.write_text(
            '{"partners": ' + "[" * 200_000 + "]" * 200_000 + "}")),
    ]  # fmt: skip


def build_bombs(folder: Path, scale: float = 1.0) -> list[Case]:
    cases = []
    for number, (label, name, kind, build) in enumerate(bombs(scale)):
        path = folder / f"bomb-{number}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path)
        cases.append(Case(label, path, kind))
    return cases


def _xlsx_bomb(path: Path, head: bytes, size: int) -> None:
    template = _xlsx([["Partner Name", "Date"]])
    tail = b"</t></is></c></row></sheetData></worksheet>"
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        members = {i.filename: source.read(i.filename) for i in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    _stream_zip(path, sheet, head, b"x", size, tail)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name != sheet:
                archive.writestr(name, data)


def _plain_rows(path: Path, header: bytes, row: bytes, rows: int) -> None:
    """An uncompressed interactions.csv with `rows` rows (the row limit's case)."""
    with open(path, "wb") as out:
        out.write(header)
        block = row * 100_000
        for _ in range(rows // 100_000):
            out.write(block)
        out.write(row * (rows % 100_000))
