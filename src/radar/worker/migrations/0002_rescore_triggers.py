"""Triggers that mark alliances for re-scoring. Hand-written.

This migration created them from live code until issue 14; they are now
declared once, written out in portfolio 0013 (after the last table rebuild), so
forwards this does nothing. Backwards it still drops them: their marks table
goes with 0001.
"""

from django.db import migrations

# Watched tables, without their "portfolio_" prefix.
TABLES = (
    "alliance",
    "contact",
    "deliverable",
    "metricdefinition",
    "survey",
    "observation",
    "contextfactor",
    "checkin",
    "decision",
    "agreement",
    "goal",
    "governancebody",
    "metricvalue",
    "surveyresponse",
    "actionitem",
)
SQLITE_DROP = (
    *(
        f"DROP TRIGGER IF EXISTS rescore_{table}_{event}"
        for table in TABLES
        for event in ("insert", "update", "delete")
    ),
    "DROP TRIGGER IF EXISTS rescore_activitystale_insert",
)
POSTGRESQL_DROP = tuple(
    f"DROP FUNCTION IF EXISTS rescore_{name}() CASCADE" for name in (*TABLES, "activitystale")
)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for statement in POSTGRESQL_DROP if vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("worker", "0001_jobs_and_marks"),
        ("portfolio", "0002_activity_triggers"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, drop)]
