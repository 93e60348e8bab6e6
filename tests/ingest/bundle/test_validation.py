"""Everything is checked before anything is written; problems name file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from radar.portfolio.models import Alliance, Interaction, Partner
from tests.ingest.bundle.helpers import problems_of, run, write_bundle

pytestmark = pytest.mark.django_db

HEADER = "alliance,kind,occurred_at,subject\n"


def test_it_names_file_row_and_column_of_a_bad_date(tmp_path: Path):
    rows = "".join(f"Acme co-sell,email,2024-01-{d:02d},s{d}\n" for d in range(1, 11))
    bundle = write_bundle(
        tmp_path, {"interactions.csv": HEADER + rows + "Acme co-sell,email,2024-13-01,x\n"}
    )
    assert problems_of(bundle) == [
        "interactions.csv, row 12, column 'occurred_at': \"2024-13-01\" is not a date "
        "(expected YYYY-MM-DD or ISO 8601 date-time)"
    ]
    # Validation comes first: the valid partner and alliance were not written either.
    assert not Partner.objects.exists() and not Interaction.objects.exists()


def test_it_collects_every_problem_across_files(tmp_path: Path):
    bundle = write_bundle(
        tmp_path,
        {
            "interactions.csv": HEADER
            + "Acme co-sel,email,2024-01-01,a\n"
            + "Acme co-sell,fax,2024-01-02,b\n",
            "deliverables.csv": "alliance,title,due_on,side,status\n"
            "Acme co-sell,Spec,2024-02-01,ours,finished\n",
            "metrics.csv": "alliance,key,name\nAcme co-sell,leads,L\nacme-co-sell,leads,L2\n",
        },
    )
    problems = problems_of(bundle)
    assert (
        "interactions.csv, row 2, column 'alliance': unknown alliance \"Acme co-sel\" "
        "(not in alliances.csv nor in the store)"
    ) in problems
    assert (
        "interactions.csv, row 3, column 'kind': \"fax\" is not allowed "
        "(expected one of: meeting, email, call, message)"
    ) in problems
    assert any(
        "deliverables.csv, row 2, column 'status'" in p and "open, done" in p for p in problems
    )
    assert (
        'metrics.csv, row 3: duplicate key (alliance, key) = ("Acme co-sell", "leads"), '
        "first seen in row 2"
    ) in problems
    assert len(problems) == 4
    assert not Alliance.objects.exists()


def test_it_reports_missing_required_columns_and_warns_about_unknown_ones(tmp_path: Path):
    bundle = write_bundle(tmp_path, {"interactions.csv": "alliance,occurred_at,colour\n"})
    assert problems_of(bundle) == [
        "interactions.csv, row 1, column 'kind': required column is missing"
    ]
    ok = write_bundle(tmp_path / "ok", {"interactions.csv": "alliance,kind,occurred_at,colour\n"})
    summary = run(ok)
    assert summary.warnings == ["interactions.csv: unknown column 'colour' ignored"]


def test_it_reads_utf8_with_a_byte_order_mark(tmp_path: Path):
    text = "\ufeffname,email_domains\nZürich AG,zh.example\n"
    bundle = write_bundle(tmp_path, {"partners.csv": text}, base=False)
    run(bundle)
    assert Partner.objects.get().name == "Zürich AG"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("name\nZürich AG\n".encode("latin-1"), "not UTF-8 text (byte 0xFC)"),
        ("name\nZürich\n".encode("utf-16"), "UTF-16"),
        (b"PK\x03\x04rest", "Excel or zip file"),
    ],
)
def test_it_refuses_other_encodings_with_advice(tmp_path: Path, data: bytes, expected: str):
    bundle = write_bundle(tmp_path, {"partners.csv": data}, base=False)
    (problem,) = problems_of(bundle)
    assert problem.startswith("partners.csv, row ") and expected in problem
    assert "CSV UTF-8" in problem


def test_it_refuses_a_future_format_version(tmp_path: Path):
    manifest = '{"format": "alliance-radar-bundle", "format_version": "2"}'
    bundle = write_bundle(tmp_path, {"manifest.json": manifest})
    (problem,) = problems_of(bundle)
    assert 'version "2" is not supported' in problem


def test_it_checks_references_to_contacts_metrics_and_users(tmp_path: Path):
    bundle = write_bundle(
        tmp_path,
        {
            "alliances.csv": "name,partner,owner_username\nAcme co-sell,Acme Cloud,nobody\n",
            "contacts.csv": "alliance,side,name,email,successor\n"
            "Acme co-sell,partner,Anna,anna@acme.example,ghost@acme.example\n",
            "metric_values.csv": "alliance,metric,period,value\nAcme co-sell,leads,2024-01,3\n",
        },
    )
    problems = problems_of(bundle)
    assert any("contacts.csv, row 2, column 'successor'" in p and "ghost" in p for p in problems)
    assert any(
        "metric_values.csv, row 2, column 'metric': unknown metric \"leads\"" in p for p in problems
    )
    assert len(problems) == 2  # the unknown user is only a warning


def test_unknown_users_are_a_warning_and_left_empty(tmp_path: Path):
    bundle = write_bundle(
        tmp_path, {"alliances.csv": "name,partner,owner_username\nAcme co-sell,Acme Cloud,nobody\n"}
    )
    summary = run(bundle)
    assert any('unknown user "nobody"' in w for w in summary.warnings)
    assert Alliance.objects.get().owner is None


def test_it_caps_kept_problems_but_counts_them_all(tmp_path: Path):
    from radar.ingest.base import ImportFailed
    from radar.ingest.bundle import import_bundle

    rows = "".join(f"Acme co-sell,email,not-a-date-{i},s\n" for i in range(1500))
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER + rows})
    with pytest.raises(ImportFailed) as failed:
        import_bundle(bundle)
    assert len(failed.value.problems) == 1000 and failed.value.omitted == 500


def test_a_json_bundle_names_entity_and_item(tmp_path: Path):
    path = tmp_path / "portfolio.json"
    path.write_text(
        '{"format": "alliance-radar-bundle", "format_version": 1,'
        ' "partners": [{"name": "Acme"}],'
        ' "alliances": [{"name": "A", "partner": "Acme", "tier": 7}]}'
    )
    assert problems_of(path) == [
        "portfolio.json:alliances, item 1, column 'tier': \"7\" is not allowed "
        "(expected one of: 1, 2, 3)"
    ]


def test_rows_after_a_duplicate_are_still_checked_normally(tmp_path: Path):
    rows = (
        "Acme co-sell,call,2024-01-01,a,x1\n"
        "Acme co-sell,call,2024-01-01,a,x1\n"
        "Acme co-sell,call,2024-01-02,b,x2\n"
        "Ghost,call,2024-01-03,c,x3\n"
    )
    bundle = write_bundle(tmp_path, {"interactions.csv": HEADER.strip() + ",external_id\n" + rows})
    problems = problems_of(bundle)
    assert [p.split(":")[0] for p in problems] == [
        "interactions.csv, row 3",
        "interactions.csv, row 5, column 'alliance'",
    ]
