"""Database triggers that mark an alliance for re-scoring whenever its data changes.

Triggers rather than Django signals: signals miss bulk_create, queryset updates
and the importers' raw SQL, a trigger sees every write. Each trigger touches only
the written rows' alliances; nothing in a write scans the portfolio. A change of
a portfolio-wide context factor (no alliance) marks nothing: the nightly run
assesses everyone.

Interactions and their participants are not watched here: they already mark
their alliance's monthly totals stale (radar.portfolio.rollup_triggers), so a
new `ActivityStale` row marks the alliance for re-scoring too. That keeps the
per-row cost of a million-interaction import where it was.

The mark is an upsert that only writes when the alliance is not already
pending (a bulk import of many rows of one alliance writes one mark):
- SQLite: row triggers;
- PostgreSQL: statement triggers with transition tables (one upsert per
  statement), and a row trigger on the few `ActivityStale` rows.
"""

from __future__ import annotations

MARKS = "worker_rescoremark"

# Watched table -> how a row names its alliance: a column of the row, or
# (parent table, the row's column pointing at it) for rows that hang off a parent.
DIRECT: dict[str, str] = {
    "portfolio_alliance": "id",
    "portfolio_contact": "alliance_id",
    "portfolio_deliverable": "alliance_id",
    "portfolio_metricdefinition": "alliance_id",
    "portfolio_survey": "alliance_id",
    "portfolio_observation": "alliance_id",
    "portfolio_contextfactor": "alliance_id",
    "portfolio_checkin": "alliance_id",
    "portfolio_decision": "alliance_id",
    "portfolio_agreement": "alliance_id",
    "portfolio_goal": "alliance_id",
    "portfolio_governancebody": "alliance_id",
}
VIA_PARENT: dict[str, tuple[str, str]] = {
    "portfolio_metricvalue": ("portfolio_metricdefinition", "metric_id"),
    "portfolio_surveyresponse": ("portfolio_survey", "survey_id"),
    "portfolio_actionitem": ("portfolio_decision", "decision_id"),
}
EVENTS = ("INSERT", "UPDATE", "DELETE")
STALE_ACTIVITY = "portfolio_activitystale"


def _short(table: str) -> str:
    return table.removeprefix("portfolio_")


# --- SQLite ---------------------------------------------------------------


def _sqlite_alliance(table: str, row: str) -> str:
    """A SELECT of the alliance id of `row` (NEW or OLD), with a WHERE clause (the
    upsert after a SELECT needs one to parse)."""
    if table in DIRECT:
        column = f"{row}.{DIRECT[table]}"
        return f"SELECT {column}, 1 WHERE {column} IS NOT NULL"
    parent, column = VIA_PARENT[table]
    return f"SELECT alliance_id, 1 FROM {parent} WHERE id = {row}.{column}"


def _sqlite_mark(select: str) -> str:
    return (
        f"INSERT INTO {MARKS} (alliance_id, pending) {select} "
        f"ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0;"
    )


def _sqlite_trigger(table: str, event: str) -> str:
    rows = {"INSERT": ("NEW",), "UPDATE": ("NEW", "OLD"), "DELETE": ("OLD",)}[event]
    body = " ".join(_sqlite_mark(_sqlite_alliance(table, row)) for row in rows)
    name = f"rescore_{_short(table)}_{event.lower()}"
    return f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN {body} END"


def _sqlite_statements() -> tuple[str, ...]:
    statements = [
        _sqlite_trigger(table, event) for table in (*DIRECT, *VIA_PARENT) for event in EVENTS
    ]
    statements.append(
        f"CREATE TRIGGER IF NOT EXISTS rescore_activitystale_insert AFTER INSERT "
        f"ON {STALE_ACTIVITY} BEGIN "
        + _sqlite_mark("SELECT NEW.alliance_id, 1 WHERE TRUE")
        + " END"
    )
    return tuple(statements)


def _sqlite_drop() -> tuple[str, ...]:
    names = [f"rescore_{_short(t)}_{e.lower()}" for t in (*DIRECT, *VIA_PARENT) for e in EVENTS]
    return tuple(
        f"DROP TRIGGER IF EXISTS {name}" for name in [*names, "rescore_activitystale_insert"]
    )


# --- PostgreSQL -----------------------------------------------------------

_PG_UPSERT = (
    f" ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE {MARKS}.pending = FALSE;"
)


def _pg_alliances(table: str, rows: str) -> str:
    if table in DIRECT:
        return f"SELECT {DIRECT[table]} FROM {rows}"
    parent, column = VIA_PARENT[table]
    return f"SELECT p.alliance_id FROM {rows} r JOIN {parent} p ON p.id = r.{column}"


def _pg_mark(select: str) -> str:
    return (
        f"INSERT INTO {MARKS} (alliance_id, pending) "
        f"SELECT DISTINCT a, TRUE FROM ({select}) m(a) WHERE a IS NOT NULL" + _PG_UPSERT
    )


_PG_TRANSITIONS = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _pg_table(table: str) -> list[str]:
    function = f"rescore_{_short(table)}"
    body = (
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
        + _pg_mark(_pg_alliances(table, "new_rows"))
        + " END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN "
        + _pg_mark(_pg_alliances(table, "old_rows"))
        + " END IF;"
    )
    statements = [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {body} RETURN NULL; END $$"
    ]
    for event in EVENTS:
        # Transition tables allow one event per trigger.
        statements.append(
            f"CREATE TRIGGER {function}_{event.lower()} AFTER {event} ON {table} "
            f"REFERENCING {_PG_TRANSITIONS[event]} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {function}()"
        )
    return statements


def _pg_statements() -> tuple[str, ...]:
    statements = [s for table in (*DIRECT, *VIA_PARENT) for s in _pg_table(table)]
    statements += [
        "CREATE OR REPLACE FUNCTION rescore_activitystale() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN INSERT INTO {MARKS} (alliance_id, pending) VALUES (NEW.alliance_id, TRUE)"
        + _PG_UPSERT
        + " RETURN NULL; END $$",
        # A row trigger: the activity triggers' upsert inserts or updates a handful of rows.
        f"CREATE TRIGGER rescore_activitystale AFTER INSERT OR UPDATE ON {STALE_ACTIVITY} "
        "FOR EACH ROW EXECUTE FUNCTION rescore_activitystale()",
    ]
    return tuple(statements)


def _pg_drop() -> tuple[str, ...]:
    names = [f"rescore_{_short(t)}" for t in (*DIRECT, *VIA_PARENT)] + ["rescore_activitystale"]
    return tuple(f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name in names)


def create_statements(vendor: str) -> tuple[str, ...]:
    if vendor == "postgresql":
        return _pg_statements()
    if vendor == "sqlite":
        return _sqlite_statements()
    raise NotImplementedError(f"no re-score triggers for the {vendor} database")


def drop_statements(vendor: str) -> tuple[str, ...]:
    return _pg_drop() if vendor == "postgresql" else _sqlite_drop()
