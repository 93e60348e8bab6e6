"""Keep `ActivityMonth` (monthly interaction totals) in step with the interactions.

Triggers mark every alliance whose interactions, participants or contacts
change (declared in migration 0012); `refresh` recomputes the marked
alliances' months with the very statement an evaluation would otherwise run over
every interaction (radar.portfolio.activity_stats), written in place by one
INSERT … SELECT, so reading a month from here or recomputing it gives the same
numbers. Importers refresh at the end of their
transaction, so the cost lands on the write; an evaluation refreshes whatever
is still marked (a form save, an admin edit) before it reads.

Months are cut in the current time zone (RADAR_TIME_ZONE); the rows say which
zone they were cut in, and a change of zone rebuilds everything on the next read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from radar.portfolio import activity_stats
from radar.portfolio.activity_stats import Alliances, alliance_filter
from radar.portfolio.models import ActivityMonth, ActivityStale

CHUNK = 500  # alliances per recomputing query: bounded parameter lists and memory
STALE = ActivityStale._meta.db_table
MONTHS = ActivityMonth._meta.db_table
MARK_EXISTING = (
    f"INSERT INTO {STALE} (alliance_id, marks) "
    "SELECT DISTINCT alliance_id, 1 FROM portfolio_interaction WHERE TRUE "
    f"ON CONFLICT (alliance_id) DO UPDATE SET marks = {STALE}.marks + 1"
)
# The SQLite insert triggers a bulk writer may stand in for (`bulk_inserting`):
# table -> (trigger name, how to mark the alliances of many rows given "{ids}"
# placeholders for their ids, and which column of a row names them).
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

# A kept month, read back as a month row (activity_stats.MONTH_ROW).
STORED = activity_stats.MONTH_ROW


def zone_name() -> str:
    return str(timezone.get_current_timezone())


def refresh(alliances: Alliances | None = None) -> int:
    """Recompute the months of the marked alliances (all, or those among `alliances`).

    Returns how many alliances were recomputed. Cheap when nothing is marked:
    one read, and no transaction. Plain SQL throughout: for one alliance every
    statement reads or writes its own rows only (index ranges), nothing that
    grows with the portfolio.
    """
    zone = zone_name()
    params: list[Any] = []
    if alliances is None:
        chosen = "TRUE"
    else:
        chosen, params = alliance_filter("alliance_id", alliances)
    # Months cut in another zone: only the alliances asked about are checked (and
    # recut), so refreshing one alliance reads its own rows, not the whole table.
    recut = f"FROM {MONTHS} WHERE zone <> %s AND {chosen}"
    # A plain read first: a page that finds nothing to do takes no write lock, so it
    # never waits for a long import (whose own marks it cannot see until it commits).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT EXISTS (SELECT 1 FROM {STALE} WHERE {chosen}), EXISTS (SELECT 1 {recut})",
            [*params, zone, *params],
        )
        any_marked, any_recut = cursor.fetchone()
    if not any_marked and not any_recut:
        return 0
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with transaction.atomic(), connection.cursor() as cursor:
        if any_recut:
            if alliances is None:
                _mark_everything()
            else:
                cursor.execute(
                    f"INSERT INTO {STALE} (alliance_id, marks) SELECT DISTINCT alliance_id, 1 "
                    f"{recut} ON CONFLICT (alliance_id) DO NOTHING",
                    [zone, *params],
                )
        cursor.execute(
            f"SELECT alliance_id FROM {STALE} WHERE {chosen} ORDER BY alliance_id{lock}", params
        )
        stale = [row[0] for row in cursor.fetchall()]
        for chunk in _chunks(stale):
            _recompute(cursor, chunk, zone)
            # Rows are locked (PostgreSQL) or the database is (SQLite, IMMEDIATE
            # transactions): no write can have added a mark since they were read.
            where, ids = alliance_filter("alliance_id", chunk)
            cursor.execute(f"DELETE FROM {STALE} WHERE {where}", ids)
    return len(stale)


@contextmanager
def bulk_inserting(table: str) -> Iterator[Callable[[Mapping[str, Any]], None]]:
    """Mark the alliances of many inserted rows once, instead of once per row.

    Yields `note(row)`, to be called with every row inserted into `table` inside
    the block. On SQLite, where triggers run for each row, the table's insert
    trigger is dropped for the block and the noted alliances are marked at its
    end; the block must run in a transaction (the drop is part of it: a failure
    rolls it back, and no other connection can write meanwhile). Elsewhere,
    and for tables without such a trigger, the triggers do the marking and
    `note` does nothing.
    """
    known = SQLITE_INSERT_TRIGGERS.get(table)
    if connection.vendor != "sqlite" or known is None:
        yield _ignore
        return
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_inserting needs a transaction (transaction.atomic)")
    name, mark, column = known
    ids: set[int] = set()
    with connection.cursor() as cursor:
        # The trigger comes back as the database holds it (as its migration wrote it).
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [name])
        found = cursor.fetchone()
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        try:
            yield lambda row: ids.add(row[column])
            for chunk in _chunks(sorted(ids)):
                cursor.execute(mark.format(ids=", ".join(["%s"] * len(chunk))), chunk)
        finally:
            if found is not None:
                cursor.execute(found[0])


def _ignore(row: Mapping[str, Any]) -> None:
    """`note` where the database's triggers mark the alliances themselves."""


def rebuild() -> int:
    """Mark every alliance with interactions and recompute all months."""
    with transaction.atomic():
        _mark_everything()
        return refresh()


def _mark_everything() -> None:
    """Drop every kept month and mark every alliance that has interactions."""
    ActivityMonth.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(MARK_EXISTING)


def stored_rows_query(alliances: Alliances, until: date) -> tuple[str, list[Any]]:
    """The SELECT of the kept months of `alliances` before the month `until`, as month
    rows (activity_stats.MONTH_ROW), and its parameters."""
    chosen, params = alliance_filter("alliance_id", alliances)
    sql = f"SELECT {', '.join(STORED)} FROM {MONTHS} WHERE {chosen} AND zone = %s AND month < %s"
    return sql, [*params, zone_name(), connection.ops.adapt_datefield_value(until)]


def _recompute(cursor: Any, ids: list[int], zone: str) -> None:
    """The months of `ids` anew: one delete, one INSERT … SELECT of the month rows."""
    where, params = alliance_filter("alliance_id", ids)
    cursor.execute(f"DELETE FROM {MONTHS} WHERE {where}", params)
    select, params = activity_stats.month_rows_query(ids)
    cursor.execute(
        f"INSERT INTO {MONTHS} ({', '.join(STORED)}, zone) SELECT q.*, %s FROM ({select}) q",
        [zone, *params],
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
