"""The triggers that mark an alliance's monthly totals stale (see models/rollup.py).

Triggers rather than Django signals because signals miss bulk_create, queryset
update/delete and the importers' raw SQL; a trigger sees every write.

- SQLite: row triggers; each does one INSERT OR IGNORE into a table of about
  one row per alliance: a B-tree look-up, and no write once the alliance is
  marked.
- PostgreSQL: statement triggers with transition tables, so a bulk insert of a
  million interactions marks each alliance once per statement instead of
  updating the same mark row a million times inside one transaction.

What marks what: an interaction marks its alliance (old and new one on
update); a participant marks its contact's alliance, because distinct partner
people are counted per contact's alliance; a contact whose side, alliance or
role changes marks both alliances (its past participations count differently:
executive sponsors' meetings are counted apart).
"""

from __future__ import annotations

STALE = "portfolio_activitystale"

_UPSERT = f" ON CONFLICT (alliance_id) DO UPDATE SET marks = {STALE}.marks + 1"


def _sqlite_mark(alliance_sql: str) -> str:
    # OR IGNORE, not an upsert: an alliance already marked costs one look-up and no
    # page write (an import inserts hundreds of thousands of rows). Counting marks
    # is not needed on SQLite: its write transactions run one at a time, so none
    # can mark an alliance while a refresh recomputes it.
    return f"INSERT OR IGNORE INTO {STALE} (alliance_id, marks) SELECT {alliance_sql};"


def _sqlite_contact_of(row: str) -> str:
    return f"alliance_id, 1 FROM portfolio_contact WHERE id = {row}.contact_id"


SQLITE_CREATE: tuple[str, ...] = (
    "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_insert "
    "AFTER INSERT ON portfolio_interaction BEGIN " + _sqlite_mark("NEW.alliance_id, 1") + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_update "
    "AFTER UPDATE ON portfolio_interaction BEGIN "
    + _sqlite_mark("NEW.alliance_id, 1")
    + _sqlite_mark("OLD.alliance_id, 1 WHERE OLD.alliance_id <> NEW.alliance_id")
    + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_interaction_delete "
    "AFTER DELETE ON portfolio_interaction BEGIN " + _sqlite_mark("OLD.alliance_id, 1") + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_insert "
    "AFTER INSERT ON portfolio_interactionparticipant BEGIN "
    + _sqlite_mark(_sqlite_contact_of("NEW"))
    + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_update "
    "AFTER UPDATE ON portfolio_interactionparticipant BEGIN "
    + _sqlite_mark(_sqlite_contact_of("NEW"))
    + _sqlite_mark(_sqlite_contact_of("OLD"))
    + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_participant_delete "
    "AFTER DELETE ON portfolio_interactionparticipant BEGIN "
    + _sqlite_mark(_sqlite_contact_of("OLD"))
    + " END",
    "CREATE TRIGGER IF NOT EXISTS activity_stale_contact_update "
    "AFTER UPDATE OF side, alliance_id, role ON portfolio_contact BEGIN "
    + _sqlite_mark("NEW.alliance_id, 1")
    + _sqlite_mark("OLD.alliance_id, 1 WHERE OLD.alliance_id <> NEW.alliance_id")
    + " END",
)

# The SQLite insert triggers a bulk writer may stand in for (radar.portfolio.rollup.
# bulk_inserting): table -> (trigger name, how to mark the alliances of many rows,
# given "?"-free placeholders for their ids, and which column of a row names them).
SQLITE_INSERT_TRIGGERS: dict[str, tuple[str, str, str]] = {
    "portfolio_interaction": (
        "activity_stale_interaction_insert",
        f"INSERT OR IGNORE INTO {STALE} (alliance_id, marks) "
        "SELECT DISTINCT id, 1 FROM portfolio_alliance WHERE id IN ({ids})",
        "alliance_id",
    ),
    "portfolio_interactionparticipant": (
        "activity_stale_participant_insert",
        f"INSERT OR IGNORE INTO {STALE} (alliance_id, marks) "
        "SELECT DISTINCT alliance_id, 1 FROM portfolio_contact WHERE id IN ({ids})",
        "contact_id",
    ),
}


