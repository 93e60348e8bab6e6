"""A Maildir that arrives as a .zip (a browser uploads files, not folders) is read as a Maildir."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from radar.ingest import registry
from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, Contact, Interaction
from tests.ingest.email.builders import OURS, PARTNER, message
from tests.ingest.email.conftest import RunEmail, corpus_files, make_alliance
from tests.ingest.email.test_lkml import snapshot

pytestmark = pytest.mark.django_db


def zipped(target: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def test_the_zipped_lkml_maildir_gives_the_same_rows_as_the_folder(
    lkml: Path, alliances: dict[str, Alliance], run_email: RunEmail, tmp_path: Path
):
    run_email(lkml)
    from_folder = snapshot()
    Interaction.objects.all().delete()
    Contact.objects.all().delete()
    members = {f"Maildir/cur/{f.name}": f.read_bytes() for f in corpus_files(lkml)}
    box = zipped(tmp_path / "lkml.zip", members)
    assert registry.detect(box).kind == "email"
    summary = run_email(box)
    assert summary.created["interactions"] == len(from_folder)
    assert snapshot() == from_folder
    assert not run_email(box).changed


def test_maildir_plus_plus_folders_count_and_mac_litter_does_not(
    run_email: RunEmail, tmp_path: Path, settings: pytest.FixtureRequest
):
    settings.RADAR_OUR_DOMAINS = [OURS]  # type: ignore[attr-defined]
    make_alliance("Acme", PARTNER)
    sent = message("s1@ours.example", sender=f"Olivia <olivia@{OURS}>", to=f"Ann <ann@{PARTNER}>")
    box = zipped(
        tmp_path / "mail.zip",
        {
            "Maildir/cur/1.host:2,S": message("m1@acme.example"),
            "Maildir/new/2.host": message("m2@acme.example"),
            "Maildir/.Sent/cur/3.host:2,S": sent,
            "__MACOSX/Maildir/cur/._1.host:2,S": b"\x00\x05\x16\x07 resource fork",
            "Maildir/.DS_Store": b"\x00\x00\x00\x01Bud1",
        },
    )
    summary = run_email(box)
    assert set(Interaction.objects.values_list("external_id", flat=True)) == {
        "m1@acme.example",
        "m2@acme.example",
        "s1@ours.example",
    }
    assert not summary.skipped  # the litter is not even read


def test_a_zip_of_eml_files_is_mail_and_a_bundle_zip_is_not(tmp_path: Path):
    emls = zipped(tmp_path / "saved.zip", {"a.eml": message("a@acme.example")})
    assert registry.detect(emls).kind == "email"
    bundle = zipped(tmp_path / "bundle.zip", {"partners.csv": b"name\nAcme\n"})
    assert registry.detect(bundle).kind == "bundle"


def test_a_zip_without_mail_is_a_clear_problem(run_email: RunEmail, tmp_path: Path):
    other = zipped(tmp_path / "photos.zip", {"holiday/beach.jpg": b"\xff\xd8\xff"})
    with pytest.raises(ImportFailed) as failed:
        run_email(other)
    (problem,) = failed.value.problems
    assert "no Maildir" in problem.message and problem.file == "photos.zip"
