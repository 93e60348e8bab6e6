"""Who came: PARTSTAT answers split into our side and the partner's.

The rule (docs/importers.md, "Attendance"):
- ACCEPTED and TENTATIVE count as attended; DECLINED and DELEGATED as not;
  NEEDS-ACTION or no answer as invited but not attended (we do not know).
- The organiser attends unless they declined (many clients list the
  organiser as an attendee with no real answer, NEEDS-ACTION).
- Nobody attends a cancelled meeting; the invitations still count.
- People from neither side (vendors, other partners) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from radar.engine.vocab import Side
from radar.ingest.ics.reader import Person

ATTENDED = frozenset({"ACCEPTED", "TENTATIVE"})
REFUSED = frozenset({"DECLINED", "DELEGATED"})


@dataclass
class Attendance:
    partner: list[tuple[Person, bool]] = field(default_factory=list)
    ours: list[tuple[Person, bool]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "partner_invited": len(self.partner),
            "partner_attended": sum(1 for _, came in self.partner if came),
            "ours_invited": len(self.ours),
            "ours_attended": sum(1 for _, came in self.ours if came),
        }

    def rows(self) -> list[tuple[Person, str, bool]]:
        both = [(p, Side.PARTNER.value, c) for p, c in self.partner]
        return both + [(p, Side.OURS.value, c) for p, c in self.ours]


def merge_people(people: tuple[Person, ...]) -> list[Person]:
    """One entry per address: the first answer given, organiser if listed as one."""
    merged: dict[str, Person] = {}
    for person in people:
        kept = merged.get(person.email)
        if kept is None:
            merged[person.email] = person
        else:
            merged[person.email] = Person(
                person.email,
                kept.name or person.name,
                kept.partstat or person.partstat,
                kept.organizer or person.organizer,
            )
    return list(merged.values())


def attended(person: Person, cancelled: bool) -> bool:
    if cancelled:
        return False
    if person.partstat in ATTENDED:
        return True
    return person.organizer and person.partstat not in REFUSED


def split(
    people: list[Person], partner_side: set[str], our_side: set[str], cancelled: bool
) -> Attendance:
    """Sort people (already merged) by side; the sets hold e-mail addresses."""
    result = Attendance()
    for person in people:
        came = attended(person, cancelled)
        if person.email in partner_side:
            result.partner.append((person, came))
        elif person.email in our_side:
            result.ours.append((person, came))
    return result
