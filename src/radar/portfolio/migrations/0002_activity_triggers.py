"""Triggers that keep ActivityMonth honest (radar.portfolio.rollup_triggers).

Hand-written: scripts/remigrate.sh regenerates 0001 and keeps this one.
"""

from django.db import migrations

from radar.portfolio import rollup_triggers


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for statement in (*rollup_triggers.create_statements(vendor), rollup_triggers.MARK_EXISTING):
        schema_editor.execute(statement)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    for statement in rollup_triggers.drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
