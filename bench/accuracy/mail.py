"""Mail between the two sides: threads, reply times, out-of-office replies, reports.

Each month holds threads started by either side; replies alternate, the
partner's after a log-normal delay around its month's reply time (slower in a
decline) and sometimes never. People take holidays: a message reaching
someone away gets an automatic reply within minutes and the real answer after
their return. Automatic replies are kept (the end-to-end path writes them
with their RFC 3834 headers) but marked, because they are not replies.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from bench.accuracy.dates import add_months
from bench.accuracy.draws import around, office_time, poisson, workday
from bench.accuracy.months import MonthState, Plan
from bench.accuracy.people import active
from bench.accuracy.profile import Profile
from bench.accuracy.world import Message, Person, Register, World
from radar.engine.vocab import ContactRole, Side

TOPICS = (
    "Joint pipeline for {q}",
    "Next steps on the integration",
    "Webinar planning",
    "Reference customer for the case study",
    "Pricing question from a joint prospect",
    "Enablement session for your sales team",
    "Roadmap update",
    "Renewal of the demo licences",
    "Partner portal access",
    "Co-marketing budget for {q}",
    "Support escalation",
    "Agenda for the next review",
    "Certification of the connector",
    "Lead hand-off process",
)
WEIGHTS = {
    ContactRole.CHAMPION: 3.0,
    ContactRole.ALLIANCE_MANAGER: 3.0,
    ContactRole.SALES_LEAD: 2.0,
    ContactRole.TECHNICAL_LEAD: 2.0,
    ContactRole.MARKETING_LEAD: 1.5,
    ContactRole.EXECUTIVE_SPONSOR: 0.5,
    ContactRole.OTHER: 1.0,
}
TONES = {  # (mean, spread) of how warm an ideal reader finds each register
    Register.WARM: (0.65, 0.15),
    Register.NEUTRAL: (0.25, 0.15),
    Register.TERSE: (0.0, 0.15),
    Register.DEFENSIVE: (-0.15, 0.2),
    Register.BLAMING: (-0.5, 0.2),
}

Absences = dict[str, list[tuple[date, date]]]


def absences(rng: random.Random, people: list[Person], first: date, last: date) -> Absences:
    """Holidays per person: summer leave, the year-end break, a few odd days."""
    found: Absences = {}
    for person in people:
        spans = []
        for year in range(first.year - 1, last.year + 1):
            if rng.random() < 0.75:
                begin = date(year, 7, 1) + timedelta(days=rng.randint(0, 50))
                spans.append((begin, begin + timedelta(days=rng.randint(7, 20))))
            if rng.random() < 0.8:
                spans.append((date(year, 12, 22), date(year + 1, 1, 2)))
            for _ in range(2):
                begin = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
                spans.append((begin, begin + timedelta(days=rng.randint(1, 3))))
        found[person.email] = spans
    return found


def back_on(spans: list[tuple[date, date]], day: date) -> date | None:
    """The day someone away on `day` is back, or None when they are in."""
    for begin, end in spans:
        if begin <= day <= end:
            return end + timedelta(days=1)
    return None


def partner_register(rng: random.Random, warmth: float) -> Register:
    cool = 1 - warmth
    weights = (0.6 * warmth + 0.05, 0.35, 0.05 + 0.25 * cool, 0.4 * cool, 0.12 * cool)
    return rng.choices(list(TONES), weights=weights)[0]


def _tone(rng: random.Random, register: Register) -> float:
    mean, spread = TONES[register]
    return round(max(-1.0, min(1.0, rng.gauss(mean, spread))), 3)


class Mailer:
    """Writes one alliance's messages into its World."""

    def __init__(self, world: World, profile: Profile, rng: random.Random, last: date):
        self.world, self.profile, self.rng, self.last = world, profile, rng, last
        self.away = absences(rng, world.people, profile.first, last)
        self.count = 0

    def _id(self, sender: str) -> str:
        self.count += 1
        return f"{self.rng.getrandbits(48):012x}.{self.count}@{sender.split('@')[1]}"

    def _words(self, person: Person, month: MonthState, register: Register) -> int:
        if person.side is Side.OURS:
            return round(self.rng.uniform(40, 180))
        words = around(self.rng, self.profile.words * month.words, 0.35)
        return max(6, round(words * (0.4 if register is Register.TERSE else 1.0)))

    def add(self, month: MonthState) -> None:
        for _ in range(poisson(self.rng, self.profile.mail_rate * month.volume / 1.4)):
            self._thread(month)
        if self.profile.reports and month.sharing and month.start > self.profile.first:
            self._report(month)

    def _pick(self, side: Side, day: date, month: MonthState) -> Person | None:
        people = active(self.world.people, side, day)
        if not people:
            return None
        weights = [WEIGHTS.get(p.role, 1.0) for p in people]
        if month.delegated:
            weights = [
                w * (4 if p.role is ContactRole.OTHER else 1)
                for w, p in zip(weights, people, strict=True)
            ]
        return self.rng.choices(people, weights=weights)[0]

    def _thread(self, month: MonthState) -> None:
        rng = self.rng
        start = office_time(rng, workday(rng, month.start))
        partner = self._pick(Side.PARTNER, start.date(), month)
        ours = self._pick(Side.OURS, start.date(), month)
        if partner is None or ours is None:
            return
        quarter = f"Q{(month.start.month - 1) // 3 + 1}"
        subject = rng.choice(TOPICS).format(q=quarter)
        sender, other = (partner, ours) if rng.random() < 0.45 else (ours, partner)
        length = 1
        while length < 7 and rng.random() < 0.55:
            length += 1
        parent: Message | None = None
        when = start
        for _ in range(length):
            if parent is not None:
                reply_at = self._reply_time(sender, parent, month)
                if reply_at is None:
                    return
                when = reply_at
            if when.date() > self.last:
                return
            parent = self._send(sender, other, when, subject, parent, month)
            sender, other = other, sender

    def _reply_time(self, replier: Person, parent: Message, month: MonthState) -> datetime | None:
        rng = self.rng
        if replier.side is Side.PARTNER:
            if rng.random() < month.unanswered:
                return None
            delay = around(rng, self.profile.partner_latency * month.latency, 0.7)
        else:
            delay = around(rng, self.profile.our_latency, 0.6)
        when = parent.sent + timedelta(hours=delay)
        back = back_on(self.away.get(replier.email, []), parent.sent.date())
        if back is not None:
            self._auto_reply(replier, parent)
            when = max(when, datetime.combine(back, time(9), UTC) + timedelta(hours=delay / 3))
        return when

    def _auto_reply(self, replier: Person, parent: Message) -> None:
        sent = parent.sent + timedelta(minutes=self.rng.randint(1, 3))
        self.world.messages.append(
            Message(
                self._id(replier.email),
                parent.thread,
                parent.id,
                replier.email,
                (parent.sender,),
                (),
                sent,
                parent.subject,
                35,
                Register.NEUTRAL,
                0.3,
                auto=True,
            )
        )

    def _send(
        self,
        sender: Person,
        to: Person,
        when: datetime,
        subject: str,
        parent: Message | None,
        month: MonthState,
    ) -> Message:
        rng = self.rng
        if sender.side is Side.PARTNER:
            register = partner_register(rng, month.warmth)
        else:
            register = Register.WARM if rng.random() < 0.6 else Register.NEUTRAL
        message_id = self._id(sender.email)
        message = Message(
            message_id,
            parent.thread if parent else message_id,
            parent.id if parent else None,
            sender.email,
            (to.email,),
            self._cc(sender, to, when.date()),
            when,
            subject if parent is None else f"Re: {subject}",
            self._words(sender, month, register),
            register,
            _tone(rng, register),
        )
        self.world.messages.append(message)
        return message

    def _cc(self, sender: Person, to: Person, day: date) -> tuple[str, ...]:
        if self.rng.random() > 0.25:
            return ()
        others = [p for p in active(self.world.people, Side.OURS, day) if p not in (sender, to)]
        return (self.rng.choice(others).email,) if others else ()

    def _report(self, month: MonthState) -> None:
        rng = self.rng
        day = month.start + timedelta(days=rng.randint(2, 7))
        sender = self._pick(Side.PARTNER, day, month)
        if sender is None or day > self.last:
            return
        previous = add_months(month.start, -1).strftime("%B %Y")
        message_id = self._id(sender.email)
        sent = datetime.combine(day, time(rng.randint(7, 11), rng.randint(0, 59)), UTC)
        self.world.messages.append(
            Message(
                message_id,
                message_id,
                None,
                sender.email,
                (self.world.owner,),
                (),
                sent,
                f"{self.profile.partner} partner report - {previous}",
                round(rng.uniform(80, 160)),
                Register.NEUTRAL,
                _tone(rng, Register.NEUTRAL),
                report=True,
            )
        )


def add_mail(world: World, profile: Profile, plan: Plan, rng: random.Random, last: date) -> None:
    mailer = Mailer(world, profile, rng, last)
    for month in plan.months:
        mailer.add(month)
    world.messages.sort(key=lambda m: m.sent)
