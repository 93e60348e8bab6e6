"""The import page: upload, preview (counts or the error report), import, cancel, roles."""

from __future__ import annotations

import io
import os
import time
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.models import Alliance, Assessment, Interaction, Partner
from radar.web.imports import uploads
from tests.web.support import client_for

pytestmark = pytest.mark.django_db

PARTNERS = "name,email_domains\nAcme Cloud,acme.example\n"
ALLIANCES = "name,partner,kind,tier,started_on\nAcme co-sell,Acme Cloud,co_selling,1,2024-01-01\n"
INTERACTIONS = "alliance,kind,occurred_at,subject\n"


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR  # type: ignore[no-any-return]


def bundle_zip(interactions: str, name: str = "portfolio.zip") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("partners.csv", PARTNERS)
        archive.writestr("alliances.csv", ALLIANCES)
        archive.writestr("interactions.csv", INTERACTIONS + interactions)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def upload(client: Client, file: SimpleUploadedFile, **fields: Any) -> Any:
    return client.post(reverse("import_upload"), {"file": file, **fields})


def waiting_files(data_dir: Path) -> list[Path]:
    root = data_dir / "uploads"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_it_previews_a_bundle_then_imports_it_and_reassesses(
    manager_client: Client, data_dir: Path
) -> None:
    day = (timezone.localdate() - timedelta(days=10)).isoformat()
    rows = f"Acme co-sell,meeting,{day},Kick-off\nAcme co-sell,email,{day},Follow-up\n"
    response = upload(manager_client, bundle_zip(rows))
    assert response.status_code == 302 and response["Location"] == reverse("import_preview")
    assert len(waiting_files(data_dir)) == 1

    preview = manager_client.get(reverse("import_preview"))
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "What this import would change" in body
    assert "interactions" in body and "portfolio bundle" in body
    assert reverse("import_run") in body, "the preview offers the import"
    assert Alliance.objects.count() == 0, "the preview must not write"
    counts = preview.context["outcome"].summary.created
    assert counts["interactions"] == 2 and counts["alliances"] == 1

    done = manager_client.post(reverse("import_run"), follow=True)
    assert done.status_code == 200
    alliance = Alliance.objects.get(name="Acme co-sell")
    assert Interaction.objects.filter(alliance=alliance).count() == 2
    assessed = Assessment.objects.get(alliance=alliance)
    assert assessed.as_of == timezone.localdate()
    page = done.content.decode()
    assert "Imported portfolio.zip" in page
    assert reverse("alliance", args=[alliance.slug]) in page
    assert waiting_files(data_dir) == [], "the temp file goes once imported"


def test_a_bad_date_gives_an_error_table_and_writes_nothing(manager_client: Client) -> None:
    rows = "Acme co-sell,email,2024-13-01,Hello\n"
    upload(manager_client, bundle_zip(rows))
    preview = manager_client.get(reverse("import_preview"))
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "problem to fix" in body and "nothing will be written" in body
    table = body[body.index('class="data problem-table"') :]
    for cell in ('<td class="nowrap">interactions.csv</td>', "row 2", "occurred_at"):
        assert cell in table
    assert "is not a date" in table
    assert reverse("import_run") not in body, "no import button when the file has problems"
    # Posting the import anyway still writes nothing.
    again = manager_client.post(reverse("import_run"), follow=True)
    assert again.status_code == 200 and "Import stopped" in again.content.decode()
    assert Alliance.objects.count() == 0 and Interaction.objects.count() == 0


