"""Someone new who comes when an invited regular stays away: a stand-in, not a new connection.

Calendars rarely say "delegated" (only the RFC 5545 DELEGATED-FROM/-TO
parameters do, and Google never writes them): an executive sponsor who no
longer comes simply declines, or never answers, and forwards the invitation
to someone junior, who then attends. Counted naively that is one more
partner person taking part, network growth, when it is the opposite: the
sponsor delegating.

So, for each kind of meeting (a ritual such as the QBR, else one series),
taken in time order: a person attending for the first time while someone
who used to attend is invited and stays away stands in for that person, and
keeps standing in for them at every later meeting the same person misses.
Only people on the same side stand in for each other; a newcomer at a
meeting where every regular came is a genuine new participant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from radar.ingest.contacts import ContactKey
from radar.ingest.interactions import Attendance, IncomingInteraction


def infer_stand_ins(
    rows: Iterable[IncomingInteraction], side: Callable[[ContactKey], str]
) -> set[ContactKey]:
    """Set `stands_in_for` where the pattern above holds.

    Returns the people who only ever came as stand-ins: not new connections.
    """
    groups: dict[tuple[int, str], list[IncomingInteraction]] = {}
    for row in rows:
        groups.setdefault((row.alliance_id, _kind_of_meeting(row)), []).append(row)
    for meetings in groups.values():
        meetings.sort(key=lambda row: row.values["occurred_at"])
        _walk(meetings, side)
    came: set[ContactKey] = set()
    came_as_themselves: set[ContactKey] = set()
    for meetings in groups.values():
        for row in meetings:
            for item in row.attendance or ():
                if item.attended and not row.values.get("cancelled"):
                    came.add(item.contact)
                    if item.stands_in_for is None:
                        came_as_themselves.add(item.contact)
    return came - came_as_themselves


def _kind_of_meeting(row: IncomingInteraction) -> str:
    ritual = row.values.get("ritual", "none")
    if ritual and ritual != "none":
        return "ritual:" + ritual
    uid, bar, _ = row.external_id.rpartition("|")
    return "series:" + uid if bar else "title:" + str(row.values.get("subject", "")).casefold()


def _walk(meetings: list[IncomingInteraction], side: Callable[[ContactKey], str]) -> None:
    regulars: set[ContactKey] = set()  # attended an earlier meeting of this kind
    instead_of: dict[ContactKey, ContactKey] = {}  # stand-in -> whom they first replaced
    for row in meetings:
        if row.values.get("cancelled") or not row.attendance:
            continue
        away = [a.contact for a in row.attendance if not a.attended and a.contact in regulars]
        updated: list[Attendance] = []
        for item in row.attendance:
            replaced = _replaced(item, away, regulars, instead_of, side)
            if replaced is not None:
                item = item._replace(stands_in_for=replaced)
            updated.append(item)
        row.attendance = updated
        regulars |= {a.contact for a in updated if a.attended}


def _replaced(
    item: Attendance,
    away: list[ContactKey],
    regulars: set[ContactKey],
    instead_of: dict[ContactKey, ContactKey],
    side: Callable[[ContactKey], str],
) -> ContactKey | None:
    """Whom this attendee stands in for at this meeting (None: nobody, or already said)."""
    if not item.attended or item.stands_in_for is not None:
        return None
    if item.contact not in regulars and item.contact not in instead_of:
        same_side = [c for c in away if side(c) == side(item.contact)]
        if same_side:
            instead_of[item.contact] = same_side[0]
    replaced = instead_of.get(item.contact)
    return replaced if replaced in away else None
