"""Triggers that mark alliances for re-scoring (radar.worker.rescore_triggers). Hand-written."""

from django.db import migrations

from radar.worker import rescore_triggers


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    for statement in rescore_triggers.create_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    for statement in rescore_triggers.drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("worker", "0001_jobs_and_marks"),
        ("portfolio", "0002_activity_triggers"),
    ]

    operations = [migrations.RunPython(create, drop)]
