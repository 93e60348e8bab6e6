"""Bundles too big, too deep or malformed are refused early with a clear message."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from django.test import override_settings

from radar.portfolio.models import Interaction, Partner
from tests.ingest.bundle.helpers import BASE, problems_of, write_bundle

pytestmark = pytest.mark.django_db

HEADER = "alliance,kind,occurred_at,external_id,duration_minutes\n"


def _zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def test_a_zip_that_expands_a_thousand_times_is_refused_before_reading(tmp_path: Path):
    bomb = b"name\n" + b"a" * (8 * 1024 * 1024) + b"\n"
    bundle = _zip(tmp_path / "bomb.zip", [("partners.csv", bomb)])
    (problem,) = problems_of(bundle)
    assert problem.startswith("bomb.zip, file: partners.csv would expand")
    assert "zip bombs" in problem
    assert not Partner.objects.exists()


@override_settings(RADAR_IMPORT_MAX_BYTES=10_000)
def test_the_uncompressed_size_is_capped(tmp_path: Path):
    rows = "".join(f"Partner {n},p{n}.example\n" for n in range(1000))
    bundle = write_bundle(tmp_path, {"partners.csv": "name,email_domains\n" + rows})
    (problem,) = problems_of(bundle)
    assert "more than the 9.8 KiB one import may read" in problem


@override_settings(RADAR_IMPORT_MAX_ROWS=50)
def test_empty_lines_count_against_the_row_limit(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER + "\n" * 1000})
    (problem,) = problems_of(bundle)
    assert problem == "interactions.csv, file: more than 50 rows, the most one import may read"


@override_settings(RADAR_IMPORT_MAX_CELL_BYTES=1000)
def test_an_endless_line_is_refused_before_the_csv_parser_sees_it(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER + "x" * 5000})
    (problem,) = problems_of(bundle)
    assert problem.startswith("interactions.csv, row 2: a line or cell is longer than 1,000 bytes")


@override_settings(RADAR_IMPORT_MAX_CELL_BYTES=1000)
def test_a_long_cell_over_many_lines_is_refused(tmp_path: Path):
    notes = '"' + "line\n" * 400 + '"'
    bundle = write_bundle(
        tmp_path,
        {
            "interactions.csv": "alliance,kind,occurred_at,notes\nAcme co-sell,call,2024-01-01,"
            + notes
            + "\n"
        },
    )
    (problem,) = problems_of(bundle)
    assert problem.startswith("interactions.csv, row 2: a cell is longer than 1,000 bytes")


def test_a_zip_holding_the_same_file_twice_is_refused(tmp_path: Path):
    partners = BASE["partners.csv"].encode()
    with pytest.warns(UserWarning, match="Duplicate name"):
        bundle = _zip(
            tmp_path / "twice.zip",
            [("partners.csv", partners), ("partners.csv", b"name\nOther\n")],
        )
    assert problems_of(bundle) == [
        "twice.zip, file: the zip holds partners.csv more than once; keep one copy"
    ]


def test_an_unterminated_quote_is_an_error_not_a_swallowed_row(tmp_path: Path):
    rows = 'Acme co-sell,call,2024-01-01,a,5\nAcme co-sell,call,"2024-01-02,b,5\n'
    rows += "Acme co-sell,call,2024-01-03,c,5\n"
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER + rows})
    (problem,) = problems_of(bundle)
    assert problem.startswith("interactions.csv, row 3: a quoted cell starting in this row")
    assert not Interaction.objects.exists()


def test_a_stray_quote_inside_a_cell_is_an_error(tmp_path: Path):
    rows = 'Acme co-sell,call,2024-01-01,"a"b,5\n'
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER + rows})
    (problem,) = problems_of(bundle)
    assert problem.startswith("interactions.csv, row 2: a quote inside a cell must be doubled")


@pytest.mark.parametrize("digits", ["99999999999999999999", "2147483648"])
def test_a_number_too_big_for_the_database_is_out_of_range(tmp_path: Path, digits: str):
    bundle = write_bundle(
        tmp_path, {"interactions.csv": HEADER + f"Acme co-sell,call,2024-01-01,a,{digits}\n"}
    )
    assert problems_of(bundle) == [
        f"interactions.csv, row 2, column 'duration_minutes': \"{digits}\" is out of range "
        "(expected between 0 and 2,147,483,647)"
    ]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_that_are_not_numbers_are_refused(tmp_path: Path, constant: str):
    path = tmp_path / "portfolio.json"
    path.write_text('{"partners": [{"name": ' + constant + "}]}")
    (problem,) = problems_of(path)
    assert (
        problem == f"portfolio.json, file: not valid JSON ({constant} is not a number JSON allows)"
    )
    assert not Partner.objects.exists()


def test_json_nested_200000_levels_deep_is_refused(tmp_path: Path):
    path = tmp_path / "portfolio.json"
    path.write_text('{"partners": ' + "[" * 200_000 + "]" * 200_000 + "}")
    assert problems_of(path) == [
        "portfolio.json, file: not a bundle: the JSON is nested too deeply"
    ]


def test_a_deep_manifest_is_refused(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"manifest.json": "[" * 200_000 + "]" * 200_000})
    assert problems_of(bundle) == ["manifest.json, file: not valid JSON (nested too deeply)"]


@override_settings(RADAR_IMPORT_MAX_CELL_BYTES=100)
def test_json_cells_obey_the_cell_limit(tmp_path: Path):
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps({"partners": [{"name": "x" * 101}]}))
    assert problems_of(path) == [
        "portfolio.json:partners, item 1: a line or cell is longer than 100 bytes, "
        "the most an import accepts"
    ]
