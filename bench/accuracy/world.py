"""What happened in one generated alliance: people, meetings, mail, calls and records.

The engine-level path aggregates these events into `History` records
(bench.accuracy.history); they are also what a user's calendar exports and
mailboxes would hold. Times are UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from radar.engine.records import (
    AgreementInfo,
    ContextFactorRecord,
    DeliverableRecord,
    GovernanceBody,
    MetricDefinition,
    ObservationRecord,
    SurveyRecord,
)
from radar.engine.vocab import AllianceKind, ContactRole, Ritual, Side

OUR_DOMAIN = "ours.example"


class Register(StrEnum):
    """How a message is written; the partner's drifts from warm to defensive in a decline."""

    WARM = "warm"
    NEUTRAL = "neutral"
    TERSE = "terse"
    DEFENSIVE = "defensive"  # formal: points at what was agreed, insists on procedure
    BLAMING = "blaming"


class Partstat(StrEnum):
    """An invitee's answer, as calendars record it (RFC 5545 PARTSTAT)."""

    ACCEPTED = "ACCEPTED"
    TENTATIVE = "TENTATIVE"
    DECLINED = "DECLINED"
    NEEDS_ACTION = "NEEDS-ACTION"

    @property
    def attends(self) -> bool:
        return self in (Partstat.ACCEPTED, Partstat.TENTATIVE)


@dataclass(frozen=True, slots=True)
class Person:
    email: str
    name: str
    side: Side
    role: ContactRole
    title: str
    senior: bool
    started: date
    ended: date | None = None
    end_reason: str = ""  # "left", "reassigned", "role_change" or ""
    successor: str | None = None  # e-mail of who took over

    def active(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or day < self.ended)


@dataclass(frozen=True, slots=True)
class SeriesDef:
    """A recurring meeting as a calendar holds it: one RRULE from its first start."""

    uid: str
    title: str
    ritual: Ritual
    rule: str  # RRULE value, e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    first: datetime
    minutes: int
    organizer: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting, or one occurrence of a series (`series` = its SeriesDef uid)."""

    uid: str
    start: datetime  # for an occurrence: its start in the series (RECURRENCE-ID)
    minutes: int
    title: str
    ritual: Ritual
    organizer: str
    responses: tuple[tuple[str, Partstat], ...]  # (e-mail, answer), organiser included
    cancelled: bool = False
    series: str | None = None


@dataclass(frozen=True, slots=True)
class Message:
    id: str  # Message-ID without the angle brackets
    thread: str  # Message-ID of the thread's first message
    parent: str | None  # the message this one answers
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    sent: datetime
    subject: str
    words: int  # what the sender wrote, quotes and signature left out
    register: Register
    tone: float  # -1 hostile .. +1 warm: what an ideal reader scores the text as
    auto: bool = False  # an out-of-office or other automatic reply: not a real reply
    report: bool = False  # the partner's periodic report (stops when they stop sharing)


@dataclass(frozen=True, slots=True)
class Call:
    when: datetime
    minutes: int
    partner: str
    ours: str
    subject: str


@dataclass(frozen=True, slots=True)
class Metric:
    definition: MetricDefinition
    points: tuple[tuple[date, float], ...]
    supplied_by: Side  # partner-supplied values stop when the partner stops sharing


@dataclass(slots=True)
class World:
    """Everything generated for one alliance."""

    name: str
    partner: str
    domain: str
    kind: AllianceKind
    tier: int
    started: date
    owner: str
    agreement: AgreementInfo
    governance: tuple[GovernanceBody, ...]
    calendar: str  # "google" or "outlook": how our owner's calendar exports
    zone: str  # IANA zone our owner's calendar writes times in
    people: list[Person] = field(default_factory=list)
    series: list[SeriesDef] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    deliverables: list[DeliverableRecord] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    surveys: list[SurveyRecord] = field(default_factory=list)
    observations: list[ObservationRecord] = field(default_factory=list)
    context: list[ContextFactorRecord] = field(default_factory=list)

    def person(self, email: str) -> Person:
        for p in self.people:
            if p.email == email:
                return p
        raise KeyError(email)

    def side_of(self, email: str) -> Side:
        return Side.OURS if email.endswith("@" + OUR_DOMAIN) else Side.PARTNER
