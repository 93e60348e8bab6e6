"""Meetings: the governance bodies' recurring series, ad hoc meetings, calls, a kick-off.

Series are defined in the owner's calendar zone, as calendars hold them, and
expanded with dateutil, so an exported RRULE gives back exactly these
occurrences. Each occurrence gets its invitees' answers from the month's state:
thinner attendance, a sponsor who declines while a junior comes in his place,
cancellations.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from bench.accuracy.dates import months_between
from bench.accuracy.draws import office_time, poisson, workday
from bench.accuracy.months import MonthState, Plan
from bench.accuracy.people import SENIOR, active
from bench.accuracy.profile import BodyPlan, Profile
from bench.accuracy.world import Call, Meeting, Partstat, Person, SeriesDef, World
from radar.engine.vocab import ContactRole, Ritual, Side

AD_HOC = (
    ("Joint account planning", Ritual.NONE),
    ("Deal review: regional pipeline", Ritual.NONE),
    ("Demo preparation", Ritual.NONE),
    ("Pricing alignment", Ritual.NONE),
    ("Joint design session", Ritual.WORKSHOP),
    ("Customer escalation follow-up", Ritual.NONE),
)


def new_uid(rng: random.Random, client: str) -> str:
    if client == "outlook":
        return "040000008200E00074C5B7101A82E00800000000" + f"{rng.getrandbits(128):032X}"
    return f"{rng.getrandbits(104):026x}@google.com"


def occurrences(series: SeriesDef, until: datetime) -> list[datetime]:
    """The series' starts up to `until`, in its own zone (wall-clock stays put over DST)."""
    return list(rrulestr(series.rule, dtstart=series.first).between(series.first, until, inc=True))


def _series(body: BodyPlan, profile: Profile, owner: str, rng: random.Random) -> SeriesDef:
    zone = ZoneInfo(profile.zone)
    begin = profile.first + timedelta(days=rng.randint(10, 40))
    local = datetime.combine(begin, time(rng.randint(9, 15), rng.choice([0, 30])), zone)
    first = rrulestr(body.rule, dtstart=local).after(local, inc=True)
    return SeriesDef(
        new_uid(rng, profile.calendar),
        body.name,
        body.ritual,
        body.rule,
        first,
        body.minutes,
        owner,
    )


def _answer(rng: random.Random, chance: float) -> Partstat:
    if rng.random() < chance:
        return Partstat.TENTATIVE if rng.random() < 0.05 else Partstat.ACCEPTED
    return Partstat.DECLINED if rng.random() < 0.65 else Partstat.NEEDS_ACTION


def _partner_chance(person: Person, month: MonthState, senior_body: bool) -> float:
    chance = month.attend
    if senior_body and month.delegated and person.role is ContactRole.OTHER:
        return 0.95  # sent in the sponsor's place: the junior does come
    if person.role is ContactRole.EXECUTIVE_SPONSOR:
        chance *= month.sponsor
    if month.pro_forma and senior_body and person.role in SENIOR:
        chance *= 0.3
    return chance


def _invitees(
    body: BodyPlan | None, people: list[Person], month: MonthState, day: date
) -> list[Person]:
    partner = active(people, Side.PARTNER, day)
    roles = body.partner_roles if body else (ContactRole.CHAMPION, ContactRole.ALLIANCE_MANAGER)
    chosen = [p for p in partner if p.role in roles]
    if body is not None and body.senior and month.delegated:
        chosen += [p for p in partner if p.role is ContactRole.OTHER][:1]
    if not chosen and partner:
        chosen = partner[:1]
    ours = active(people, Side.OURS, day)
    wanted = {ContactRole.ALLIANCE_MANAGER}
    wanted |= {ContactRole.EXECUTIVE_SPONSOR} if body is not None and body.senior else set()
    wanted |= (
        {ContactRole.SALES_LEAD, ContactRole.TECHNICAL_LEAD} if body and not body.senior else set()
    )
    return chosen + [p for p in ours if p.role in wanted]


