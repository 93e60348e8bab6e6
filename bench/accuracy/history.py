"""The engine-level path: a World's events as the engine's `History`.

This is what a perfect importer and the store would hand the engine: the
monthly totals follow radar.portfolio.activity_stats's definitions (scheduled, held
and cancelled meetings, attendance of held meetings, inbound and outbound mail,
reply hours of replies to the other side, tone over every scored text, distinct
partner people who took part, last two-way contact, last day of each ritual),
and automatic replies are left out because they are not replies.
`history_as_of` then cuts it as radar.portfolio.loader does, so the engine
never sees anything dated after the backtest date.

When the engine learns to read a new input, feed it here from the World (the
end-to-end path gets it through the store by itself).
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from bench.accuracy.world import Message, World
from radar.engine.records import (
    REPLY_FLOOR_HOURS,
    AllianceInfo,
    ContactRecord,
    DeliverableRecord,
    History,
    MetricSeries,
    PeriodStats,
    SurveyRecord,
)
from radar.engine.vocab import ContactRole, DeliverableStatus, Ritual, Side


@dataclass(slots=True)
class _Month:
    scheduled: int = 0
    held: int = 0
    cancelled: int = 0
    partner_invited: int = 0
    partner_attended: int = 0
    ours_invited: int = 0
    ours_attended: int = 0
    calls: int = 0
    inbound: int = 0
    outbound: int = 0
    partner_replies: list[float] = field(default_factory=list)
    our_replies: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    tones: list[float] = field(default_factory=list)
    blaming: int = 0
    defensive: int = 0
    people: set[str] = field(default_factory=set)
    last_contact: datetime | None = None
    rituals: dict[Ritual, date] = field(default_factory=dict)
    sponsor_invited: int = 0
    sponsor_attended: int = 0

    def contact(self, when: datetime) -> None:
        if self.last_contact is None or when > self.last_contact:
            self.last_contact = when


def _mean(values: list[float] | list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _logs(hours: list[float]) -> list[float]:
    """ln(hours) of each reply, the shortest counted as 0.1 h (as the store does)."""
    return [math.log(max(h, REPLY_FLOOR_HOURS)) for h in hours]


def _add_meetings(world: World, months: dict[date, _Month]) -> None:
    for meeting in world.meetings:
        month = months[meeting.start.date().replace(day=1)]
        month.scheduled += 1
        if meeting.cancelled:
            month.cancelled += 1
            continue
        month.held += 1
        partner = [(e, a) for e, a in meeting.responses if world.side_of(e) is Side.PARTNER]
        ours = [(e, a) for e, a in meeting.responses if world.side_of(e) is Side.OURS]
        month.partner_invited += len(partner)
        month.partner_attended += sum(a.attends for _, a in partner)
        month.ours_invited += len(ours)
        month.ours_attended += sum(a.attends for _, a in ours)
        month.people.update(e for e, a in partner if a.attends)
        sponsors = [a for e, a in partner if world.person(e).role is ContactRole.EXECUTIVE_SPONSOR]
        month.sponsor_invited += bool(sponsors)
        month.sponsor_attended += any(a.attends for a in sponsors)
        if not partner or any(a.attends for _, a in partner):
            month.contact(meeting.start)
        if meeting.ritual is not Ritual.NONE:
            day = meeting.start.date()
            month.rituals[meeting.ritual] = max(day, month.rituals.get(meeting.ritual, day))


def _add_message(world: World, message: Message, parent: Message | None, month: _Month) -> None:
    inbound = world.side_of(message.sender) is Side.PARTNER
    hours = None
    if parent is not None and world.side_of(parent.sender) is not world.side_of(message.sender):
        hours = (message.sent - parent.sent).total_seconds() / 3600
    if inbound:
        month.inbound += 1
        month.words.append(message.words)
        month.contact(message.sent)
        if hours is not None:
            month.partner_replies.append(hours)
    else:
        month.outbound += 1
        if hours is not None:
            month.our_replies.append(hours)
    month.tones.append(message.tone)
    month.blaming += message.register == "blaming"
    month.defensive += message.register == "defensive"
    everyone = (message.sender, *message.to, *message.cc)
    month.people.update(e for e in everyone if world.side_of(e) is Side.PARTNER)


def period_stats(world: World) -> tuple[PeriodStats, ...]:
    months: dict[date, _Month] = defaultdict(_Month)
    _add_meetings(world, months)
    for call in world.calls:
        month = months[call.when.date().replace(day=1)]
        month.calls += 1
        month.people.add(call.partner)
        month.contact(call.when)
    by_id = {m.id: m for m in world.messages}
    for message in world.messages:
        if not message.auto:
            parent = by_id.get(message.parent) if message.parent else None
            _add_message(world, message, parent, months[message.sent.date().replace(day=1)])
    return tuple(
        PeriodStats(
            period=period,
            meetings_scheduled=m.scheduled,
            meetings_held=m.held,
            meetings_cancelled=m.cancelled,
            partner_invited=m.partner_invited,
            partner_attended=m.partner_attended,
            ours_invited=m.ours_invited,
            ours_attended=m.ours_attended,
            calls=m.calls,
            emails_inbound=m.inbound,
            emails_outbound=m.outbound,
            partner_reply_hours=_mean(m.partner_replies),
            our_reply_hours=_mean(m.our_replies),
            partner_words=_mean(m.words),
            tone=_mean(m.tones),
            toned=len(m.tones),
            blaming=m.blaming,
            defensive=m.defensive,
            partner_people=len(m.people),
            last_contact=m.last_contact,
            rituals=dict(m.rituals),
            partner_replies=len(m.partner_replies),
            partner_reply_log=_mean(_logs(m.partner_replies)),
            partner_reply_log_sq=_mean([v * v for v in _logs(m.partner_replies)]),
            sponsor_invited=m.sponsor_invited,
            sponsor_attended=m.sponsor_attended,
        )
        for period, m in sorted(months.items())
    )


def contacts(world: World) -> tuple[ContactRecord, ...]:
    ids = {p.email: n for n, p in enumerate(world.people, start=1)}
    return tuple(
        ContactRecord(
            id=ids[p.email],
            name=p.name,
            side=p.side,
            role=p.role,
            title=p.title,
            started=p.started,
            ended=p.ended,
            end_reason=p.end_reason,
            successor_id=ids.get(p.successor) if p.successor else None,
        )
        for p in world.people
    )


def full_history(world: World, alliance_id: int) -> History:
    owner = world.person(world.owner).name
    return History(
        alliance=AllianceInfo(
            id=alliance_id,
            name=world.name,
            partner=world.partner,
            kind=world.kind,
            tier=world.tier,
            owner=owner,
            started=world.started,
        ),
        periods=period_stats(world),
        contacts=contacts(world),
        deliverables=tuple(world.deliverables),
        metrics=tuple(
            MetricSeries(dataclasses.replace(m.definition, supplied_by=m.supplied_by), m.points)
            for m in world.metrics
        ),
        surveys=tuple(world.surveys),
        observations=tuple(world.observations),
        context=tuple(world.context),
        agreement=world.agreement,
        governance=world.governance,
    )


def _contact_as_of(c: ContactRecord, as_of: date) -> ContactRecord:
    if c.ended is not None and c.ended > as_of:
        return dataclasses.replace(c, ended=None, end_reason="", successor_id=None)
    return c


def _deliverable_as_of(d: DeliverableRecord, as_of: date) -> DeliverableRecord | None:
    if d.done is not None and d.done <= as_of:
        return d
    if d.due > as_of:
        return None
    if d.done is None:
        return d
    return dataclasses.replace(d, done=None, status=DeliverableStatus.OPEN)  # not finished yet


def _survey_as_of(s: SurveyRecord, as_of: date) -> SurveyRecord:
    return dataclasses.replace(s, responses=tuple(r for r in s.responses if r.submitted <= as_of))


def history_as_of(full: History, as_of: date) -> History:
    """What the store's loader returns on `as_of` (radar.portfolio.loader, events)."""
    kept = (_deliverable_as_of(d, as_of) for d in full.deliverables)
    return dataclasses.replace(
        full,
        periods=tuple(p for p in full.periods if p.period <= as_of),
        contacts=tuple(
            _contact_as_of(c, as_of)
            for c in full.contacts
            if c.started is None or c.started <= as_of
        ),
        deliverables=tuple(d for d in kept if d is not None),
        metrics=tuple(
            dataclasses.replace(m, points=tuple(p for p in m.points if p[0] <= as_of))
            for m in full.metrics
        ),
        surveys=tuple(_survey_as_of(s, as_of) for s in full.surveys if s.sent <= as_of),
        observations=tuple(o for o in full.observations if o.observed <= as_of),
        context=tuple(c for c in full.context if c.start <= as_of),
    )
