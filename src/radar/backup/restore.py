"""`radar restore`: refuse a non-empty database unless told, then load all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DatabaseError, connection

from radar.backup import tables
from radar.backup.archive import BackupError, media_root, open_backup, restore_files
from radar.backup.load import load_all
from radar.backup.schema import current, migrate_to

# Rows that `radar migrate` itself creates: a database holding only these is empty.
CREATED_BY_MIGRATE = frozenset({"auth.group"})


class NotEmpty(BackupError):
    """The database (or media folder) holds data and --replace was not given."""


@dataclass
class Restored:
    counts: dict[str, int]
    files: int
    migrated: bool  # the backup's schema was older: migrations ran after loading


def holdings() -> list[str]:
    """What the current database and media folder hold, as "label (rows)"."""
    existing = set(connection.introspection.table_names())
    found = []
    for model in tables.backed_up(apps):
        if model._meta.label_lower in CREATED_BY_MIGRATE or model._meta.db_table not in existing:
            continue
        try:
            count = model._base_manager.count()
        except DatabaseError:  # a table of another schema: treated as holding data
            count = -1
        if count:
            found.append(f"{model._meta.label} ({count if count > 0 else '?'} rows)")
    root = media_root()
    if root.is_dir() and any(root.iterdir()):
        found.append(f"files in {root}")
    return found


def restore(path: Path, replace: bool = False) -> Restored:
    with open_backup(path) as backup:
        held = holdings()
        if held and not replace:
            shown = ", ".join(held[:6]) + (" …" if len(held) > 6 else "")
            raise NotEmpty(
                f"This database is not empty ({shown}). Restoring replaces everything in it: "
                "run again with --replace to do so, or restore into a new database."
            )
        recorded = backup.manifest["schema"]
        same = recorded == current()
        registry = migrate_to(recorded)
        # Content types and permissions of that schema, for the natural keys.
        emit_post_migrate_signal(0, False, connection.alias, apps=registry, plan=[])
        try:
            counts = load_all(registry, backup.labels, backup.lines)
        finally:
            if not same:
                call_command("migrate", interactive=False, verbosity=0)
        files = restore_files(backup)
    return Restored(counts, files, migrated=not same)
