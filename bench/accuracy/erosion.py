"""How a relationship erodes: the quiet signals the guides name, one channel each.

A declining (or stalled) alliance gets several channels from at least two
signal categories, in a random order, each with its own onset, strength and
speed (a ramp of one month is a sudden change, ten months a slow boil). A
channel never recovers by itself. Discrete channels (a champion leaving, the
partner signing with our competitor, the partner no longer sharing) become
events at their onset.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bench.accuracy.months import Arrival, Departure, MonthState, Plan
from bench.accuracy.profile import Profile
from radar.engine.records import ObservationRecord
from radar.engine.vocab import (
    Category,
    ContactRole,
    ObservationKind,
    ObservationSource,
    Polarity,
)


@dataclass(frozen=True, slots=True)
class Channel:
    name: str
    category: Category  # the guides' bucket the signal belongs to
    start: int  # month index of its onset
    ramp: int  # months to full strength
    strength: float  # 0..1

    def level(self, month: int) -> float:
        if month < self.start:
            return 0.0
        return self.strength * min(1.0, (month - self.start + 1) / self.ramp)


Effect = Callable[[MonthState, float, random.Random], None]


def _slower_replies(m: MonthState, x: float, rng: random.Random) -> None:
    m.latency *= 1 + x * rng.uniform(2.0, 4.5)
    m.unanswered += 0.25 * x


def _less_engagement(m: MonthState, x: float, rng: random.Random) -> None:
    m.volume *= 1 - 0.6 * x
    m.words *= 1 - 0.5 * x


def _thinner_attendance(m: MonthState, x: float, rng: random.Random) -> None:
    m.attend = max(0.15, m.attend - 0.55 * x)


def _more_cancellations(m: MonthState, x: float, rng: random.Random) -> None:
    m.cancel = min(0.8, m.cancel + 0.5 * x)


def _sponsor_delegates(m: MonthState, x: float, rng: random.Random) -> None:
    m.sponsor = max(0.05, 1 - 2.5 * x)  # once delegated, the sponsor stops coming
    m.delegated = x > 0


def _late_deliverables(m: MonthState, x: float, rng: random.Random) -> None:
    m.late = min(0.9, m.late + 0.55 * x)
    m.missed = min(0.6, m.missed + 0.3 * x)


def _cooler_register(m: MonthState, x: float, rng: random.Random) -> None:
    m.warmth = max(0.0, m.warmth - x)


def _falling_surveys(m: MonthState, x: float, rng: random.Random) -> None:
    m.survey -= 0.4 * x


def _stops_sharing(m: MonthState, x: float, rng: random.Random) -> None:
    m.sharing = False


def _priority_shift(m: MonthState, x: float, rng: random.Random) -> None:
    m.volume *= 1 - 0.25 * x
    m.positive = 0.01


def _pro_forma_reviews(m: MonthState, x: float, rng: random.Random) -> None:
    m.pro_forma = x > 0.3
    m.attend = max(0.2, m.attend - 0.2 * x)


EFFECTS: dict[str, tuple[Category, Effect]] = {
    "slower_replies": (Category.COMMUNICATION, _slower_replies),
    "less_engagement": (Category.COMMUNICATION, _less_engagement),
    "thinner_attendance": (Category.COMMUNICATION, _thinner_attendance),
    "more_cancellations": (Category.COMMUNICATION, _more_cancellations),
    "sponsor_delegates": (Category.RESOURCE, _sponsor_delegates),
    "champion_leaves": (Category.RESOURCE, lambda m, x, r: None),  # an event, below
    "priority_shift": (Category.PRIORITY, _priority_shift),
    "stops_sharing": (Category.PRIORITY, _stops_sharing),
    "late_deliverables": (Category.EXECUTION, _late_deliverables),
    "cooler_register": (Category.CULTURE, _cooler_register),
    "falling_surveys": (Category.METRICS, _falling_surveys),
    "pro_forma_reviews": (Category.COMMUNICATION, _pro_forma_reviews),
}

# Channels that need something the alliance may not have.
_NEEDS: dict[str, Callable[[Profile], bool]] = {
    "falling_surveys": lambda p: bool(p.surveys),
    "stops_sharing": lambda p: bool(p.partner_metrics or p.surveys or p.reports),
    "champion_leaves": lambda p: len(p.partner_roles) > 1 or p.juniors > 0,
    "sponsor_delegates": lambda p: ContactRole.EXECUTIVE_SPONSOR in p.partner_roles,
}

# What a partner's shift of priorities looks like when it is recorded.
PRIORITY_SHIFTS = (
    (
        ObservationKind.COMPETING_INITIATIVE,
        ObservationSource.EXTERNAL,
        "Partner announced a programme of its own that overlaps ours",
    ),
    (
        ObservationKind.COMPETING_INITIATIVE,
        ObservationSource.EXTERNAL,
        "Partner signed a reseller agreement with our main competitor",
    ),
    (
        ObservationKind.PROGRAM_TIER_CHANGE,
        ObservationSource.EXTERNAL,
        "We were moved down a tier in the partner's programme",
    ),
    (
        ObservationKind.FOCUS_SHIFT,
        ObservationSource.INTERNAL,
        "Partner's sales team now pushes a new in-house bundle first",
    ),
    (
        ObservationKind.JOB_POSTING,
        ObservationSource.EXTERNAL,
        "Partner is hiring for a role that would replace our joint offer",
    ),
)


def draw_channels(
    rng: random.Random, profile: Profile, first: int, span: int, count: int, slow: bool
) -> list[Channel]:
    """`count` channels from at least two categories, starting within `span` months of `first`."""
    usable = [n for n in EFFECTS if n != "pro_forma_reviews" and _NEEDS.get(n, bool)(profile)]
    while True:
        names = rng.sample(usable, min(count, len(usable)))
        if len({EFFECTS[n][0] for n in names}) >= 2:
            break
    channels = []
    for name in names:
        start = first + rng.randint(0, max(0, span - 2))
        longest = max(1, first + span - start)
        ramp = rng.randint(max(1, longest // 2), longest) if slow else rng.randint(1, 3)
        channels.append(Channel(name, EFFECTS[name][0], start, ramp, rng.uniform(0.45, 1.0)))
    # At least one channel is clearly visible: the guides' "pattern", not a whisper.
    strongest = max(channels, key=lambda c: c.strength)
    channels[channels.index(strongest)] = Channel(
        strongest.name,
        strongest.category,
        strongest.start,
        strongest.ramp,
        max(0.7, strongest.strength),
    )
    return sorted(channels, key=lambda c: c.start)


def apply_channels(plan: Plan, channels: Sequence[Channel], rng: random.Random) -> None:
    """Degrade the months from each channel's onset on, and add its events."""
    for i, month in enumerate(plan.months):
        for channel in channels:
            level = channel.level(i)
            if level > 0:
                EFFECTS[channel.name][1](month, level, rng)
    for channel in channels:
        _add_events(plan, channel, rng)


def _onset_day(plan: Plan, channel: Channel, rng: random.Random) -> date:
    return plan.months[channel.start].start + timedelta(days=rng.randint(2, 25))


def _add_events(plan: Plan, channel: Channel, rng: random.Random) -> None:
    day = _onset_day(plan, channel, rng)
    if channel.name == "champion_leaves":
        plan.departures.append(Departure(day, ContactRole.CHAMPION, successor=False))
    elif channel.name == "sponsor_delegates":
        plan.arrivals.append(Arrival(day, ContactRole.OTHER))
    elif channel.name == "priority_shift":
        kind, source, title = rng.choice(PRIORITY_SHIFTS)
        plan.observations.append(
            ObservationRecord(0, day, Category.PRIORITY, Polarity.NEGATIVE, kind, source, title)
        )
