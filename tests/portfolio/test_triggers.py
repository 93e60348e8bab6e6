"""The triggers in the database are exactly the expected ones (portfolio 0012 and 0013).

The expected set is written out here, apart from the migrations that declare the
triggers: a trigger lost to a SQLite table rebuild, one left behind, or one on the
wrong table fails these tests, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from radar.portfolio import models as m
from radar.worker.apps import sqlite_statements

EVENTS = ("insert", "update", "delete")
# Tables whose writes mark their alliance for re-scoring (without "portfolio_").
RESCORED = (
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
# Trigger -> (table, PostgreSQL function) of the monthly totals' stale marks.
ACTIVITY = {
    **{
        f"activity_stale_interaction_{e}": ("interaction", "activity_stale_interaction")
        for e in EVENTS
    },
    **{
        f"activity_stale_participant_{e}": ("interactionparticipant", "activity_stale_participant")
        for e in EVENTS
    },
    "activity_stale_contact_update": ("contact", "activity_stale_contact"),
}


def expected() -> set[tuple[str, str, str]]:
    """(trigger, table, function) triples; SQLite triggers have no function."""
    sqlite = connection.vendor == "sqlite"
    found = {
        (name, f"portfolio_{table}", "" if sqlite else function)
        for name, (table, function) in ACTIVITY.items()
    }
    found |= {
        (f"rescore_{table}_{e}", f"portfolio_{table}", "" if sqlite else f"rescore_{table}")
        for table in RESCORED
        for e in EVENTS
    }
    if sqlite:
        found.add(("rescore_activitystale_insert", "portfolio_activitystale", ""))
    else:
        found.add(("rescore_activitystale", "portfolio_activitystale", "rescore_activitystale"))
    return found


def present() -> set[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, tbl_name, '' FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT t.tgname, c.relname, p.proname FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal"
            )
        return {tuple(row) for row in cursor.fetchall()}  # type: ignore[misc]


@pytest.mark.django_db
def test_a_migrated_database_has_exactly_the_expected_triggers() -> None:
    assert present() == expected()


@pytest.mark.django_db
def test_the_worker_restores_its_sqlite_triggers_as_migrated() -> None:
    """What the worker app puts back after a migrate (radar.worker.apps) is what the
    migrations created: it reads the migration that declares the triggers."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL keeps triggers through ALTER TABLE")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        migrated = dict(cursor.fetchall())
        for statement in sqlite_statements("SQLITE_DROP"):
            cursor.execute(statement)
    assert not {name for name, _, _ in present()} & {n for n in migrated if "rescore" in n}
    emit_post_migrate_signal(0, False, connection.alias)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        assert dict(cursor.fetchall()) == migrated


def stale() -> set[int]:
    return set(m.ActivityStale.objects.values_list("alliance_id", flat=True))


@pytest.mark.django_db(transaction=True)
def test_migrating_back_and_forth_keeps_the_triggers_and_marks_only_when_one_was_missing() -> None:
    partner = m.Partner.objects.create(name="Northwind Inc")
    alliance = m.Alliance.objects.create(name="Northwind", partner=partner)
    m.Interaction.objects.create(
        alliance=alliance, kind="email", occurred_at=datetime(2026, 3, 1, tzinfo=UTC)
    )
    m.ActivityStale.objects.all().delete()

    call_command("migrate", "portfolio", "0011", verbosity=0)
    call_command("migrate", verbosity=0)
    assert present() == expected()
    assert stale() == set()  # every trigger was there: nothing was missed

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER activity_stale_contact_update")
        else:
            cursor.execute("DROP TRIGGER activity_stale_contact_update ON portfolio_contact")
    call_command("migrate", "portfolio", "0011", verbosity=0)
    call_command("migrate", verbosity=0)
    assert present() == expected()
    assert stale() == {alliance.id}  # a write may have been missed: recomputed
