"""Salesforce reports and HubSpot exports: metric series, interactions, partners."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from radar.ingest.base import ImportFailed
from radar.ingest.crm import CrmImporter
from radar.ingest.crm.detect import crm_format
from radar.portfolio.models import Interaction, MetricValue, Partner
from tests.ingest.crm.conftest import SALESFORCE_FOOTER, RunCrm, write_csv

pytestmark = pytest.mark.django_db

SF_OPPS = [
    ["Opportunity Owner", "Opportunity Name", "Account Name", "Partner Account", "Stage",
     "Amount", "Probability (%)", "Close Date", "Created Date", "Opportunity ID"],
    ["Olivia Ours", "Contoso rollout", "Contoso", "Acme Corp", "Closed Won", "USD 40,000.00",
     "100", "3/20/2025", "1/15/2025", "0065g00000AAAA1"],
    ["Olivia Ours", "Fabrikam pilot", "Fabrikam", "Acme Corp", "Proposal/Price Quote", "25000",
     "60", "5/30/2025", "2/3/2025", "0065g00000AAAA2"],
    ["Olivia Ours", "Northwind", "Northwind", "Acme Corp", "Closed Lost", "10000", "0",
     "2/28/2025", "2/10/2025", "0065g00000AAAA3"],
    ["Olivia Ours", "Direct deal", "Tailspin", "", "Prospecting", "5000", "10", "6/30/2025",
     "3/1/2025", "0065g00000AAAA4"],
    *SALESFORCE_FOOTER,
]  # fmt: skip

HUBSPOT_ENGAGEMENTS = [
    ["Record ID", "Activity type", "Activity date", "Subject", "Associated Company",
     "Call direction", "Duration (minutes)"],
    ["9001", "CALL", "2025-03-04 15:30", "Pipeline review", "Acme Corporation", "OUTBOUND", "25"],
    ["9002", "MEETING", "2025-03-11 10:00", "Acme QBR", "Acme Corporation", "", "90"],
    ["9003", "INCOMING_EMAIL", "2025-03-12 08:05", "Re: pricing", "Acme Corporation", "", ""],
    ["9004", "NOTE", "2025-03-12 09:00", "Internal note", "Acme Corporation", "", ""],
    ["9005", "CALL", "2025-03-13 09:00", "Cold call", "Somebody Else", "OUTBOUND", "5"],
]  # fmt: skip


def series(key: str) -> dict[date, float]:
    rows = MetricValue.objects.filter(metric__key=key).order_by("period")
    return {row.period: row.value for row in rows}


def test_salesforce_opportunities_become_monthly_series(tmp_path: Path, run_crm: RunCrm, acme):
    summary = run_crm(write_csv(tmp_path, SF_OPPS, "opps.csv"))
    assert "read as a Salesforce opportunities export" in summary.warnings
    jan, feb, mar, apr = (date(2025, m, 1) for m in (1, 2, 3, 4))
    assert series("leads") == {jan: 1, feb: 2, mar: 0, apr: 0}
    assert series("joint_revenue") == {jan: 0, feb: 0, mar: 40_000, apr: 0}
    # Open at each month's end: Contoso until March, Fabrikam from February, Northwind in Feb.
    assert series("pipeline") == {jan: 40_000, feb: 65_000, mar: 25_000, apr: 25_000}
    assert summary.skipped["opportunities", "with an account that is not one of our partners"] == 1
    assert not summary.unchanged["opportunities without a partner"]


def test_reimporting_opportunities_changes_nothing(tmp_path: Path, run_crm: RunCrm, acme):
    path = write_csv(tmp_path, SF_OPPS, "opps.csv")
    run_crm(path)
    again = run_crm(path)
    assert not again.changed and again.unchanged["metric values"] == 12


def test_a_newer_export_updates_the_series(tmp_path: Path, run_crm: RunCrm, acme):
    run_crm(write_csv(tmp_path, SF_OPPS, "opps.csv"))
    newer = [list(r) for r in SF_OPPS]
    newer[2][4], newer[2][7] = "Closed Won", "4/2/2025"
    summary = run_crm(write_csv(tmp_path, newer, "opps2.csv"))
    assert series("joint_revenue")[date(2025, 4, 1)] == 25_000
    # April: revenue up by the won deal, its amount leaves the open pipeline.
    assert series("pipeline")[date(2025, 4, 1)] == 0
    assert summary.updated["metric values"] == 2


def test_hubspot_engagements_become_interactions(tmp_path: Path, run_crm: RunCrm, acme):
    summary = run_crm(write_csv(tmp_path, HUBSPOT_ENGAGEMENTS, "engagements.csv"))
    found = {i.external_id: i for i in Interaction.objects.all()}
    assert set(found) == {"hubspot:9001", "hubspot:9002", "hubspot:9003"}
    call, meeting, mail = found["hubspot:9001"], found["hubspot:9002"], found["hubspot:9003"]
    assert (call.kind, call.direction, call.duration_minutes) == ("call", "outbound", 25)
    assert call.occurred_at == datetime(2025, 3, 4, 15, 30, tzinfo=UTC)
    assert (meeting.kind, meeting.duration_minutes) == ("meeting", 90)
    assert (mail.kind, mail.direction) == ("email", "inbound")
    assert "1 row skipped: notes or tasks, which are not interactions" in summary.skipped_lines()
    assert summary.skipped["activities", "with an account that is not one of our partners"] == 1
    assert not run_crm(write_csv(tmp_path, HUBSPOT_ENGAGEMENTS, "again.csv")).changed


def test_salesforce_activities_report(tmp_path: Path, run_crm: RunCrm, acme):
    rows = [
        ["Subject", "Task/Event", "Task Subtype", "Date", "Assigned", "Company / Account",
         "Status", "Activity ID"],
        ["Call with Paul", "Task", "Call", "3/4/2025", "Olivia Ours", "Acme Corporation",
         "Completed", "00T5g000001"],
        ["Steering committee", "Event", "Event", "3/18/2025", "Olivia Ours", "Acme Corporation",
         "", "00U5g000002"],
        *SALESFORCE_FOOTER,
    ]  # fmt: skip
    run_crm(write_csv(tmp_path, rows, "activities.csv"))
    kinds = dict(Interaction.objects.values_list("external_id", "kind"))
    assert kinds == {"salesforce:00T5g000001": "call", "salesforce:00U5g000002": "meeting"}


def test_accounts_fill_partner_domains(tmp_path: Path, run_crm: RunCrm, acme):
    rows = [
        ["Record ID", "Company name", "Company Domain Name", "Create Date"],
        ["501", "ACME Corporation", "www.acme-labs.example", "2024-01-01"],
        ["502", "Stranger Ltd", "stranger.example", "2024-01-01"],
    ]
    summary = run_crm(write_csv(tmp_path, rows, "companies.csv"))
    assert Partner.objects.get().domains == ["acme.example", "acme-labs.example"]
    assert sum(summary.skipped.values()) == 1 and not summary.unchanged


def test_bad_rows_name_the_row_and_column(tmp_path: Path, run_crm: RunCrm, acme):
    rows = [list(r) for r in SF_OPPS[:3]]
    rows[1][8] = "someday"
    rows[2][5] = "lots"
    with pytest.raises(ImportFailed) as caught:
        run_crm(write_csv(tmp_path, rows, "opps.csv"))
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].startswith("opps.csv, row 2, column 'Created Date': cannot read 'someday'")
    assert messages[1].startswith("opps.csv, row 3, column 'Amount': 'lots' is not a number")
    assert not MetricValue.objects.exists()


def test_the_same_record_twice_is_a_problem(tmp_path: Path, run_crm: RunCrm, acme):
    rows = [SF_OPPS[0], SF_OPPS[1], SF_OPPS[1]]
    with pytest.raises(ImportFailed) as caught:
        run_crm(write_csv(tmp_path, rows, "opps.csv"))
    assert "appears twice (rows 2 and 3)" in str(caught.value.problems[0])


def test_a_dry_run_writes_nothing(tmp_path: Path, run_crm: RunCrm, acme):
    summary = run_crm(write_csv(tmp_path, SF_OPPS, "opps.csv"), dry_run=True)
    assert summary.created["metric values"] == 12 and not MetricValue.objects.exists()


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (SF_OPPS[0], "salesforce_opportunities"),
        (["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date"],
         "hubspot_opportunities"),
        (HUBSPOT_ENGAGEMENTS[0], "hubspot_activities"),
        (["Account Name", "Account ID", "Website", "Billing Country"], "salesforce_accounts"),
        (["Id", "Name", "AccountId", "StageName", "Amount", "CloseDate", "CreatedDate"],
         "salesforce_opportunities"),
        (["Partner", "Date", "Health score"], None),
    ],
)  # fmt: skip
def test_formats_are_told_apart_by_headings(headings: list[str], expected: str | None):
    assert crm_format(headings) == expected


def test_detection_needs_a_known_export(tmp_path: Path):
    assert CrmImporter().detect(write_csv(tmp_path, SF_OPPS, "opps.csv"))
    assert not CrmImporter().detect(write_csv(tmp_path, [["a", "b"], ["1", "2"]], "x.csv"))
