"""Keep `ActivityMonth` (monthly interaction totals) in step with the interactions.

Triggers mark every alliance whose interactions, participants or contacts
change (declared in migration 0012); `refresh` recomputes the marked
alliances' months with the very queries an evaluation would otherwise run over
every interaction (radar.portfolio.aggregate), so reading a month from here or
recomputing it gives the same numbers. Importers refresh at the end of their
transaction, so the cost lands on the write; an evaluation refreshes whatever
is still marked (a form save, an admin edit) before it reads.

Months are cut in the current time zone (RADAR_TIME_ZONE); the rows say which
zone they were cut in, and a change of zone rebuilds everything on the next read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from radar.portfolio import aggregate
from radar.portfolio.models import ActivityMonth, ActivityStale, Alliance, Interaction

CHUNK = 500  # alliances per recomputing query: bounded parameter lists and memory
STALE = ActivityStale._meta.db_table
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

# Stored column for each aggregate of `aggregate._measures` (the n_ prefix dropped).
COLUMNS: dict[str, str] = {name: name[2:] for name in aggregate.measure_names()}
# A kept month read back in the shape of `aggregate.stats_from_rows` rows.
PEOPLE = ("partner_people", "sponsor_invited", "sponsor_attended")  # from the participants
STORED = ("alliance_id", "month", *PEOPLE, *COLUMNS.values())


def zone_name() -> str:
    return str(timezone.get_current_timezone())


def refresh(alliances: QuerySet[Alliance] | Sequence[int] | None = None) -> int:
    """Recompute the months of the marked alliances (all, or those among `alliances`).

    Returns how many alliances were recomputed. Cheap when nothing is marked:
    two reads, and no transaction.
    """
    zone = zone_name()
    marked = ActivityStale.objects.order_by("alliance_id")
    # Months cut in another zone: only the alliances asked about are checked (and
    # recut), so refreshing one alliance reads its own rows, not the whole table.
    recut = ActivityMonth.objects.exclude(zone=zone)
    if alliances is not None:
        ids = alliances.values("id") if isinstance(alliances, QuerySet) else list(alliances)
        marked = marked.filter(alliance_id__in=ids)
        recut = recut.filter(alliance_id__in=ids)
    # Plain reads first: a page that finds nothing to do takes no write lock, so it
    # never waits for a long import (whose own marks it cannot see until it commits).
    if not marked.exists() and not recut.exists():
        return 0
    with transaction.atomic():
        if recut.exists():
            if alliances is None:
                _mark_everything()
            else:
                _mark_recut(recut)
        stale = list(marked.select_for_update().values_list("alliance_id", flat=True))
        for chunk in _chunks(stale):
            _recompute(chunk, zone)
            # Rows are locked (PostgreSQL) or the database is (SQLite, IMMEDIATE
            # transactions): no write can have added a mark since they were read.
            ActivityStale.objects.filter(alliance_id__in=chunk).delete()
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


def _mark_recut(recut: QuerySet[ActivityMonth]) -> None:
    """Mark the alliances of `recut` (months cut in another zone) to be recomputed."""
    ids = sorted(set(recut.values_list("alliance_id", flat=True)))
    for chunk in _chunks(ids):
        ActivityStale.objects.bulk_create(
            [ActivityStale(alliance_id=pk) for pk in chunk], ignore_conflicts=True
        )


def stored_rows(alliances: QuerySet[Alliance], until: date) -> list[tuple[Any, ...]]:
    """Kept month rows of `alliances` before the month `until`, shaped like
    `aggregate.month_rows` rows with their partner people and sponsor meetings after
    the month (`aggregate.with_people`)."""
    query = ActivityMonth.objects.filter(
        alliance__in=alliances, zone=zone_name(), month__lt=until
    ).values_list(*STORED)
    return aggregate.raw_tuples(query, STORED)


def _recompute(ids: list[int], zone: str) -> None:
    ActivityMonth.objects.filter(alliance_id__in=ids).delete()
    rows = aggregate.month_rows(Interaction.objects.filter(alliance_id__in=ids))
    if not rows:
        return
    contacts = Q(contact__alliance_id__in=ids)
    people = aggregate.partner_people(contacts)
    sponsors = aggregate.sponsor_attendance(contacts)
    names = ["alliance_id", "month", "zone", *PEOPLE, *COLUMNS.values()]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(ActivityMonth._meta.db_table)} "
        f"({', '.join(quote(n) for n in names)}) VALUES ({', '.join(['%s'] * len(names))})"
    )
    adapt = connection.ops.adapt_datefield_value
    values = [
        (
            alliance_id,
            adapt(month),
            zone,
            people.get((alliance_id, month), 0),
            *sponsors.get((alliance_id, month), (0, 0)),
            *measures,
        )
        for alliance_id, month, *measures in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
