"""The import pages say what happened: what was skipped and why, in the user's words."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.models import Alliance, Interaction, Partner
from tests.ingest.email.builders import OURS, PARTNER, mbox, message
from tests.web.imports.test_imports import ics_file, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR  # type: ignore[no-any-return]


@pytest.fixture
def acme(settings: Any) -> Alliance:
    settings.RADAR_OUR_DOMAINS = [OURS]
    partner = Partner.objects.create(name="Acme", email_domains=PARTNER)
    return Alliance.objects.create(name="Acme", partner=partner)


def mailbox(tmp_path: Path, *messages: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("box.mbox", mbox(tmp_path / "box.mbox", *messages).read_bytes())


def internal(n: int) -> bytes:
    return message(f"i{n}@ours.example", sender=f"Olivia <olivia@{OURS}>",
                   to=f"Tom <tom@{OURS}>")  # fmt: skip


def text(response: Any) -> str:
    return " ".join(response.content.decode().split())


def test_a_file_whose_messages_are_all_skipped_says_so_and_why(
    manager_client: Client, acme: Alliance, tmp_path: Path
) -> None:
    auto = message("ooo@acme.example", subject="Automatic reply: Plan")
    upload(manager_client, mailbox(tmp_path, internal(1), internal(2), auto))
    preview = text(manager_client.get(reverse("import_preview")))
    assert "already in the radar" not in preview
    assert "Nothing would be imported: all 3 records would be skipped" in preview
    assert "2 messages skipped: no partner among sender and recipients" in preview
    assert "1 message skipped: automatic replies (out of office" in preview

    done = text(manager_client.post(reverse("import_run"), follow=True))
    assert "already in the radar" not in done
    assert "Nothing was imported: all 3 records were skipped" in done
    assert "2 messages skipped: no partner among sender and recipients" in done
    assert not Interaction.objects.exists()


def test_what_is_already_there_is_told_apart_from_what_was_skipped(
    manager_client: Client, acme: Alliance, tmp_path: Path
) -> None:
    box = mailbox(tmp_path, message("p1@acme.example"), internal(1))
    upload(manager_client, box)
    manager_client.post(reverse("import_run"))
    upload(manager_client, mailbox(tmp_path, message("p1@acme.example"), internal(1)))
    preview = text(manager_client.get(reverse("import_preview")))
    assert "Nothing would change: what the file holds is already in the radar; 1 more" in preview
    assert "1 message skipped: no partner among sender and recipients" in preview


def test_notes_speak_of_the_upload_form_not_of_server_settings(
    manager_client: Client, settings: Any
) -> None:
    settings.RADAR_OUR_DOMAINS = []
    start = timezone.localdate() - timedelta(400)
    partner = Partner.objects.create(name="Northwind", email_domains="northwind.example")
    Alliance.objects.create(name="Northwind Cloud", partner=partner, started_on=start)
    Alliance.objects.create(name="Northwind Data", partner=partner, started_on=start)
    upload(manager_client, ics_file("ada@northwind.example"))
    preview = text(manager_client.get(reverse("import_preview")))
    assert "choose the alliance on the upload form" in preview
    assert "e-mail domains are not configured" in preview
    for server_words in ("RADAR_", "--alliance", "--since", "--our-domain", "--map"):
        assert server_words not in preview, server_words


def test_a_zipped_maildir_is_read_as_mail(
    manager_client: Client, acme: Alliance, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Maildir/cur/1.host:2,S", message("p1@acme.example"))
        archive.writestr("Maildir/new/2.host", message("p2@acme.example"))
    upload(manager_client, SimpleUploadedFile("Maildir.zip", buffer.getvalue()))
    preview = manager_client.get(reverse("import_preview"))
    assert preview.context["outcome"].kind == "email"
    assert preview.context["outcome"].summary.created["interactions"] == 2
    manager_client.post(reverse("import_run"))
    assert Interaction.objects.filter(alliance=acme).count() == 2
