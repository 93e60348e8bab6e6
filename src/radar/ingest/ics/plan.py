"""Turn a calendar file into interaction rows for the alliances it touches."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from radar.engine.vocab import Direction, InteractionKind
from radar.ingest.base import Problem
from radar.ingest.contacts import ContactBook, ContactKey
from radar.ingest.ics.attendance import Row, merge_people, role_of, split
from radar.ingest.ics.reader import Occurrence, Person
from radar.ingest.ics.rituals import RitualRules
from radar.ingest.ics.source import CalendarFile
from radar.ingest.ics.standins import infer_stand_ins
from radar.ingest.interactions import Attendance, IncomingInteraction, dedupe_attendance
from radar.ingest.mapping import Directory
from radar.progress import Progress

# One partner's share of a meeting: partner id, alliance id (None when the
# partner has several alliances), attendance counts, (person, side, came,
# stands in for) rows.
_Share = tuple[int, int | None, dict[str, int], list[Row]]


class CalendarPlan:
    """Occurrences in the window, mapped to alliances, with their people."""

    def __init__(
        self,
        directory: Directory,
        rules: RitualRules,
        since: datetime,
        until: datetime,
        now: datetime | None = None,
    ):
        self.directory = directory
        self.rules = rules
        self.since, self.until = since, until
        # People are not "seen" at meetings that have not happened yet.
        self.now = now or until
        self._rows: dict[tuple[int, str], IncomingInteraction] = {}
        self.contacts = ContactBook()
        self.problems: list[Problem] = []
        self.skipped: Counter[str] = Counter()
        self.ambiguous: dict[int, int] = {}
        # (alliance id, UID) of every series seen: their vanished occurrences get cancelled.
        self.series: set[tuple[int, str]] = set()
        self._partner_cache: dict[str, int | None] = {}
        self._ours_cache: dict[str, bool] = {}
        self._groups: dict[tuple[tuple[Person, ...], bool], list[_Share]] = {}
        self._rituals: dict[str, str] = {}
        # People who only ever came in place of someone invited (ics.standins).
        self.stand_ins_only: set[ContactKey] = set()

    @property
    def rows(self) -> list[IncomingInteraction]:
        return list(self._rows.values())

    def read(self, cal_file: CalendarFile, progress: Progress) -> None:
        for unit in cal_file.units(self.since, self.until, self.now, progress):
            if not any(self._partner(p.email) is not None for p in unit.people):
                self.skipped["no_partner"] += unit.size
                continue
            try:
                occurrences = unit.occurrences()
            except Exception as exc:  # broken dates or rules in this event only
                where = (
                    "an event without a UID"
                    if unit.uid.startswith("nouid-")
                    else f"event {unit.uid}"
                )
                where += f" ({unit.title!r})" if unit.title else ""
                self.problems.append(Problem(cal_file.name, where, _plain(exc)))
                continue
            if not occurrences:
                self.skipped["outside_window"] += unit.size
            for occurrence in occurrences:
                self._add(occurrence)
        self.problems[:0] = cal_file.problems
        self.stand_ins_only = infer_stand_ins(self._rows.values(), self.contacts.side)

    def _partner(self, email: str) -> int | None:
        if email not in self._partner_cache:
            self._partner_cache[email] = self.directory.partner_of(email)
        return self._partner_cache[email]

    def _add(self, occ: Occurrence) -> None:
        # The same people meet again and again: who is at which partner, and
        # their attendance, are worked out once per group of people.
        who = self._groups.get((occ.people, occ.cancelled))
        if who is None:
            who = self._groups[(occ.people, occ.cancelled)] = self._group(occ)
        if not who:
            self.skipped["no_partner"] += 1  # an override without the partner
            return
        for partner_id, target, counts, rows in who:
            if target is None:
                self.ambiguous[partner_id] = self.ambiguous.get(partner_id, 0) + 1
                continue
            self._row(target, occ, counts, rows)

    def _group(self, occ: Occurrence) -> list[_Share]:
        """Per partner at the meeting: the alliance (None: ambiguous), counts, rows."""
        people = merge_people(occ.people)
        partner_ids = {self._partner(p.email) for p in people} - {None}
        found: list[_Share] = []
        for partner_id in sorted(pid for pid in partner_ids if pid is not None):
            target = self.directory.alliance_for_partner(partner_id)
            if isinstance(target, list):
                found.append((partner_id, None, {}, []))
                continue
            theirs = {p.email for p in people if self._partner(p.email) == partner_id}
            ours = {p.email for p in people if self._is_ours(p)}
            attendance = split(people, theirs, ours, occ.cancelled)
            found.append((partner_id, target.pk, attendance.counts(), attendance.rows()))
        return found

    def _is_ours(self, person: Person) -> bool:
        if self.directory.knows_our_domains:
            if person.email not in self._ours_cache:
                self._ours_cache[person.email] = self.directory.is_ours(person.email)
            return self._ours_cache[person.email]
        # Without RADAR_OUR_DOMAINS everyone who is not a partner counts as ours.
        return self._partner(person.email) is None

    def _row(
        self,
        alliance_id: int,
        occ: Occurrence,
        counts: dict[str, int],
        rows: list[Row],
    ) -> None:
        ritual = self._rituals.get(occ.summary)
        if ritual is None:
            ritual = self._rituals[occ.summary] = self.rules.ritual_of(occ.summary)
        values = {
            "kind": InteractionKind.MEETING.value,
            "ritual": ritual,
            "occurred_at": occ.start,
            "direction": Direction.MUTUAL.value,
            "subject": occ.summary[:500],
            "duration_minutes": occ.minutes,
            "cancelled": occ.cancelled,
            **counts,
        }
        links = []
        seen = occ.start if occ.start <= self.now else None
        for person, side, came, stand_in in rows:
            # Someone who declined or never answered was invited, not seen.
            key = self.contacts.see(
                alliance_id, person.email, person.name, side, seen if came else None
            )
            instead_of = (alliance_id, stand_in) if stand_in else None
            response = person.partstat or "NO-ANSWER"
            links.append(Attendance(key, True, came, response, role_of(person), instead_of))
        # A key seen twice (a duplicated event) keeps its last version.
        self._rows[(alliance_id, occ.key)] = IncomingInteraction(
            alliance_id, occ.key, values, dedupe_attendance(links)
        )
        if occ.series:
            self.series.add((alliance_id, occ.uid))


def _plain(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
