"""Who came: PARTSTAT answers split into our side and the partner's.

The rule (docs/importers.md, "Attendance"): a calendar records answers, not
presence, so only a confirmed answer counts as attending.
- ACCEPTED counts as attended; TENTATIVE ("maybe"), NEEDS-ACTION or no
  answer as invited but not attended (we do not know); DECLINED and
  DELEGATED as not attended.
- The organiser attends unless they declined or delegated (many clients
  list the organiser as an attendee with no real answer, NEEDS-ACTION).
- Optional attendees (ROLE=OPT-PARTICIPANT) count as invited only when they
  come: an optional guest who stays away is no sign of disengagement.
- Nobody attends a cancelled meeting; the invitations still count.
- People from neither side (vendors, other partners) are left out.
- Someone delegated to (DELEGATED-FROM, or named in another's DELEGATED-TO)
  stands in for that person.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from radar.engine.vocab import Side
from radar.ingest.ics.reader import Person

ATTENDED = frozenset({"ACCEPTED"})
REFUSED = frozenset({"DECLINED", "DELEGATED"})
_ROLES = {"CHAIR": "chair", "OPT-PARTICIPANT": "optional"}

# (person, side, came, the address of whom they stand in for or "")
Row = tuple[Person, str, bool, str]


@dataclass
class Attendance:
    partner: list[tuple[Person, bool]] = field(default_factory=list)
    ours: list[tuple[Person, bool]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        partner = [(p, came) for p, came in self.partner if came or not _optional(p)]
        ours = [(p, came) for p, came in self.ours if came or not _optional(p)]
        return {
            "partner_invited": len(partner),
            "partner_attended": sum(1 for _, came in partner if came),
            "ours_invited": len(ours),
            "ours_attended": sum(1 for _, came in ours if came),
        }

    def rows(self) -> list[Row]:
        found: list[Row] = []
        for side, people in ((Side.PARTNER.value, self.partner), (Side.OURS.value, self.ours)):
            listed = [p for p, _ in people]
            found += [(p, side, came, stands_in_for(p, listed)) for p, came in people]
        return found


def role_of(person: Person) -> str:
    """How the person is on the invitation: organizer, chair, optional or required."""
    if person.organizer:
        return "organizer"
    return _ROLES.get(person.role, "required")  # REQ-PARTICIPANT is the standard's default


def _optional(person: Person) -> bool:
    return role_of(person) == "optional"


def stands_in_for(person: Person, listed: list[Person]) -> str:
    """The address of the listed person this one was delegated to by ("" if none)."""
    addresses = {p.email for p in listed if p.email != person.email}
    for address in person.delegated_from:
        if address in addresses:
            return address
    for other in listed:
        if other.email != person.email and person.email in other.delegated_to:
            return other.email
    return ""


def merge_people(people: tuple[Person, ...]) -> list[Person]:
    """One entry per address: the first answer given, organiser if listed as one."""
    merged: dict[str, Person] = {}
    for person in people:
        kept = merged.get(person.email)
        if kept is None:
            merged[person.email] = person
        else:
            merged[person.email] = replace(
                kept,
                name=kept.name or person.name,
                partstat=kept.partstat or person.partstat,
                organizer=kept.organizer or person.organizer,
                role=kept.role or person.role,
                delegated_from=kept.delegated_from or person.delegated_from,
                delegated_to=kept.delegated_to or person.delegated_to,
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
