"""The triggers that mark an alliance's monthly totals stale, at their latest version.

Hand-written, and frozen: the statements are written out here, not imported, so
this migration does the same thing whatever later code says. Until issue 14 they
came from live code (radar.portfolio.rollup_triggers), created by 0002 and
created again by 0003, 0010 and 0011 around SQLite's table rebuilds; those steps
are gone, and every trigger is declared once, here. A later migration that
changes one writes its new statement out in full.

Why triggers, and what marks what (see radar.portfolio.rollup):
- an interaction marks its alliance (old and new one on update); a participant
  marks its contact's alliance (distinct partner people are counted per contact's
  alliance); a contact whose side, alliance or role changes marks both alliances.
- SQLite: row triggers, one INSERT OR IGNORE each (no page write once marked;
  SQLite's writers run one at a time, so counting marks is not needed).
- PostgreSQL: statement triggers with transition tables (one upsert per
  statement), counting marks so a refresh can tell a mark added meanwhile.

A database that already has every trigger (one migrated by 0011) gets the same
ones again and nothing is marked. One that misses any (a new database, or one
whose SQLite rebuilds dropped some) marks every alliance with interactions, so
its totals are recomputed. Backwards this does nothing: the state before it had
these triggers; 0002 drops them when migrating back past it.
"""

from django.db import migrations