def sqlite_create(name: str) -> str:
    """The CREATE TRIGGER statement of one SQLite trigger."""
    (statement,) = (s for s in SQLITE_CREATE if s.split()[5] == name)
    return statement


SQLITE_DROP: tuple[str, ...] = tuple(
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "activity_stale_interaction_insert",
        "activity_stale_interaction_update",
        "activity_stale_interaction_delete",
        "activity_stale_participant_insert",
        "activity_stale_participant_update",
        "activity_stale_participant_delete",
        "activity_stale_contact_update",
    )
)


def _pg_mark(select: str) -> str:
    rows = f"SELECT DISTINCT a, 1 FROM ({select}) m(a)"
    return f"INSERT INTO {STALE} (alliance_id, marks) {rows}{_UPSERT};"


# One function per watched table; TG_OP says which transition tables exist.
_PG_FUNCTIONS = {
    "interaction": (
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
        + _pg_mark("SELECT alliance_id FROM new_rows")
        + " END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN "
        + _pg_mark("SELECT alliance_id FROM old_rows")
        + " END IF;"
    ),
    "participant": (
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
        + _pg_mark(
            "SELECT c.alliance_id FROM new_rows r JOIN portfolio_contact c ON c.id = r.contact_id"
        )
        + " END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN "
        + _pg_mark(
            "SELECT c.alliance_id FROM old_rows r JOIN portfolio_contact c ON c.id = r.contact_id"
        )
        + " END IF;"
    ),
    "contact": (
        _pg_mark(
            "SELECT n.alliance_id FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "WHERE n.side <> o.side OR n.alliance_id <> o.alliance_id OR n.role <> o.role "
            "UNION SELECT o.alliance_id FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "WHERE n.side <> o.side OR n.alliance_id <> o.alliance_id OR n.role <> o.role"
        )
    ),
}
_PG_TABLES = {
    "interaction": "portfolio_interaction",
    "participant": "portfolio_interactionparticipant",
    "contact": "portfolio_contact",
}
_PG_EVENTS = {
    "interaction": ("INSERT", "UPDATE", "DELETE"),
    "participant": ("INSERT", "UPDATE", "DELETE"),
    "contact": ("UPDATE",),
}
_PG_TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _pg_create() -> tuple[str, ...]:
    statements: list[str] = []
    for name, body in _PG_FUNCTIONS.items():
        function = f"activity_stale_{name}"
        statements.append(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {body} RETURN NULL; END $$"
        )
        for event in _PG_EVENTS[name]:
            # Transition tables allow one event per trigger.
            statements.append(
                f"CREATE TRIGGER {function}_{event.lower()} AFTER {event} ON {_PG_TABLES[name]} "
                f"REFERENCING {_PG_TRANSITIONS[event]} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {function}()"
            )
    return tuple(statements)


POSTGRES_CREATE = _pg_create()
POSTGRES_DROP: tuple[str, ...] = tuple(
    f"DROP FUNCTION IF EXISTS activity_stale_{name}() CASCADE" for name in _PG_FUNCTIONS
)

# Alliances that already have interactions when the triggers arrive start stale.
MARK_EXISTING = (
    f"INSERT INTO {STALE} (alliance_id, marks) "
    "SELECT DISTINCT alliance_id, 1 FROM portfolio_interaction WHERE TRUE" + _UPSERT
)


def create_statements(vendor: str) -> tuple[str, ...]:
    if vendor == "postgresql":
        return POSTGRES_CREATE
    if vendor == "sqlite":
        return SQLITE_CREATE
    raise NotImplementedError(f"no activity triggers for the {vendor} database")


def drop_statements(vendor: str) -> tuple[str, ...]:
    return POSTGRES_DROP if vendor == "postgresql" else SQLITE_DROP
