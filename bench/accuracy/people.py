"""The people on both sides, and how they come and go over the alliance's life."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

from bench.accuracy.months import Plan
from bench.accuracy.names import address, person_name
from bench.accuracy.profile import Profile
from bench.accuracy.world import OUR_DOMAIN, Person
from radar.engine.vocab import ContactRole, Side

TITLES: dict[ContactRole, tuple[str, ...]] = {
    ContactRole.EXECUTIVE_SPONSOR: ("VP Partnerships", "Chief Revenue Officer", "SVP Alliances"),
    ContactRole.CHAMPION: ("Director of Alliances", "Head of Partner Sales", "Director, Ecosystem"),
    ContactRole.ALLIANCE_MANAGER: ("Partner Manager", "Alliance Manager", "Partner Success Lead"),
    ContactRole.TECHNICAL_LEAD: ("Solutions Architect", "Integration Lead", "Principal Engineer"),
    ContactRole.SALES_LEAD: ("Sales Director", "Channel Sales Lead", "Account Director"),
    ContactRole.MARKETING_LEAD: ("Partner Marketing Manager", "Field Marketing Lead"),
    ContactRole.OTHER: ("Partner Associate", "Alliance Coordinator", "Business Analyst"),
}
SENIOR = frozenset({ContactRole.EXECUTIVE_SPONSOR, ContactRole.CHAMPION})


def _person(
    rng: random.Random, side: Side, role: ContactRole, started: date, taken: set[str], domain: str
) -> Person:
    name = person_name(rng)
    return Person(
        email=address(name, domain, taken),
        name=name,
        side=side,
        role=role,
        title=rng.choice(TITLES[role]),
        senior=role in SENIOR,
        started=started,
    )


def cast(profile: Profile, plan: Plan, rng: random.Random) -> list[Person]:
    """Everyone at the start, then the departures and arrivals the plan holds."""
    taken: set[str] = set()
    people: list[Person] = []

    def hire(side: Side, role: ContactRole, started: date) -> Person:
        domain = OUR_DOMAIN if side is Side.OURS else profile.domain
        person = _person(rng, side, role, started, taken, domain)
        people.append(person)
        return person

    at_start = profile.first - timedelta(days=rng.randint(0, 200))
    for role in profile.partner_roles:
        hire(Side.PARTNER, role, at_start)
    for _ in range(profile.juniors):
        hire(Side.PARTNER, ContactRole.OTHER, at_start)
    for role in profile.our_roles:
        hire(Side.OURS, role, at_start)
    for departure in sorted(plan.departures, key=lambda d: d.when):
        leaving = _holder(people, departure.role, departure.when)
        if leaving is None:
            continue
        successor = None
        if departure.successor:  # introduced a few weeks before the handover
            overlap = timedelta(days=rng.randint(14, 45))
            successor = hire(Side.PARTNER, departure.role, departure.when - overlap).email
        ended = dataclasses.replace(
            leaving, ended=departure.when, end_reason=departure.reason, successor=successor
        )
        people[people.index(leaving)] = ended
        if not any(p.active(departure.when) for p in people if p.side is Side.PARTNER):
            hire(Side.PARTNER, ContactRole.OTHER, departure.when + timedelta(days=20))
    for arrival in plan.arrivals:
        hire(Side.PARTNER, arrival.role, arrival.when)
    return people


def _holder(people: list[Person], role: ContactRole, day: date) -> Person | None:
    for person in people:
        if person.side is Side.PARTNER and person.role is role and person.active(day):
            return person
    return None


def active(people: list[Person], side: Side, day: date) -> list[Person]:
    return [p for p in people if p.side is side and p.active(day)]
