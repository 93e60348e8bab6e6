"""The latent state of an alliance month by month, and its discrete events.

A class (bench.accuracy.classes) shapes these; the realisation
(bench.accuracy.realize) then draws the month's meetings, mail, deliverables,
metric values and survey answers from them. Every multiplier is relative to the
alliance's own healthy level (its Profile), so a sparse and a busy alliance
decline alike in relative terms.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date

from bench.accuracy.dates import month_starts
from bench.accuracy.profile import Profile
from radar.engine.records import ContextFactorRecord, ObservationRecord
from radar.engine.vocab import ContactRole


@dataclass(slots=True)
class MonthState:
    start: date
    volume: float = 1.0  # mail, ad hoc meetings and calls, x healthy
    latency: float = 1.0  # partner reply time, x healthy
    unanswered: float = 0.06  # chance a message to the partner gets no reply
    attend: float = 0.9  # chance a partner invitee accepts
    sponsor: float = 1.0  # x attend, for the partner's executive sponsor
    delegated: bool = False  # a junior is invited in the sponsor's place
    cancel: float = 0.04  # chance a meeting is cancelled
    words: float = 1.0  # partner message length, x healthy
    warmth: float = 1.0  # 1 = the partner writes warmly .. 0 = cool, formal, defensive
    late: float = 0.05  # chance a partner deliverable is late
    missed: float = 0.01  # chance a partner deliverable is never delivered
    survey: float = 0.0  # shift of partner survey answers, as a share of the scale
    sharing: bool = True  # the partner sends reports, metric values and survey answers
    revenue: float = 1.0  # joint revenue and pipeline, x healthy
    leads: float = 1.0
    quality: float = 1.0  # conversion and joint customers' NPS, x healthy
    pro_forma: bool = False  # reviews reduced to short status updates
    positive: float = 0.05  # chance of a positive observation (joint win, new idea)


@dataclass(frozen=True, slots=True)
class Departure:
    """A partner person leaves their post; with `successor` they hand over properly."""

    when: date
    role: ContactRole
    successor: bool
    reason: str = "left"


@dataclass(frozen=True, slots=True)
class Arrival:
    """A new partner person: a junior stepping in, or a new connection as the alliance grows."""

    when: date
    role: ContactRole
    senior: bool = False


@dataclass(frozen=True, slots=True)
class OneOff:
    """A single event of the noise class: one slow month, one cancelled meeting, …"""

    kind: str  # "cancelled_meeting", "bad_survey", "late_deliverable"
    month: int  # month index


@dataclass(slots=True)
class Plan:
    """The months and the discrete events of one alliance."""

    months: list[MonthState]
    departures: list[Departure] = field(default_factory=list)
    arrivals: list[Arrival] = field(default_factory=list)
    one_offs: list[OneOff] = field(default_factory=list)
    observations: list[ObservationRecord] = field(default_factory=list)
    context: list[ContextFactorRecord] = field(default_factory=list)
    trend: float = 0.0  # yearly compounding growth of the outcome metrics
    seasonal: bool = False  # strong holiday and August dips (the seasonal class)


def healthy_months(profile: Profile, rng: random.Random) -> list[MonthState]:
    """Steady months with the small wobble any real alliance has.

    Everyone slows down a little in August and late December; the seasonal
    class deepens that (bench.accuracy.classes).
    """
    months = []
    for start in month_starts(profile.first, profile.months):
        dip = {8: 0.85, 12: 0.9}.get(start.month, 1.0)
        months.append(
            MonthState(
                start=start,
                volume=dip * math.exp(rng.gauss(0, 0.12)),
                latency=math.exp(rng.gauss(0, 0.15)),
                attend=min(0.99, profile.attend + rng.gauss(0, 0.03)),
                cancel=max(0.0, profile.cancel + rng.gauss(0, 0.015)),
                late=profile.late,
            )
        )
    return months
