"""Triggers that keep ActivityMonth honest. Hand-written.

This migration created them from live code until issue 14; they are now
declared once, written out in 0012, so forwards this does nothing. Backwards it
still drops them: a database migrated back before 0002 has none.
"""

from django.db import migrations

SQLITE_DROP = tuple(
    f"DROP TRIGGER IF EXISTS activity_stale_{name}"
    for name in (
        "interaction_insert",
        "interaction_update",
        "interaction_delete",
        "participant_insert",
        "participant_update",
        "participant_delete",
        "contact_update",
    )
)
POSTGRESQL_DROP = tuple(
    f"DROP FUNCTION IF EXISTS activity_stale_{name}() CASCADE"
    for name in ("interaction", "participant", "contact")
)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for statement in POSTGRESQL_DROP if vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(migrations.RunPython.noop, drop)]
