"""The health-tracking sheet: mapping, records, idempotency, preview, errors."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed, ImportOptions
from radar.ingest.spreadsheet import SpreadsheetImporter, preview
from radar.portfolio.models import (
    ActionItem,
    CheckIn,
    Decision,
    Deliverable,
    MetricValue,
    Observation,
)
from tests.ingest.spreadsheet.conftest import HEADINGS, RunSheet, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

ACME_ROW = [
    "Acme Corp.",
    "31/03/2025",
    "2025-03-20",
    "Integration guide (2025-03-15); Us: demo environment",
    "Beta launch (30/04/2025); Joint webinar - May 20, 2025",
    "leads: 12; revenue: 40k; NPS: 35",
    "Champion reassigned to another project; Partner slow to reply to emails",
    "Send QBR deck (Ana, 2025-04-07); Book steering committee",
    "3",
    "Ana",
]
GLOBEX_ROW = ["Globex", "31/03/2025", "", "", "", "leads: 4", "", "", "5/5", ""]


def test_it_turns_a_row_into_records(tmp_path: Path, run_sheet: RunSheet, alliances):
    path = write_csv(tmp_path, [HEADINGS, ACME_ROW, GLOBEX_ROW])
    summary = run_sheet(path, dayfirst=True)
    acme = alliances["Acme"]
    checkin = CheckIn.objects.get(alliance=acme)
    assert (checkin.held_on, checkin.manual_score) == (date(2025, 3, 31), 3)
    assert checkin.spoke_with_partner is True
    assert checkin.category_notes == {"communication": "Last contact: 2025-03-20"}
    assert CheckIn.objects.get(alliance=alliances["Globex"]).manual_score == 5
    done = Deliverable.objects.filter(alliance=acme, status="done")
    assert {(d.title, d.side, d.done_on) for d in done} == {
        ("Integration guide", "partner", date(2025, 3, 15)),
        ("demo environment", "ours", date(2025, 3, 31)),
    }
    planned = Deliverable.objects.filter(alliance=acme, status="open").order_by("due_on")
    assert [(d.title, d.due_on) for d in planned] == [
        ("Beta launch", date(2025, 4, 30)),
        ("Joint webinar", date(2025, 5, 20)),
    ]
    values = {v.metric.key: v.value for v in MetricValue.objects.filter(metric__alliance=acme)}
    assert values == {"leads": 12, "joint_revenue": 40_000, "nps": 35}
    assert MetricValue.objects.filter(period=date(2025, 3, 1)).count() == 4
    signals = {o.title: (o.category, o.polarity) for o in Observation.objects.filter(alliance=acme)}
    assert signals["Champion reassigned to another project"] == ("resource", "negative")
    assert signals["Partner slow to reply to emails"] == ("communication", "negative")
    decision = Decision.objects.get(alliance=acme)
    assert decision.kind == "monitor"
    items = {a.title: (a.owner, a.due_on) for a in ActionItem.objects.filter(decision=decision)}
    assert items == {
        "Send QBR deck": ("Ana", date(2025, 4, 7)),
        "Book steering committee": ("unassigned", date(2025, 4, 30)),
    }
    assert summary.created["check-ins"] == 2


def test_reimporting_the_sheet_changes_nothing(tmp_path: Path, run_sheet: RunSheet, alliances):
    path = write_csv(tmp_path, [HEADINGS, ACME_ROW, GLOBEX_ROW])
    run_sheet(path, dayfirst=True)
    again = run_sheet(path, dayfirst=True)
    assert not again.changed
    assert CheckIn.objects.count() == 2 and Observation.objects.count() == 2


def test_a_newer_sheet_updates_in_place(tmp_path: Path, run_sheet: RunSheet, alliances):
    run_sheet(write_csv(tmp_path, [HEADINGS, ACME_ROW]), dayfirst=True)
    newer = [*ACME_ROW]
    newer[8] = "2"
    newer[5] = "leads: 9; revenue: 40k; NPS: 35"
    summary = run_sheet(write_csv(tmp_path, [HEADINGS, newer], "v2.csv"), dayfirst=True)
    assert summary.updated["check-ins"] == 1 and summary.updated["metric values"] == 1
    assert CheckIn.objects.get().manual_score == 2
    assert MetricValue.objects.get(metric__key="leads").value == 9


def test_xlsx_with_a_title_row_excel_dates_and_serials(
    tmp_path: Path, run_sheet: RunSheet, alliances
):
    rows = [
        ["Partner health tracker — Q1"],
        ["Partner", "As of", "Health", "Notes"],
        ["Acme alliance", datetime(2025, 3, 31), 4, "Good quarter"],
        ["Globex", 45747, 2, "Quiet"],  # Excel serial for 2025-03-31
    ]
    run_sheet(write_xlsx(tmp_path, rows))
    scores = dict(CheckIn.objects.values_list("alliance__name", "manual_score"))
    assert scores == {"Acme alliance": 4, "Globex alliance": 2}
    assert set(CheckIn.objects.values_list("held_on", flat=True)) == {date(2025, 3, 31)}


def test_month_first_dates_unless_dayfirst(tmp_path: Path, run_sheet: RunSheet, alliances):
    rows = [["Partner", "Date", "Health score"], ["Acme", "03/04/2025", "4"]]
    path = write_csv(tmp_path, rows)
    run_sheet(path)
    assert CheckIn.objects.get().held_on == date(2025, 3, 4)
    run_sheet(path, dayfirst=True)
    assert set(CheckIn.objects.values_list("held_on", flat=True)) == {
        date(2025, 3, 4),
        date(2025, 4, 3),
    }


def test_explicit_mapping_wins(tmp_path: Path, run_sheet: RunSheet, alliances):
    rows = [["Org", "Reviewed", "RAG"], ["Acme", "2025-03-31", "4"]]
    path = write_csv(tmp_path, rows)
    column_map = (("Org", "partner"), ("Reviewed", "date"), ("RAG", "score"))
    run_sheet(path, column_map=column_map)
    assert CheckIn.objects.get().manual_score == 4


def test_preview_shows_mapped_rows_and_unmapped_columns(tmp_path: Path, alliances):
    path = write_csv(tmp_path, [HEADINGS, ACME_ROW, GLOBEX_ROW])
    shown = preview(path, limit=1)
    assert shown.mapping["Health Score (1-5)"] == "score"
    assert shown.mapping["Partner Name"] == "partner"
    assert shown.unmapped == ["Owner"]
    assert shown.rows == [
        {
            "partner": "Acme Corp.",
            "date": "31/03/2025",
            "last_contact": "2025-03-20",
            "deliverables": ACME_ROW[3],
            "milestones": ACME_ROW[4],
            "metrics": ACME_ROW[5],
            "signals": ACME_ROW[6],
            "actions": ACME_ROW[7],
            "score": "3",
        }
    ]
    assert preview(tmp_path / "missing.csv").problems


def test_bad_rows_are_reported_together_and_nothing_is_written(
    tmp_path: Path, run_sheet: RunSheet, alliances
):
    rows = [
        HEADINGS,
        ACME_ROW,
        ["Initech", "2025-03-31", "", "", "", "", "", "", "3", ""],
        ["Globex", "31/02/2025", "", "", "", "", "", "", "9", ""],
        ["Globex", "2025-03-31", "", "", "", "leads twelve", "", "", "4", ""],
    ]
    with pytest.raises(ImportFailed) as caught:
        run_sheet(write_csv(tmp_path, rows))
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "health.csv, row 3, column 'Partner Name': no partner or alliance called 'Initech'",
        "health.csv, row 4, column 'Date': cannot read '31/02/2025' as a date "
        "(e.g. 2025-03-31, 31/03/2025, 03/31/2025 or Mar 31, 2025)",
        "health.csv, row 4, column 'Health Score (1-5)': '9' is not a health score from 1 to 5",
        "health.csv, row 5, column 'Key metrics': 'leads twelve' is not 'name: value' "
        "(e.g. 'leads: 12; revenue: 40k')",
    ]
    assert not CheckIn.objects.exists() and not Deliverable.objects.exists()


def test_the_same_partner_and_date_twice_is_a_problem(
    tmp_path: Path, run_sheet: RunSheet, alliances
):
    rows = [["Partner", "Date", "Score"], ["Acme", "2025-03-31", 3], ["acme", "2025-03-31", 4]]
    with pytest.raises(ImportFailed) as caught:
        run_sheet(write_csv(tmp_path, rows))
    assert "repeats row 2" in str(caught.value.problems[0])


def test_a_sheet_without_a_partner_column_says_how_to_fix_it(
    tmp_path: Path, run_sheet: RunSheet, alliances
):
    path = write_csv(tmp_path, [["Who", "When", "Score"], ["Acme", "2025-03-31", 3]])
    with pytest.raises(ImportFailed) as caught:
        run_sheet(path)
    assert "--map" in caught.value.problems[0].message


def test_a_dry_run_writes_nothing(tmp_path: Path, run_sheet: RunSheet, alliances):
    summary = run_sheet(write_csv(tmp_path, [HEADINGS, ACME_ROW]), dry_run=True, dayfirst=True)
    assert summary.created["check-ins"] == 1 and summary.created["metric values"] == 3
    assert not CheckIn.objects.exists() and not MetricValue.objects.exists()


def test_detection(tmp_path: Path, alliances):
    importer = SpreadsheetImporter()
    assert importer.detect(write_csv(tmp_path, [HEADINGS, ACME_ROW]))
    assert importer.detect(write_xlsx(tmp_path, [HEADINGS, ACME_ROW]))
    crm = write_csv(
        tmp_path, [["Opportunity Name", "Account Name", "Amount", "Close Date"]], "o.csv"
    )
    assert not importer.detect(crm)
    assert not importer.detect(tmp_path / "nothing.csv")


def test_options_reach_the_importer_unchanged():
    assert ImportOptions(column_map=(("A", "partner"),)).column_map == (("A", "partner"),)


def test_a_partner_with_two_alliances_needs_the_alliance_name(
    tmp_path: Path, run_sheet: RunSheet, alliances
):
    from radar.portfolio.models import Alliance

    Alliance.objects.create(name="Acme resale", partner=alliances["Acme"].partner)
    rows = [["Partner", "Date", "Score"], ["Acme Corporation", "2025-03-31", 3]]
    with pytest.raises(ImportFailed) as caught:
        run_sheet(write_csv(tmp_path, rows))
    assert "has several alliances (Acme alliance, Acme resale)" in str(caught.value.problems[0])
    rows[1][0] = "Acme resale"
    run_sheet(write_csv(tmp_path, rows, "named.csv"))
    assert CheckIn.objects.get().alliance.name == "Acme resale"