def test_script_in_a_file_is_shown_escaped(manager_client: Client) -> None:
    rows = "Acme co-sell,email,<script>alert(1)</script>,x\n"
    upload(manager_client, bundle_zip(rows, name="<b>evil</b>.zip"))
    body = manager_client.get(reverse("import_preview")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<b>evil</b>" not in body


def ics_file(partner_email: str) -> SimpleUploadedFile:
    start = timezone.localdate() - timedelta(days=20)
    stamp = start.strftime("%Y%m%d")
    text = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//EN",
            "BEGIN:VEVENT",
            "UID:qbr-1@ours.example",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART:{stamp}T140000Z",
            f"DTEND:{stamp}T150000Z",
            "SUMMARY:Quarterly business review",
            "ORGANIZER:mailto:me@ours.example",
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{partner_email}",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@ours.example",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    return SimpleUploadedFile("calendar.ics", text.encode(), content_type="text/calendar")


def test_a_calendar_with_a_partner_attendee_creates_meetings(
    manager_client: Client, settings: Any
) -> None:
    settings.RADAR_OUR_DOMAINS = ["ours.example"]
    partner = Partner.objects.create(name="Northwind", email_domains="northwind.example")
    alliance = Alliance.objects.create(
        name="Northwind Cloud", partner=partner, started_on=timezone.localdate() - timedelta(400)
    )
    upload(manager_client, ics_file("ada@northwind.example"))
    preview = manager_client.get(reverse("import_preview"))
    assert preview.context["outcome"].kind == "ics"
    assert preview.context["outcome"].summary.created["interactions"] == 1
    assert Interaction.objects.count() == 0

    manager_client.post(reverse("import_run"))
    meeting = Interaction.objects.get(alliance=alliance)
    assert meeting.kind == "meeting"
    assert Assessment.objects.filter(alliance=alliance).exists()


def test_choosing_an_alliance_assigns_the_meetings_to_it(
    manager_client: Client, settings: Any
) -> None:
    settings.RADAR_OUR_DOMAINS = ["ours.example"]
    start = timezone.localdate() - timedelta(400)
    partner = Partner.objects.create(name="Northwind", email_domains="northwind.example")
    Alliance.objects.create(name="Northwind Cloud", partner=partner, started_on=start)
    chosen = Alliance.objects.create(name="Northwind Data", partner=partner, started_on=start)
    upload(manager_client, ics_file("ada@northwind.example"), alliance=chosen.slug)
    preview = manager_client.get(reverse("import_preview")).content.decode()
    assert "Only alliance <strong>Northwind Data</strong>" in preview
    done = manager_client.post(reverse("import_run"), follow=True)
    assert Interaction.objects.get().alliance == chosen
    assert list(done.context["result"]["alliances"]) == [["Northwind Data", chosen.slug]]


@pytest.mark.parametrize("keep", [False, True])
def test_an_mbox_keeps_bodies_only_when_the_box_is_ticked(
    manager_client: Client, settings: Any, tmp_path: Path, keep: bool
) -> None:
    from tests.ingest.email.builders import OURS, PARTNER, mbox, message

    settings.RADAR_OUR_DOMAINS = [OURS]
    partner = Partner.objects.create(name="Acme", email_domains=PARTNER)
    Alliance.objects.create(name="Acme", partner=partner)
    box = mbox(tmp_path / "box.mbox", message("q@acme.example", body="Can we move the launch?"))
    fields = {"store_bodies": "on"} if keep else {}
    upload(manager_client, SimpleUploadedFile("box.mbox", box.read_bytes()), **fields)
    preview = manager_client.get(reverse("import_preview"))
    assert preview.context["outcome"].kind == "email"
    assert ("E-mail bodies kept" in preview.content.decode()) is keep
    manager_client.post(reverse("import_run"))
    stored = Interaction.objects.get(external_id="q@acme.example")
    assert stored.body == ("Can we move the launch?" if keep else "")


def test_a_spreadsheet_preview_shows_the_mapped_columns_and_first_rows(
    manager_client: Client, alliance: Alliance
) -> None:
    sheet = "Partner,Last contact,Health score,Notes\nNorthwind Cloud,2025-03-01,4,All good\n"
    upload(manager_client, SimpleUploadedFile("health.csv", sheet.encode()), kind="spreadsheet")
    preview = manager_client.get(reverse("import_preview"))
    assert preview.status_code == 200
    assert preview.context["outcome"].sheet is not None
    body = preview.content.decode()
    assert "How the columns are read" in body and "Last contact" in body
    assert "<td>Northwind Cloud</td>" in body


def test_cancel_deletes_the_upload(manager_client: Client, data_dir: Path) -> None:
    upload(manager_client, bundle_zip(""))
    assert len(waiting_files(data_dir)) == 1
    response = manager_client.post(reverse("import_cancel"), follow=True)
    assert "discarded" in response.content.decode()
    assert waiting_files(data_dir) == []
    assert manager_client.get(reverse("import_preview"))["Location"] == reverse("import_upload")


def test_uploads_older_than_a_day_are_cleaned_up_on_the_next_upload(
    manager_client: Client, data_dir: Path
) -> None:
    upload(manager_client, bundle_zip(""))
    old = waiting_files(data_dir)[0]
    past = time.time() - 2 * 24 * 3600
    os.utime(old.parent, (past, past))
    other = client_for(User.objects.get(username="admin"))
    upload(other, bundle_zip(""))
    assert not old.exists()
    assert len(waiting_files(data_dir)) == 1


def test_an_oversized_upload_is_refused_with_a_message(
    manager_client: Client, settings: Any, data_dir: Path
) -> None:
    settings.RADAR_UPLOAD_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.csv", b"x" * 5000)
    response = upload(manager_client, big)
    assert response.status_code == 400
    assert "uploads are limited to 1000 bytes" in response.content.decode()
    assert waiting_files(data_dir) == []


def test_an_unknown_file_asks_for_its_kind(manager_client: Client) -> None:
    upload(manager_client, SimpleUploadedFile("notes.bin", b"\x00\x01 nothing known"))
    response = manager_client.get(reverse("import_preview"))
    assert response.status_code == 200
    assert "cannot tell what kind of file" in response.content.decode()


def test_an_importer_crash_is_a_friendly_message_not_a_500(
    manager_client: Client, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    from radar.ingest.bundle import BundleImporter

    def explode(*args: object) -> None:
        raise RuntimeError("boom inside the importer")

    monkeypatch.setattr(BundleImporter, "run", explode)
    upload(manager_client, bundle_zip(""))
    response = manager_client.get(reverse("import_preview"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Something went wrong" in body and "boom" not in body
    assert "boom inside the importer" in caplog.text


def test_a_failed_reassessment_still_reports_the_import(
    manager_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from radar.web.imports import effects as import_effects

    def explode(*args: object) -> None:
        raise RuntimeError("engine down")

    monkeypatch.setattr(import_effects, "evaluate_portfolio", explode)
    day = (timezone.localdate() - timedelta(days=3)).isoformat()
    upload(manager_client, bundle_zip(f"Acme co-sell,call,{day},Sync\n"))
    done = manager_client.post(reverse("import_run"), follow=True)
    assert done.status_code == 200
    assert "could not be re-assessed" in done.content.decode()
    assert Interaction.objects.count() == 1


def test_a_path_planted_in_the_session_is_ignored(manager_client: Client, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("Partner\nX\n")
    session = manager_client.session
    session[uploads.SESSION_KEY] = {"path": str(outside), "name": "secret.csv", "size": 10}
    session.save()
    response = manager_client.get(reverse("import_preview"))
    assert response.status_code == 302
    manager_client.post(reverse("import_cancel"))
    assert outside.exists(), "cancel never deletes outside the uploads folder"


@pytest.mark.parametrize("who", ["viewer", "reviewer"])
def test_readers_cannot_upload(users: dict[str, User], who: str, data_dir: Path) -> None:
    client = client_for(users[who])
    assert client.get(reverse("import_upload")).status_code == 403
    assert upload(client, bundle_zip("")).status_code == 403
    assert waiting_files(data_dir) == []


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    response = Client().get(reverse("import_upload"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_forms_carry_csrf_tokens(manager_client: Client) -> None:
    page = manager_client.get(reverse("import_upload")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page and 'enctype="multipart/form-data"' in page
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="manager"))
    assert strict.post(reverse("import_upload"), {"file": bundle_zip("")}).status_code == 403


def test_the_nav_links_to_the_import_page_for_editors_only(users: dict[str, User]) -> None:
    link = f'href="{reverse("import_upload")}"'
    manager_page = client_for(users["manager"]).get(reverse("backtest")).content.decode()
    viewer_page = client_for(users["viewer"]).get(reverse("backtest")).content.decode()
    assert link in manager_page and link not in viewer_page
