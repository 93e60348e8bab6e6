"""Exports from the web: the assessments spreadsheet for readers, the bundle for editors."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from radar.portfolio.assessments import evaluate_portfolio
from radar.portfolio.models import Alliance, Observation, Partner
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_spreadsheet_has_a_row_per_alliance_and_per_signal(users, alliance: Alliance) -> None:
    Alliance.objects.create(name="Not yet", partner=Partner.objects.create(name="@SUM(1+1)"))
    Partner.objects.filter(pk=alliance.partner_id).update(name='=HYPERLINK("http://evil.example")')
    Observation.objects.create(
        alliance=alliance,
        observed_on=timezone.localdate(),
        title="Partner launched a rival programme",
        category="priority",
        kind="competing_initiative",
        source="external",
    )
    evaluate_portfolio(timezone.localdate(), [alliance.pk])
    response = client_for(users["viewer"]).get(reverse("export_assessments"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="alliance-radar-')
    book = load_workbook(io.BytesIO(body(response)))
    assert book.sheetnames == ["Assessments", "Signals", "About"]
    rows = list(book["Assessments"].iter_rows(values_only=True))
    assert rows[0][:6] == ("Alliance", "Partner", "Tier", "Owner", "Assessed on", "Score")
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {"Northwind Cloud", "Not yet"}
    assert by_name["Not yet"][7] == "not assessed yet"
    stored = alliance.assessments.get()
    assert by_name["Northwind Cloud"][5] == stored.score
    assert by_name["Northwind Cloud"][9] == stored.recommendation.capitalize()
    signals = list(book["Signals"].iter_rows(values_only=True))[1:]
    assert signals, "the external competing initiative is a signal"
    # User text that a spreadsheet would run as a formula arrives as inert text.
    cells = [c for row in book["Assessments"].iter_rows() for c in row]
    cells += [c for row in book["Signals"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert by_name["Northwind Cloud"][1] == '\'=HYPERLINK("http://evil.example")'
    assert by_name["Not yet"][1] == "'@SUM(1+1)"


def test_archived_alliances_are_left_out(manager_client: Client, alliance: Alliance) -> None:
    Alliance.objects.filter(pk=alliance.pk).update(active=False)
    book = load_workbook(io.BytesIO(body(manager_client.get(reverse("export_assessments")))))
    assert list(book["Assessments"].iter_rows(values_only=True))[1:] == []


def test_editors_download_the_whole_bundle_and_readers_may_not(users, alliance: Alliance) -> None:
    response = client_for(users["manager"]).get(reverse("export_bundle"))
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(body(response))).namelist()
    assert {"alliances.csv", "contacts.csv", "manifest.json"} <= set(names)
    assert client_for(users["viewer"]).get(reverse("export_bundle")).status_code == 403


def test_the_export_page_offers_what_the_role_allows(users, alliance: Alliance) -> None:
    viewer = client_for(users["viewer"]).get(reverse("exports")).content.decode()
    assert reverse("export_assessments") in viewer and reverse("export_bundle") not in viewer
    manager = client_for(users["manager"]).get(reverse("exports")).content.decode()
    assert reverse("export_bundle") in manager
