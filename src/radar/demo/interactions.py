"""One month of meetings, calls and e-mails for one alliance, from its levels."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from radar.demo import texts
from radar.demo.batch import Batch
from radar.demo.months import (
    at,
    days_in,
    nth_weekday,
    quarterly,
    story_month_of,
    workday,
    yearly,
)
from radar.demo.story import Levels, Scenario
from radar.portfolio.models import Alliance, Contact, Interaction, InteractionParticipant

# Who is invited to which ritual, by role.
RITUAL_ROLES = {
    "steering_committee": {"executive_sponsor", "champion", "alliance_manager"},
    "qbr": {"executive_sponsor", "champion", "alliance_manager", "sales_lead", "marketing_lead"},
    "operating_committee": {"champion", "alliance_manager", "technical_lead", "sales_lead"},
    "working_group": {"technical_lead", "sales_lead", "marketing_lead", "operations", "other"},
    "check_in": {"alliance_manager", "champion"},
    "off_site": {
        "executive_sponsor",
        "champion",
        "alliance_manager",
        "technical_lead",
        "sales_lead",
        "marketing_lead",
    },
    "workshop": {"champion", "alliance_manager", "technical_lead", "marketing_lead", "other"},
}
DURATION = {
    "steering_committee": 90,
    "qbr": 120,
    "operating_committee": 60,
    "working_group": 45,
    "check_in": 30,
    "off_site": 420,
    "workshop": 180,
}
# Rituals that happen whatever the mood (they can still be cancelled).
FIXED_RITUALS = {"steering_committee", "qbr", "operating_committee", "check_in", "off_site"}
# The yearly off-site, this many months before the demo's date.
OFF_SITE_MONTHS_BACK = 2
EMAIL_ROLES = {"alliance_manager", "champion", "technical_lead", "sales_lead", "operations"}


@dataclass
class Person:
    contact: Contact
    role: str
    start: date
    end: date | None
    keenness: float
    core: bool  # always involved, whatever the reach

    def active(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class MonthContext:
    scenario: Scenario
    alliance: Alliance
    levels: Levels
    first: date
    as_of: date
    started: date  # the alliance's start (Alliance.started_on, typed as optional)
    partner: list[Person]
    ours: list[Person]
    rng: random.Random
    batch: Batch
    counter: list[int]  # running external id number for the alliance

    def next_id(self) -> str:
        self.counter[0] += 1
        return f"demo-{self.scenario.key}-{self.counter[0]:05d}"


def steady_count(rng: random.Random, mean: float) -> int:
    """A count near `mean` (+-30 %): real teams are more regular than a Poisson process."""
    if mean <= 0:
        return 0
    return int(mean * rng.uniform(0.7, 1.3) + rng.random())


def ritual_dates(ctx: MonthContext) -> list[tuple[str, date]]:
    """The governance rituals scheduled this month, by tier (quarters relative to as_of)."""
    first, tier = ctx.first, ctx.scenario.tier
    month = story_month_of(ctx.as_of, first)
    plan: list[tuple[str, date]] = []
    if tier == 1:
        if quarterly(month):
            plan.append(("steering_committee", nth_weekday(first, 3, 2)))
        plan.append(("operating_committee", nth_weekday(first, 1, 3)))
        plan += [("working_group", nth_weekday(first, 2, n)) for n in (1, 3)]
        if yearly(month, OFF_SITE_MONTHS_BACK):
            plan.append(("off_site", nth_weekday(first, 3, 4)))
    else:
        if quarterly(month):
            plan.append(("qbr", nth_weekday(first, 3, 2)))
        plan.append(("check_in", nth_weekday(first, 1, 3)))
        if tier == 2:
            plan.append(("working_group", nth_weekday(first, 2, 1)))
    return plan


def generate_month(ctx: MonthContext, extra: list[tuple[str, date]]) -> None:
    for ritual, day in ritual_dates(ctx) + extra:
        if day > ctx.as_of or day < ctx.started:
            continue
        optional = ritual not in FIXED_RITUALS
        if optional and ctx.rng.random() > ctx.levels.engagement:
            continue  # the meeting simply no longer gets scheduled
        meeting(ctx, ritual, day)
    tier_calls = {1: 1.6, 2: 0.9, 3: 0.6}[ctx.scenario.tier]
    for _ in range(steady_count(ctx.rng, tier_calls * ctx.levels.engagement)):
        call(ctx)
    threads = steady_count(ctx.rng, ctx.scenario.emails_per_month * ctx.levels.engagement / 1.4)
    for _ in range(threads):
        email_thread(ctx)


def _tone(ctx: MonthContext) -> tuple[float, bool, bool]:
    lv, rng = ctx.levels, ctx.rng
    tone = max(-1.0, min(1.0, rng.gauss(lv.tone, 0.14)))
    blaming = rng.random() < lv.blame
    defensive = not blaming and rng.random() < lv.defensive
    if blaming or defensive:
        tone = min(tone, rng.uniform(-0.6, -0.15))
    return round(tone, 2), blaming, defensive


def _invitees(ctx: MonthContext, people: list[Person], ritual: str, day: date) -> list[Person]:
    roles = RITUAL_ROLES[ritual]
    chosen = [p for p in people if p.active(day) and p.role in roles]
    if not chosen:  # small alliances: whoever is there
        chosen = [p for p in people if p.active(day)][:1]
    return [p for p in chosen if p.core or ctx.rng.random() < ctx.levels.reach]


def meeting(ctx: MonthContext, ritual: str, day: date) -> None:
    rng, lv = ctx.rng, ctx.levels
    holiday = day.month == 12 and day.day >= 15
    cancelled = rng.random() < lv.cancel_rate
    partner = _invitees(ctx, ctx.partner, ritual, day)
    ours = _invitees(ctx, ctx.ours, ritual, day)
    attended_p = [
        not cancelled and rng.random() < min(0.99, lv.attendance * p.keenness) for p in partner
    ]
    attended_o = [not cancelled and rng.random() < 0.95 for _ in ours]
    tone, blaming, defensive = _tone(ctx)
    subject = texts.RITUAL_SUBJECTS[ritual].format(
        quarter=f"Q{(day.month - 1) // 3 + 1} {day.year}",
        month=day.strftime("%B %Y"),
        year=day.year,
        wg=ctx.scenario.wg_name,
    )
    if cancelled:
        notes = rng.choice(texts.HOLIDAY_CANCEL_NOTES if holiday else texts.CANCEL_NOTES)
    else:
        notes = texts.meeting_note(rng, tone, blaming, defensive, holiday)
    row = ctx.batch.add(
        "interactions",
        Interaction(
            alliance=ctx.alliance,
            kind="meeting",
            ritual=ritual,
            occurred_at=at(day, rng.choice([9, 10, 11, 14, 15, 16]) + rng.choice([0, 0.5])),
            direction="mutual",
            subject=subject,
            duration_minutes=DURATION[ritual],
            cancelled=cancelled,
            partner_invited=len(partner),
            partner_attended=sum(attended_p),
            ours_invited=len(ours),
            ours_attended=sum(attended_o),
            tone=None if cancelled or not notes else tone,
            blaming=not cancelled and blaming and bool(notes),
            defensive=not cancelled and defensive and bool(notes),
            notes=notes,
            source="demo",
            external_id=ctx.next_id(),
        ),
    )
    for person, came in zip(partner + ours, attended_p + attended_o, strict=True):
        _participant(ctx, row, person, came, cancelled)


def _participant(
    ctx: MonthContext, row: Interaction, person: Person, came: bool, cancelled: bool
) -> None:
    response = "ACCEPTED" if came else ("NEEDS-ACTION" if cancelled else "DECLINED")
    ctx.batch.add(
        "participants",
        InteractionParticipant(
            interaction=row,
            contact=person.contact,
            invited=True,
            attended=came,
            response=response,
        ),
    )


def _pick(ctx: MonthContext, people: list[Person], day: date, roles: set[str]) -> Person | None:
    pool = [p for p in people if p.active(day) and (p.role in roles or p.core)]
    pool = [p for p in pool if p.core or ctx.rng.random() < ctx.levels.reach] or pool
    return ctx.rng.choice(pool) if pool else None


def _random_day(ctx: MonthContext) -> date | None:
    last = min(
        days_in(ctx.first),
        ctx.as_of.day
        if ctx.first.month == ctx.as_of.month and ctx.first.year == ctx.as_of.year
        else 31,
    )
    day = workday(ctx.first + timedelta(days=ctx.rng.randrange(0, last)))
    if day > ctx.as_of or day < ctx.started:
        return None
    return day


def call(ctx: MonthContext) -> None:
    day = _random_day(ctx)
    if day is None:
        return
    them = _pick(ctx, ctx.partner, day, EMAIL_ROLES)
    us = _pick(ctx, ctx.ours, day, EMAIL_ROLES)
    if them is None or us is None:
        return
    row = ctx.batch.add(
        "interactions",
        Interaction(
            alliance=ctx.alliance,
            kind="call",
            occurred_at=at(day, ctx.rng.uniform(9, 17)),
            direction="mutual",
            subject=ctx.rng.choice(texts.CALL_SUBJECTS),
            duration_minutes=ctx.rng.choice([15, 20, 30, 30, 45]),
            partner_invited=1,
            partner_attended=1,
            ours_invited=1,
            ours_attended=1,
            source="demo",
            external_id=ctx.next_id(),
        ),
    )
    _participant(ctx, row, them, True, False)
    _participant(ctx, row, us, True, False)


def email_thread(ctx: MonthContext) -> None:
    rng, lv = ctx.rng, ctx.levels
    day = _random_day(ctx)
    if day is None:
        return
    them = _pick(ctx, ctx.partner, day, EMAIL_ROLES)
    us = _pick(ctx, ctx.ours, day, EMAIL_ROLES)
    if them is None or us is None:
        return
    thread = f"<{ctx.next_id()}@{ctx.scenario.domain}>"
    subject = texts.email_subject(rng, ctx.scenario.kind)
    # A keen partner starts conversations; a fading one mostly answers ours.
    inbound = rng.random() < 0.5 * min(1.0, lv.engagement)
    when: datetime = at(day, rng.uniform(8, 18))
    end = at(ctx.as_of, 23.99)
    for position in range(rng.choice([2, 2, 3, 3, 4])):
        reply_hours = None
        if position:
            if inbound and rng.random() < 0.25 * (1.2 - min(1.0, lv.engagement)):
                return  # the partner never answered
            mean = lv.reply_hours if inbound else 7.0
            reply_hours = round(max(0.3, rng.lognormvariate(math.log(mean), 0.35)), 1)
            when += timedelta(hours=reply_hours)
        if when > end:
            return
        _email(ctx, thread, subject, when, inbound, reply_hours, them, us, position)
        inbound = not inbound


def _email(
    ctx: MonthContext,
    thread: str,
    subject: str,
    when: datetime,
    inbound: bool,
    reply_hours: float | None,
    them: Person,
    us: Person,
    position: int,
) -> None:
    rng, lv = ctx.rng, ctx.levels
    if inbound:
        words = ctx.scenario.words * lv.words * rng.lognormvariate(0, 0.3)
        tone, blaming, defensive = _tone(ctx)
    else:
        words = 170 * rng.lognormvariate(0, 0.3)
        tone, blaming, defensive = round(rng.gauss(0.4, 0.12), 2), False, False
    row = ctx.batch.add(
        "interactions",
        Interaction(
            alliance=ctx.alliance,
            kind="email",
            occurred_at=when,
            direction="inbound" if inbound else "outbound",
            subject=("Re: " if position else "") + subject,
            word_count=max(12, int(words)),
            reply_hours=reply_hours,
            tone=tone,
            blaming=blaming,
            defensive=defensive,
            source="demo",
            external_id=ctx.next_id(),
            thread_id=thread,
        ),
    )
    _participant(ctx, row, them, True, False)
    _participant(ctx, row, us, True, False)
