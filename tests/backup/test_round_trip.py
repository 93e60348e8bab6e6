"""radar backup / radar restore: everything back, byte for byte, all or nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.db.migrations.loader import MigrationLoader
from django.test import Client, RequestFactory

from radar.api.models import ApiToken
from radar.backup.archive import BackupError, write_backup
from radar.backup.restore import NotEmpty, restore
from radar.backup.schema import IncompatibleBackup
from radar.portfolio.models import Alliance, Assessment, Observation, Partner
from tests.backup.world import build, manifest, members, rewrite

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(alliance: Alliance, fast_passwords: None) -> dict[str, object]:
    return build(alliance)


def test_a_restored_backup_backs_up_to_the_same_bytes(world: dict, tmp_path: Path) -> None:
    first = write_backup(tmp_path / "first.zip").path
    restored = restore(first, replace=True)
    assert restored.counts == manifest(first)["tables"] and restored.files == 1
    second = write_backup(tmp_path / "second.zip").path
    assert members(first) == members(second)
    assert manifest(first)["schema"] == manifest(second)["schema"]


def test_users_roles_tokens_owners_history_and_files_come_back(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    before = list(Assessment.objects.order_by("pk").values_list("pk", "computed_at", "payload"))
    Alliance.objects.all().delete()  # the whole portfolio goes (cascades), and the owner
    Partner.objects.all().delete()
    User.objects.filter(username="maria").delete()
    (Path(settings.MEDIA_ROOT) / "agreements" / "signed.pdf").unlink()
    restore(backup, replace=True)

    sign_in = RequestFactory().post("/accounts/login/")
    owner = authenticate(sign_in, username="maria", password="owner-secret-1")
    assert owner is not None and owner.groups.filter(name="manager").exists()
    alliance = Alliance.objects.get()
    assert alliance.owner == owner
    assert Observation.objects.get().recorded_by == owner
    assert (
        list(Assessment.objects.order_by("pk").values_list("pk", "computed_at", "payload"))
        == before
    )
    api = Client().get("/api/me", headers={"Authorization": f"Bearer {world['token']}"})
    assert api.status_code == 200 and api.json()["username"] == "maria"
    pdf = Path(settings.MEDIA_ROOT) / "agreements" / "signed.pdf"
    assert pdf.read_bytes() == b"%PDF-1.4 not really\n"
    # New rows get fresh keys after the restored ones.
    newest = max(Partner.objects.values_list("pk", flat=True))
    assert Partner.objects.create(name="After the restore").pk > newest


def test_it_refuses_a_database_that_is_not_empty_unless_told(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    Partner.objects.create(name="Added after the backup")
    with pytest.raises(NotEmpty, match="--replace"):
        restore(backup)
    assert Partner.objects.filter(name="Added after the backup").exists()
    restore(backup, replace=True)
    assert not Partner.objects.filter(name="Added after the backup").exists()


def test_a_failing_restore_changes_nothing(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path

    def orphan_alliance(name: str, data: bytes) -> bytes:
        if name == "data/portfolio.Alliance.jsonl":
            return data.replace(b'"partner_id":', b'"partner_id":999999,"x":', 1)
        return data

    broken = rewrite(backup, tmp_path / "broken.zip", change=orphan_alliance)
    changed = members(broken)["data/portfolio.Alliance.jsonl"]
    fixed = rewrite(
        broken,
        tmp_path / "broken2.zip",
        change_manifest=lambda m: (
            m
            | {
                "checksums": m["checksums"]
                | {"data/portfolio.Alliance.jsonl": hashlib.sha256(changed).hexdigest()}
            }
        ),
    )
    Partner.objects.create(name="Still here")
    with pytest.raises(Exception):  # noqa: B017 - the database's own foreign-key error
        restore(fixed, replace=True)
    assert Partner.objects.filter(name="Still here").exists()
    assert Alliance.objects.count() == 1 and ApiToken.objects.count() == 1


def test_it_refuses_a_damaged_backup_before_touching_the_database(
    world: dict, tmp_path: Path
) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    damaged = rewrite(backup, tmp_path / "d.zip", change=lambda n, d: d.replace(b"QBR", b"XYZ"))
    with pytest.raises(BackupError, match="does not match its checksum"):
        restore(damaged, replace=True)


def test_it_refuses_a_backup_from_a_newer_version(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    newer = rewrite(
        backup,
        tmp_path / "n.zip",
        change_manifest=lambda m: (
            m | {"schema": m["schema"] | {"portfolio": [*m["schema"]["portfolio"], "9999_future"]}}
        ),
    )
    with pytest.raises(IncompatibleBackup, match=r"newer version.*portfolio\.9999_future"):
        restore(newer, replace=True)
    other_format = rewrite(
        backup, tmp_path / "f.zip", change_manifest=lambda m: m | {"format_version": 2}
    )
    with pytest.raises(BackupError, match="backup format 2"):
        restore(other_format, replace=True)


def _as_of(recorded: dict[str, list[str]]) -> set[str]:
    """The model labels a database at that schema has."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    leaves = [(app, names[-1]) for app, names in recorded.items() if names]
    state = loader.project_state(leaves, at_end=True)
    return {f"{app}.{model}" for app, model in state.models}


def _older(m: dict) -> dict:
    """The manifest of the same data made one portfolio migration earlier: the
    tables that schema did not have yet (a new read model, say) are not in it."""
    schema = m["schema"] | {"portfolio": m["schema"]["portfolio"][:-1]}
    known = _as_of(schema)
    kept = {label: n for label, n in m["tables"].items() if label.lower() in known}
    return m | {"schema": schema, "tables": kept}


def test_a_backup_of_an_older_schema_is_restored_then_upgraded(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    latest = manifest(backup)["schema"]["portfolio"][-1]
    older = rewrite(backup, tmp_path / "old.zip", change_manifest=_older)
    restored = restore(older, replace=True)
    assert restored.migrated
    assert Alliance.objects.get().owner.username == "maria"
    from radar.backup.schema import applied

    assert latest in applied()["portfolio"]


def test_a_backup_holding_a_table_its_schema_lacks_is_refused(world: dict, tmp_path: Path) -> None:
    backup = write_backup(tmp_path / "b.zip").path
    mixed = rewrite(
        backup,
        tmp_path / "mixed.zip",
        change_manifest=lambda m: m | {"tables": m["tables"] | {"portfolio.Vanished": 0}},
    )
    with pytest.raises(BackupError, match=r"portfolio\.Vanished.*damaged"):
        restore(mixed, replace=True)
    assert Alliance.objects.get().owner.username == "maria"  # nothing replaced
