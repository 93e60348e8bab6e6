"""radar restore against oversized and hostile backups: a clear error, the database unchanged,
and memory bounded (the manifest capped, rows read line by line, files copied in blocks)."""

from __future__ import annotations

import hashlib
import json
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from typer.testing import CliRunner

from radar.backup.archive import BackupError, write_backup
from radar.backup.limits import LineCheck
from radar.backup.restore import restore
from radar.cli import app
from radar.portfolio.models import Alliance, Interaction, Partner
from tests.backup.world import build, manifest, rewrite

pytestmark = pytest.mark.django_db(transaction=True)

MiB = 1024 * 1024
ROWS = "data/portfolio.Interaction.jsonl"


@pytest.fixture(autouse=True)
def _own_media(settings: object, tmp_path: Path) -> None:
    """This module's big files stay out of the media folder the other tests share."""
    settings.MEDIA_ROOT = str(tmp_path / "media")  # type: ignore[attr-defined]


@pytest.fixture
def world(alliance: Alliance, fast_passwords: None) -> dict[str, object]:
    return build(alliance)


@pytest.fixture
def backup(world: dict, tmp_path: Path) -> Path:
    return write_backup(tmp_path / "b.zip").path


def _store() -> tuple[list[str], int, int]:
    """What a failed restore must leave as it was."""
    return (
        sorted(Partner.objects.values_list("name", flat=True)),
        Alliance.objects.count(),
        Interaction.objects.count(),
    )


def _with_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    """A copy of a backup whose member `name` holds `data`, with a matching checksum,
    so only the limits can refuse it."""
    digest = hashlib.sha256(data).hexdigest()
    return rewrite(
        source,
        target,
        change_manifest=lambda m: m | {"checksums": m["checksums"] | {name: digest}},
        change=lambda n, d: data if n == name else d,
    )


def _manifest_bomb(path: Path, size: int) -> Path:
    """A backup whose manifest is a JSON string of `size` bytes: a few hundred KiB zipped."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("manifest.json", "w", force_zip64=True) as member,
    ):
        member.write(b'"')
        block = b" " * MiB
        for _ in range(size // MiB):
            member.write(block)
        member.write(b'"')
    return path


def test_a_manifest_bomb_is_refused_unread(world: dict, tmp_path: Path) -> None:
    bomb = _manifest_bomb(tmp_path / "bomb.zip", 100 * MiB)  # over the 64 MiB default
    assert bomb.stat().st_size < 2 * MiB
    Partner.objects.create(name="Still here")
    before = _store()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BackupError, match=r"manifest\.json is 100 MiB, more than the 64 MiB"):
            restore(bomb, replace=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 8 * MiB  # before: the whole 100 MiB was read, then parsed
    assert _store() == before


@override_settings(RADAR_RESTORE_MAX_MANIFEST_BYTES=1024)
def test_the_manifest_cap_is_a_setting(backup: Path) -> None:
    assert len(json.dumps(manifest(backup))) > 1024
    with pytest.raises(BackupError, match="RADAR_RESTORE_MAX_MANIFEST_BYTES"):
        restore(backup, replace=True)


@override_settings(RADAR_RESTORE_MAX_LINE_BYTES=MiB)
def test_an_endless_row_is_refused_before_the_database_is_touched(
    backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(backup) as archive:
        rows = archive.read(ROWS)
    endless = _with_member(backup, tmp_path / "endless.zip", ROWS, rows + b"x" * (2 * MiB))
    Partner.objects.create(name="Still here")
    before = _store()
    with pytest.raises(BackupError, match=rf"line 2 of {ROWS} is longer than the 1 MiB"):
        restore(endless, replace=True)
    assert _store() == before


@override_settings(RADAR_RESTORE_MAX_BYTES=4096)
def test_a_backup_bigger_than_the_limit_is_refused(backup: Path) -> None:
    Partner.objects.create(name="Still here")
    before = _store()
    with pytest.raises(BackupError, match=r"the backup's content is .* more than the 4 KiB"):
        restore(backup, replace=True)
    assert _store() == before


@pytest.mark.parametrize(
    "change",
    [
        {"tables": ["portfolio.Alliance"]},
        {"checksums": [1, 2]},
        {"schema": "all of it"},
        {"schema": None},
    ],
)
def test_a_manifest_of_the_wrong_shape_is_a_clear_error(
    backup: Path, tmp_path: Path, change: dict
) -> None:
    odd = rewrite(backup, tmp_path / "odd.zip", change_manifest=lambda m: m | change)
    before = _store()
    with pytest.raises(BackupError, match=r"damaged manifest\.json"):
        restore(odd, replace=True)
    assert _store() == before


def test_a_deeply_nested_manifest_is_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.zip"
    with zipfile.ZipFile(deep, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "[" * 200_000 + "]" * 200_000)
    with pytest.raises(BackupError, match=r"no readable manifest\.json"):
        restore(deep, replace=True)


def test_files_are_copied_in_blocks_not_read_whole(world: dict, tmp_path: Path) -> None:
    big = os.urandom(24 * MiB)  # random: the zip cannot shrink it
    (Path(django_settings.MEDIA_ROOT) / "agreements" / "scan.bin").write_bytes(big)
    backup = write_backup(tmp_path / "b.zip").path
    (Path(django_settings.MEDIA_ROOT) / "agreements" / "scan.bin").unlink()
    tracemalloc.start()
    try:
        restored = restore(backup, replace=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert restored.files == 2
    assert (Path(django_settings.MEDIA_ROOT) / "agreements" / "scan.bin").read_bytes() == big
    assert peak < 12 * MiB  # before: the 24 MiB file was held whole


def test_the_cli_says_why_and_exits_with_an_error(world: dict, tmp_path: Path) -> None:
    bomb = _manifest_bomb(tmp_path / "bomb.zip", 100 * MiB)
    result = CliRunner().invoke(app, ["restore", str(bomb), "--replace"])
    assert result.exit_code == 1
    assert "Not restored" in result.output and "RADAR_RESTORE_MAX_MANIFEST_BYTES" in result.output
    assert Alliance.objects.count() == 1


@pytest.mark.parametrize(
    ("blocks", "limit", "fits", "line"),
    [
        ([b"ab\ncd\n"], 2, True, 3),
        ([b"abc\n"], 2, False, 1),
        ([b"a", b"b", b"c"], 2, False, 1),  # a long line split across blocks
        ([b"ab\n", b"cd", b"\nxyz"], 2, False, 3),
        ([b"\n" * 10], 0, True, 11),
    ],
)
def test_the_line_check_follows_lines_across_blocks(
    blocks: list[bytes], limit: int, fits: bool, line: int
) -> None:
    check = LineCheck(limit)
    results = [check.feed(b) for b in blocks]
    assert all(results) is fits and check.line == line
