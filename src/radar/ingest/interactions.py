"""Write interactions by natural key: create the new, update the changed, keep the rest.

Calendars, CRM activities and mail all end up as `Interaction` rows keyed by
(alliance, source, external_id). This module compares the incoming rows with
the stored ones in a couple of queries and writes the difference in bulk, so
a 50,000-event calendar does not cost 50,000 round trips.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection

from radar.ingest.base import ImportSummary
from radar.ingest.contacts import ContactKey
from radar.ingest.fastsql import insert_many
from radar.portfolio.models import Interaction, InteractionParticipant

# The fields an importer may set; anything else on the row is left alone.
FIELDS = (
    "kind",
    "ritual",
    "occurred_at",
    "direction",
    "subject",
    "duration_minutes",
    "cancelled",
    "partner_invited",
    "partner_attended",
    "ours_invited",
    "ours_attended",
    "notes",
    # E-mail (radar.ingest.email): length, latency, tone and thread of each message.
    "word_count",
    "reply_hours",
    "tone",
    "blaming",
    "defensive",
    "thread_id",
    "body",
)


class Attendance(NamedTuple):
    """One person at one interaction, as an importer read it."""

    contact: ContactKey
    invited: bool
    attended: bool
    response: str  # the source's raw answer: ICS PARTSTAT; e-mail: from, to or cc
    role: str = ""  # on the invitation: organizer, chair, required, optional ("" unsaid)
    stands_in_for: ContactKey | None = None  # the invited person this one came in place of


@dataclass
class IncomingInteraction:
    alliance_id: int
    external_id: str
    values: dict[str, Any]
    # None leaves the stored participants alone (e.g. a series occurrence
    # that disappeared from a newer export and is only marked cancelled).
    attendance: list[Attendance] | None = field(default_factory=list)


@dataclass
class StoredInteraction:
    pk: int
    values: dict[str, Any]


class InteractionSync:
    """Plan and apply the changes for one source (e.g. "ics") and a set of alliances."""

    def __init__(
        self,
        source: str,
        alliance_ids: Iterable[int],
        keys: set[tuple[int, str]] | None = None,
    ):
        """`keys` (alliance id, external id): look up only these, for a chunk of a long file.

        Without them every stored row of the source and alliances is read, which
        a caller that syncs the whole set at once (and may remove rows) needs.
        """
        self.source = source
        self.keys = keys
        query = Interaction.objects.filter(source=source, alliance_id__in=set(alliance_ids))
        if keys is not None:
            query = Interaction.objects.filter(pk__in=_key_ids(source, keys).values())
        self.stored: dict[tuple[int, str], StoredInteraction] = {
            (row["alliance_id"], row["external_id"]): StoredInteraction(row["id"], row)
            for row in query.values("id", "alliance_id", "external_id", *FIELDS)
        }
        self._create: list[IncomingInteraction] = []
        self._update: list[tuple[int, IncomingInteraction]] = []
        self._reattend: list[tuple[int, IncomingInteraction]] = []
        self._remove: list[int] = []

    def plan(self, rows: Iterable[IncomingInteraction], summary: ImportSummary) -> None:
        rows = list(rows)
        attendance = self._stored_attendance()
        for row in rows:
            stored = self.stored.get((row.alliance_id, row.external_id))
            if stored is None:
                self._create.append(row)
                summary.created["interactions"] += 1
                continue
            changed = any(stored.values.get(k) != v for k, v in row.values.items())
            if row.attendance is not None and _sorted(row.attendance) != attendance.get(
                stored.pk, []
            ):
                self._reattend.append((stored.pk, row))
                changed = True
            if changed:
                self._update.append((stored.pk, row))
                summary.updated["interactions"] += 1
            else:
                summary.unchanged["interactions"] += 1

    def remove(self, keys: Iterable[tuple[int, str]], summary: ImportSummary) -> None:
        """Plan to delete these stored rows (alliance id, external id) with their participants."""
        for key in keys:
            stored = self.stored.get(key)
            if stored is not None:
                self._remove.append(stored.pk)
                summary.removed["interactions"] += 1

    def apply(self, contacts: dict[ContactKey, int]) -> None:
        for start in range(0, len(self._remove), 500):
            Interaction.objects.filter(pk__in=self._remove[start : start + 500]).delete()
        insert_many(
            Interaction,
            (
                {
                    "alliance_id": row.alliance_id,
                    "source": self.source,
                    "external_id": row.external_id,
                    **row.values,
                }
                for row in self._create
            ),
        )
        # The new rows' ids are only needed for their participants (none from a CRM).
        attended = [r for r in self._create if r.attendance]
        ids = self._ids_of_created(attended) if attended else {}
        # bulk_update writes every named field, so rows are grouped by the fields they set.
        by_fields: dict[tuple[str, ...], list[Interaction]] = {}
        for pk, row in self._update:
            obj = Interaction(pk=pk, alliance_id=row.alliance_id, **row.values)
            by_fields.setdefault(tuple(sorted(row.values)), []).append(obj)
        for fields, objs in by_fields.items():
            Interaction.objects.bulk_update(objs, list(fields), batch_size=1000)
        InteractionParticipant.objects.filter(
            interaction_id__in=[pk for pk, _ in self._reattend]
        ).delete()
        todo = [(ids[(r.alliance_id, r.external_id)], r) for r in attended]
        todo += self._reattend
        insert_many(
            InteractionParticipant,
            (
                {
                    "interaction_id": pk,
                    "contact_id": contacts[item.contact],
                    "invited": item.invited,
                    "attended": item.attended,
                    "response": item.response[:30],
                    "role": item.role,
                    "stands_in_for_id": contacts[item.stands_in_for]
                    if item.stands_in_for
                    else None,
                }
                for pk, row in todo
                for item in row.attendance or ()
            ),
        )

    def _ids_of_created(self, created: list[IncomingInteraction]) -> dict[tuple[int, str], int]:
        if self.keys is not None:
            return _key_ids(self.source, {(r.alliance_id, r.external_id) for r in created})
        query = Interaction.objects.filter(
            source=self.source, alliance_id__in={r.alliance_id for r in created}
        )
        return {(a, e): pk for pk, a, e in query.values_list("id", "alliance_id", "external_id")}

    def _stored_attendance(self) -> dict[int, list[Attendance]]:
        """Stored participants per interaction, keyed like the incoming ones."""
        if not self.stored:
            return {}
        alliance_ids = {a for a, _ in self.stored}
        query = InteractionParticipant.objects.filter(
            interaction__source=self.source, interaction__alliance_id__in=alliance_ids
        )
        if self.keys is not None:
            query = query.filter(interaction_id__in=[s.pk for s in self.stored.values()])
        rows = query.values_list(
            "interaction_id",
            "interaction__alliance_id",
            "contact__email",
            "invited",
            "attended",
            "response",
            "role",
            "stands_in_for__email",
        )
        found: dict[int, list[Attendance]] = {}
        for pk, alliance_id, email, invited, attended, response, role, stand_in in rows:
            stands_in_for = (alliance_id, stand_in.lower()) if stand_in else None
            found.setdefault(pk, []).append(
                Attendance(
                    (alliance_id, email.lower()), invited, attended, response, role, stands_in_for
                )
            )
        return {pk: sorted(items) for pk, items in found.items()}


def _key_ids(source: str, keys: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """The stored ids of these (alliance, external id) keys of `source`, by the natural-key index.

    One SELECT per alliance, joined by UNION ALL (at most 500 per statement,
    SQLite's limit), each an exact range of the (alliance, source, external
    id) index: an IN list of alliances and one of external ids would probe
    every pair, and an OR of the groups or a row-value IN makes SQLite read
    every row of the alliances or the whole index, which grows with the store.
    The index is partial (external id not empty): SQLite uses it only when
    the query repeats that condition.
    """
    grouped: dict[int, list[str]] = {}
    for alliance_id, external in keys:
        grouped.setdefault(alliance_id, []).append(external)
    table = Interaction._meta.db_table
    found: dict[tuple[int, str], int] = {}
    alliances = list(grouped)
    with connection.cursor() as cursor:
        for start in range(0, len(alliances), 500):
            selects: list[str] = []
            params: list[Any] = []
            for alliance_id in alliances[start : start + 500]:
                externals = grouped[alliance_id]
                marks = ", ".join(["%s"] * len(externals))
                selects.append(
                    f"SELECT id, alliance_id, external_id FROM {table} WHERE alliance_id = %s"
                    f" AND source = %s AND external_id IN ({marks}) AND NOT (external_id = %s)"
                )
                params += [alliance_id, source, *externals, ""]
            cursor.execute(" UNION ALL ".join(selects), params)
            found.update(((a, e), pk) for pk, a, e in cursor.fetchall())
    return found


def dedupe_attendance(items: Iterable[Attendance]) -> list[Attendance]:
    """One row per contact (a person listed twice keeps the most positive answer)."""
    best: dict[ContactKey, Attendance] = {}
    for item in items:
        kept = best.get(item.contact)
        if kept is None or (item.attended, item.invited) > (kept.attended, kept.invited):
            best[item.contact] = item
    return list(best.values())


def _sorted(items: list[Attendance]) -> list[Attendance]:
    return sorted(item._replace(response=item.response[:30]) for item in items)
