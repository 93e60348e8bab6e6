"""Occurrences of a series that an earlier import stored and a newer export no longer has.

Every occurrence a calendar still has comes in as held or cancelled (an
occurrence an EXDATE removed before today is a cancellation, see
`reader._called_off`). One that is gone altogether was:
- **still to come** when it vanished: the plan changed before anything
  happened, so the stored row is removed (it is not a missed meeting, and
  left alone it would later read as a meeting held);
- **moved** with the whole series (a new time or day changes every
  occurrence's key): it pairs with a new occurrence of the series less than
  half the series' usual spacing away, and is removed;
- past the series' new end (the series was **cut short**): removed;
- otherwise **deleted from inside the series** without an EXDATE (a client
  that deletes instances that way): marked cancelled, participants kept.
Occurrences outside the import's window are never touched.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

from radar.ingest.ics.plan import CalendarPlan
from radar.ingest.interactions import IncomingInteraction, InteractionSync

# The pairing distance when a series has too few occurrences to measure its spacing.
DEFAULT_SPACING = timedelta(days=7)

Key = tuple[int, str]  # (alliance id, external id)
Series = tuple[int, str]  # (alliance id, UID)


def vanished(
    sync: InteractionSync, plan: CalendarPlan, window: tuple[datetime, datetime]
) -> tuple[list[IncomingInteraction], list[Key]]:
    """Rows to mark cancelled, and keys of rows to remove (see the module's docstring)."""
    start, end = window
    gone: dict[Series, list[tuple[datetime, Key]]] = {}
    for (alliance_id, external_id), stored in sync.stored.items():
        uid, bar, _ = external_id.rpartition("|")
        when = stored.values["occurred_at"]
        key = (alliance_id, external_id)
        if bar and (alliance_id, uid) in plan.series and start <= when < end:
            gone.setdefault((alliance_id, uid), []).append((when, key))
    incoming = _incoming(plan, set(gone))
    cancelled: list[IncomingInteraction] = []
    removed: list[Key] = []
    for series, occurrences in gone.items():
        starts = incoming[series]
        known = {k for k, _ in starts}
        lost = sorted((when, key) for when, key in occurrences if key not in known)
        fresh = sorted(when for key, when in starts if key not in sync.stored)
        last = max((when for _, when in starts), default=None)
        moved = _paired(lost, fresh, _spacing(sorted(w for _, w in starts)) / 2)
        for when, key in lost:
            if when >= plan.now or key in moved or last is None or when > last:
                removed.append(key)
            elif not sync.stored[key].values["cancelled"]:
                values = {"cancelled": True, "partner_attended": 0, "ours_attended": 0}
                cancelled.append(IncomingInteraction(key[0], key[1], values, None))
    return cancelled, removed


def _incoming(plan: CalendarPlan, wanted: set[Series]) -> dict[Series, list[tuple[Key, datetime]]]:
    """Every occurrence the file has of these series: (key, start)."""
    found: dict[Series, list[tuple[Key, datetime]]] = {series: [] for series in wanted}
    for row in plan.rows:
        series = (row.alliance_id, row.external_id.rpartition("|")[0])
        if series in found:
            found[series].append(((row.alliance_id, row.external_id), row.values["occurred_at"]))
    return found


def _spacing(starts: list[datetime]) -> timedelta:
    gaps = [b - a for a, b in pairwise(starts) if b > a]
    return _median(gaps) if gaps else DEFAULT_SPACING


def _median(values: list[timedelta]) -> timedelta:
    # statistics.median's own steps (it is typed for numbers only, not durations).
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _paired(lost: list[tuple[datetime, Key]], fresh: list[datetime], within: timedelta) -> set[Key]:
    """The lost occurrences that pair, closest first, with a new one within `within`."""
    pairs = sorted(
        (abs(new - when), n, key)
        for when, key in lost
        for n, new in enumerate(fresh)
        if abs(new - when) <= within
    )
    used_new: set[int] = set()
    moved: set[Key] = set()
    for _, n, key in pairs:
        if n not in used_new and key not in moved:
            used_new.add(n)
            moved.add(key)
    return moved
