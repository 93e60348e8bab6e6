"""Turn a calendar file into interaction rows for the alliances it touches."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import icalendar

from radar.engine.vocab import Direction, InteractionKind
from radar.ingest.base import Problem, Progress
from radar.ingest.contacts import ContactBook
from radar.ingest.ics.attendance import Attendance, merge_people, split
from radar.ingest.ics.reader import (
    CalendarFile,
    Occurrence,
    Person,
    expand,
    people_of,
    uid_of,
)
from radar.ingest.ics.rituals import RitualRules
from radar.ingest.interactions import IncomingInteraction, dedupe_attendance
from radar.ingest.mapping import Directory


class CalendarPlan:
    """Occurrences in the window, mapped to alliances, with their people."""

    def __init__(self, directory: Directory, rules: RitualRules, since: datetime, until: datetime):
        self.directory = directory
        self.rules = rules
        self.since, self.until = since, until
        self._rows: dict[tuple[int, str], IncomingInteraction] = {}
        self.contacts = ContactBook()
        self.problems: list[Problem] = []
        self.skipped: Counter[str] = Counter()
        self.ambiguous: dict[int, int] = {}
        # (alliance id, UID) of every series seen: their vanished occurrences get cancelled.
        self.series: set[tuple[int, str]] = set()
        self._partner_cache: dict[str, int | None] = {}

    @property
    def rows(self) -> list[IncomingInteraction]:
        return list(self._rows.values())

    def read(self, cal_file: CalendarFile, progress: Progress) -> None:
        for cal, events in cal_file.groups():
            progress(len(events), cal_file.event_count)
            people = [p for e in events for p in _people(e)]
            if not any(self._partner(p.email) is not None for p in people):
                self.skipped["no_partner"] += len(events)
                continue
            try:
                occurrences = list(expand(cal, events, self.since, self.until, cal_file.zone(cal)))
            except Exception as exc:  # broken dates or rules in this event only
                title = " ".join(str(events[0].get("SUMMARY", "")).split())[:60]
                uid = uid_of(events[0])
                where = "an event without a UID" if uid.startswith("nouid-") else f"event {uid}"
                where += f" ({title!r})" if title else ""
                self.problems.append(Problem(cal_file.name, where, _plain(exc)))
                continue
            if not occurrences:
                self.skipped["outside_window"] += len(events)
            for occurrence in occurrences:
                self._add(occurrence)

    def _partner(self, email: str) -> int | None:
        if email not in self._partner_cache:
            self._partner_cache[email] = self.directory.partner_of(email)
        return self._partner_cache[email]

    def _add(self, occ: Occurrence) -> None:
        people = merge_people(occ.people)
        partner_ids = {self._partner(p.email) for p in people} - {None}
        if not partner_ids:
            self.skipped["no_partner"] += 1  # an override without the partner
            return
        for partner_id in sorted(pid for pid in partner_ids if pid is not None):
            target = self.directory.alliance_for_partner(partner_id)
            if isinstance(target, list):
                self.ambiguous[partner_id] = self.ambiguous.get(partner_id, 0) + 1
                continue
            theirs = {p.email for p in people if self._partner(p.email) == partner_id}
            ours = {p.email for p in people if self._is_ours(p)}
            self._row(target.pk, occ, split(people, theirs, ours, occ.cancelled))

    def _is_ours(self, person: Person) -> bool:
        if self.directory.knows_our_domains:
            return self.directory.is_ours(person.email)
        # Without RADAR_OUR_DOMAINS everyone who is not a partner counts as ours.
        return self._partner(person.email) is None

    def _row(self, alliance_id: int, occ: Occurrence, attendance: Attendance) -> None:
        values = {
            "kind": InteractionKind.MEETING.value,
            "ritual": self.rules.ritual_of(occ.summary),
            "occurred_at": occ.start,
            "direction": Direction.MUTUAL.value,
            "subject": occ.summary[:500],
            "duration_minutes": occ.minutes,
            "cancelled": occ.cancelled,
            **attendance.counts(),
        }
        links = []
        for person, side, came in attendance.rows():
            key = self.contacts.see(alliance_id, person.email, person.name, side, occ.start)
            links.append((key, True, came, person.partstat or "NO-ANSWER"))
        # A key seen twice (a duplicated event) keeps its last version.
        self._rows[(alliance_id, occ.key)] = IncomingInteraction(
            alliance_id, occ.key, values, dedupe_attendance(links)
        )
        if occ.series:
            self.series.add((alliance_id, occ.uid))


def _people(event: icalendar.Event) -> list[Person]:
    try:
        return list(people_of(event))
    except Exception:  # unreadable attendee lines: decided when the event is expanded
        return []


def _plain(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