def _responses(
    rng: random.Random, invited: list[Person], owner: str, month: MonthState, senior_body: bool
) -> tuple[tuple[str, Partstat], ...]:
    answers = [(owner, Partstat.ACCEPTED)]
    for person in invited:
        if person.email == owner:
            continue
        chance = (
            _partner_chance(person, month, senior_body) if person.side is Side.PARTNER else 0.95
        )
        answers.append((person.email, _answer(rng, chance)))
    return tuple(answers)


def add_meetings(
    world: World, profile: Profile, plan: Plan, rng: random.Random, last: date
) -> None:
    """Kick-off, the bodies' series, ad hoc meetings and calls, up to the day `last`."""
    until = datetime.combine(last, time(23, 59), UTC)
    _kick_off(world, profile, rng)
    for body in profile.bodies:
        series = _series(body, profile, world.owner, rng)
        world.series.append(series)
        for local in occurrences(series, until):
            start = local.astimezone(UTC)
            month = plan.months[months_between(profile.first, start.date())]
            invited = _invitees(body, world.people, month, start.date())
            world.meetings.append(
                Meeting(
                    series.uid,
                    start,
                    body.minutes,
                    body.name,
                    body.ritual,
                    world.owner,
                    _responses(rng, invited, world.owner, month, body.senior),
                    cancelled=rng.random() < month.cancel,
                    series=series.uid,
                )
            )
    for month in plan.months:
        _ad_hoc(world, profile, month, rng)
        _calls(world, profile, month, rng)
    _cancel_one_offs(world, profile, plan, rng)


def _kick_off(world: World, profile: Profile, rng: random.Random) -> None:
    start = office_time(rng, workday(rng, profile.first))
    invited = [p for p in world.people if p.active(start.date())]
    answers = tuple((p.email, Partstat.ACCEPTED) for p in invited if p.email != world.owner)
    world.meetings.append(
        Meeting(
            new_uid(rng, profile.calendar),
            start,
            120,
            "Partnership kick-off workshop",
            Ritual.WORKSHOP,
            world.owner,
            ((world.owner, Partstat.ACCEPTED), *answers),
        )
    )


def _ad_hoc(world: World, profile: Profile, month: MonthState, rng: random.Random) -> None:
    for _ in range(poisson(rng, profile.adhoc_rate * month.volume)):
        start = office_time(rng, workday(rng, month.start))
        title, ritual = rng.choice(AD_HOC)
        partner = active(world.people, Side.PARTNER, start.date())
        if not partner:
            continue
        invited = rng.sample(partner, min(len(partner), rng.randint(1, 3)))
        invited += [world.person(world.owner)]
        world.meetings.append(
            Meeting(
                new_uid(rng, profile.calendar),
                start,
                rng.choice([30, 45, 60]),
                title,
                ritual,
                world.owner,
                _responses(rng, invited, world.owner, month, False),
                cancelled=rng.random() < month.cancel,
            )
        )


def _calls(world: World, profile: Profile, month: MonthState, rng: random.Random) -> None:
    for _ in range(poisson(rng, profile.call_rate * month.volume)):
        when = office_time(rng, workday(rng, month.start))
        partner = active(world.people, Side.PARTNER, when.date())
        ours = active(world.people, Side.OURS, when.date())
        if partner and ours:
            who = rng.choice(partner)
            world.calls.append(
                Call(
                    when,
                    rng.randint(10, 45),
                    who.email,
                    rng.choice(ours).email,
                    f"Call with {who.name}",
                )
            )


def _cancel_one_offs(world: World, profile: Profile, plan: Plan, rng: random.Random) -> None:
    """The noise class's single cancelled meeting."""
    for one_off in plan.one_offs:
        if one_off.kind != "cancelled_meeting":
            continue
        month = plan.months[one_off.month].start
        held = [
            n
            for n, m in enumerate(world.meetings)
            if not m.cancelled and months_between(month, m.start.date()) == 0
        ]
        if held:
            n = rng.choice(held)
            m = world.meetings[n]
            world.meetings[n] = Meeting(
                m.uid,
                m.start,
                m.minutes,
                m.title,
                m.ritual,
                m.organizer,
                m.responses,
                True,
                m.series,
            )