SQLITE = (
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_insert AFTER INSERT ON "
        "portfolio_interaction BEGIN INSERT OR IGNORE INTO portfolio_activitystale (alliance_id, "
        "marks) SELECT NEW.alliance_id, 1; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_update AFTER UPDATE ON "
        "portfolio_interaction BEGIN INSERT OR IGNORE INTO portfolio_activitystale (alliance_id, "
        "marks) SELECT NEW.alliance_id, 1;INSERT OR IGNORE INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id <> NEW.alliance_id; "
        "END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_delete AFTER DELETE ON "
        "portfolio_interaction BEGIN INSERT OR IGNORE INTO portfolio_activitystale (alliance_id, "
        "marks) SELECT OLD.alliance_id, 1; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_insert AFTER INSERT ON "
        "portfolio_interactionparticipant BEGIN INSERT OR IGNORE INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT alliance_id, 1 FROM portfolio_contact WHERE id = "
        "NEW.contact_id; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_update AFTER UPDATE ON "
        "portfolio_interactionparticipant BEGIN INSERT OR IGNORE INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT alliance_id, 1 FROM portfolio_contact WHERE id = "
        "NEW.contact_id;INSERT OR IGNORE INTO portfolio_activitystale (alliance_id, marks) SELECT "
        "alliance_id, 1 FROM portfolio_contact WHERE id = OLD.contact_id; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_delete AFTER DELETE ON "
        "portfolio_interactionparticipant BEGIN INSERT OR IGNORE INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT alliance_id, 1 FROM portfolio_contact WHERE id = "
        "OLD.contact_id; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS activity_stale_contact_update AFTER UPDATE OF side, "
        "alliance_id, role ON portfolio_contact BEGIN INSERT OR IGNORE INTO "
        "portfolio_activitystale (alliance_id, marks) SELECT NEW.alliance_id, 1;INSERT OR IGNORE "
        "INTO portfolio_activitystale (alliance_id, marks) SELECT OLD.alliance_id, 1 WHERE "
        "OLD.alliance_id <> NEW.alliance_id; END"
    ),
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS activity_stale_interaction_insert",
    "DROP TRIGGER IF EXISTS activity_stale_interaction_update",
    "DROP TRIGGER IF EXISTS activity_stale_interaction_delete",
    "DROP TRIGGER IF EXISTS activity_stale_participant_insert",
    "DROP TRIGGER IF EXISTS activity_stale_participant_update",
    "DROP TRIGGER IF EXISTS activity_stale_participant_delete",
    "DROP TRIGGER IF EXISTS activity_stale_contact_update",
)
POSTGRESQL = (
    (
        "CREATE OR REPLACE FUNCTION activity_stale_interaction() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT DISTINCT a, 1 FROM (SELECT alliance_id FROM new_rows) m(a) "
        "ON CONFLICT (alliance_id) DO UPDATE SET marks = portfolio_activitystale.marks + 1; END "
        "IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT DISTINCT a, 1 FROM (SELECT alliance_id FROM old_rows) m(a) "
        "ON CONFLICT (alliance_id) DO UPDATE SET marks = portfolio_activitystale.marks + 1; END "
        "IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER activity_stale_interaction_insert AFTER INSERT ON portfolio_interaction "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "activity_stale_interaction()"
    ),
    (
        "CREATE TRIGGER activity_stale_interaction_update AFTER UPDATE ON portfolio_interaction "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION activity_stale_interaction()"
    ),
    (
        "CREATE TRIGGER activity_stale_interaction_delete AFTER DELETE ON portfolio_interaction "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "activity_stale_interaction()"
    ),
    (
        "CREATE OR REPLACE FUNCTION activity_stale_participant() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO portfolio_activitystale "
        "(alliance_id, marks) SELECT DISTINCT a, 1 FROM (SELECT c.alliance_id FROM new_rows r "
        "JOIN portfolio_contact c ON c.id = r.contact_id) m(a) ON CONFLICT (alliance_id) DO "
        "UPDATE SET marks = portfolio_activitystale.marks + 1; END IF; IF TG_OP IN ('UPDATE', "
        "'DELETE') THEN INSERT INTO portfolio_activitystale (alliance_id, marks) SELECT DISTINCT "
        "a, 1 FROM (SELECT c.alliance_id FROM old_rows r JOIN portfolio_contact c ON c.id = "
        "r.contact_id) m(a) ON CONFLICT (alliance_id) DO UPDATE SET marks = "
        "portfolio_activitystale.marks + 1; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER activity_stale_participant_insert AFTER INSERT ON "
        "portfolio_interactionparticipant REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION activity_stale_participant()"
    ),
    (
        "CREATE TRIGGER activity_stale_participant_update AFTER UPDATE ON "
        "portfolio_interactionparticipant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION activity_stale_participant()"
    ),
    (
        "CREATE TRIGGER activity_stale_participant_delete AFTER DELETE ON "
        "portfolio_interactionparticipant REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION activity_stale_participant()"
    ),
    (
        "CREATE OR REPLACE FUNCTION activity_stale_contact() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN INSERT INTO portfolio_activitystale (alliance_id, marks) SELECT DISTINCT a, 1 "
        "FROM (SELECT n.alliance_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.side "
        "<> o.side OR n.alliance_id <> o.alliance_id OR n.role <> o.role UNION SELECT "
        "o.alliance_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.side <> o.side OR "
        "n.alliance_id <> o.alliance_id OR n.role <> o.role) m(a) ON CONFLICT (alliance_id) DO "
        "UPDATE SET marks = portfolio_activitystale.marks + 1; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER activity_stale_contact_update AFTER UPDATE ON portfolio_contact "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION activity_stale_contact()"
    ),
)
POSTGRESQL_DROP = (
    "DROP FUNCTION IF EXISTS activity_stale_interaction() CASCADE",
    "DROP FUNCTION IF EXISTS activity_stale_participant() CASCADE",
    "DROP FUNCTION IF EXISTS activity_stale_contact() CASCADE",
)
# Alliances that already have interactions when the triggers arrive start stale.
MARK_EXISTING = (
    "INSERT INTO portfolio_activitystale (alliance_id, marks) "
    "SELECT DISTINCT alliance_id, 1 FROM portfolio_interaction WHERE TRUE "
    "ON CONFLICT (alliance_id) DO UPDATE SET marks = portfolio_activitystale.marks + 1"
)
NAMES = (
    "activity_stale_interaction_insert",
    "activity_stale_interaction_update",
    "activity_stale_interaction_delete",
    "activity_stale_participant_insert",
    "activity_stale_participant_update",
    "activity_stale_participant_delete",
    "activity_stale_contact_update",
)
_PRESENT = {
    "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})",
    "postgresql": "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname IN ({names})",
}


def _all_present(schema_editor):  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    query = _PRESENT[connection.vendor].format(names=", ".join(["%s"] * len(NAMES)))
    with connection.cursor() as cursor:
        cursor.execute(query, NAMES)
        (count,) = cursor.fetchone()
    return count == len(NAMES)


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no activity triggers for the {vendor} database")
    complete = _all_present(schema_editor)
    drop, make = (SQLITE_DROP, SQLITE) if vendor == "sqlite" else (POSTGRESQL_DROP, POSTGRESQL)
    for statement in (*drop, *make):
        schema_editor.execute(statement)
    if not complete:
        schema_editor.execute(MARK_EXISTING)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0011_engine_inputs_and_nullable_score")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
