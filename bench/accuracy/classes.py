"""One builder per class: draw the alliance's profile, shape its months, write its label.

The backtest window is the portfolio's last 18 month ends (WINDOW); class
events that matter for the readings (a revenue fall, a downturn, one-off noise)
are placed inside it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bench.accuracy.dates import add_months, month_end
from bench.accuracy.erosion import EFFECTS, Channel, apply_channels, draw_channels
from bench.accuracy.labels import DECLINE, EXPECTED_FINAL, Label, base_phases
from bench.accuracy.months import Arrival, Departure, OneOff, Plan, healthy_months
from bench.accuracy.profile import Profile, draw_profile, survey_due
from radar.engine.records import ContextFactorRecord
from radar.engine.vocab import ContactRole, ContextKind, Phase

WINDOW = 18


@dataclass(frozen=True, slots=True)
class Scenario:
    profile: Profile
    plan: Plan
    label: Label


def window_indexes(profile: Profile) -> range:
    """Month indexes of the alliance inside the backtest window."""
    return range(max(0, profile.months - WINDOW), profile.months)


def _phases(
    profile: Profile, expect: Callable[[int], frozenset[Phase] | None]
) -> tuple[tuple[date, frozenset[Phase]], ...]:
    found = []
    for i in window_indexes(profile):
        phases = expect(i)
        if phases is not None:
            found.append((month_end(add_months(profile.first, i)), phases))
    return tuple(found)


def _grow(plan: Plan, rng: random.Random, rate: float) -> None:
    """Compounding growth: outcomes by `rate` a year, engagement by half of it, new people."""
    plan.trend = rate
    for i, m in enumerate(plan.months):
        m.volume *= (1 + rate / 2) ** (i / 12)
        m.positive = 0.12
    i = rng.randint(3, 8)
    while i < len(plan.months):
        role = rng.choice([ContactRole.OTHER, ContactRole.SALES_LEAD, ContactRole.MARKETING_LEAD])
        plan.arrivals.append(
            Arrival(plan.months[i].start + timedelta(days=rng.randint(1, 25)), role)
        )
        i += rng.randint(5, 10)


def _steady_label(cls: str, profile: Profile, plan: Plan, variant: str, growing: bool) -> Label:
    return Label(
        cls, variant, EXPECTED_FINAL[cls], _phases(profile, lambda i: base_phases(i + 1, growing))
    )


def healthy(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 6, 48)
    plan = Plan(healthy_months(profile, rng))
    return Scenario(profile, plan, _steady_label("healthy", profile, plan, "steady", False))


def growing(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 6, 48)
    plan = Plan(healthy_months(profile, rng))
    rate = rng.uniform(0.25, 0.35)
    _grow(plan, rng, rate)
    label = _steady_label("growing", profile, plan, f"+{rate:.0%} a year", True)
    return Scenario(profile, plan, label)


def seasonal(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 14, 48)
    plan = Plan(healthy_months(profile, rng), seasonal=True)
    grows = rng.random() < 0.3
    if grows:
        _grow(plan, rng, rng.uniform(0.25, 0.35))
    quiet = rng.choice([3, 6, 9, 10])  # the partner's declared quiet month (a freeze)
    note = rng.choice(["Partner's year-end change freeze", "Partner's annual planning freeze"])
    for m in plan.months:
        depth = {8: rng.uniform(0.3, 0.5), 12: rng.uniform(0.45, 0.7)}.get(m.start.month)
        if m.start.month == quiet:
            depth = rng.uniform(0.3, 0.45)
            start = m.start + timedelta(days=rng.randint(0, 4))
            plan.context.append(
                ContextFactorRecord(ContextKind.OTHER, start, month_end(m.start), note=note)
            )
        if depth is not None:
            m.volume *= depth
            m.latency *= 1 + (1 - depth) * rng.uniform(1.5, 3.0)
            m.cancel = min(0.7, m.cancel + (1 - depth) * rng.uniform(0.3, 0.6))
            m.attend = max(0.3, m.attend - (1 - depth) * 0.4)
            m.revenue *= rng.uniform(0.6, 0.85)
            m.leads *= rng.uniform(0.5, 0.8)
    variant = f"quiet month {quiet}" + (", growing" if grows else "")
    return Scenario(profile, plan, _steady_label("seasonal", profile, plan, variant, grows))


def plateau(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 36, 48)
    plan = Plan(healthy_months(profile, rng))
    grew = rng.randint(12, 18)  # months of early growth before the plateau
    start_level = rng.uniform(0.45, 0.65)
    for i, m in enumerate(plan.months):
        level = start_level ** max(0.0, 1 - i / grew)
        m.revenue *= level
        m.leads *= level
        m.volume *= math.sqrt(level) * (1.0 if i < grew else 0.9)
        m.words *= 1.0 if i < grew else 0.85  # routine updates are shorter
        m.positive = 0.08 if i < grew else 0.03
    if rng.random() < 0.6:  # the sponsor hands over properly, as mature alliances do
        when = plan.months[rng.randint(grew + 2, profile.months - 3)].start
        plan.departures.append(
            Departure(when, ContactRole.EXECUTIVE_SPONSOR, successor=True, reason="role_change")
        )
    label = Label(
        "plateau",
        f"grew {grew} months",
        EXPECTED_FINAL["plateau"],
        _phases(
            profile,
            lambda i: base_phases(i + 1, False) | ({Phase.GROWTH} if i < grew + 6 else set()),
        ),
    )
    return Scenario(profile, plan, label)


def downturn(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 20, 48)
    plan = Plan(healthy_months(profile, rng))
    begin = profile.months - WINDOW + rng.randint(2, 11)
    drop, ramp = rng.uniform(0.15, 0.4), rng.randint(2, 4)
    length = rng.choice([None, rng.randint(6, 12)])
    if length is not None and begin + length >= profile.months:
        length = None  # still going on at the portfolio's end
    for i, m in enumerate(plan.months[begin:], start=begin):
        over = length is not None and i >= begin + length
        level = 0.0 if over else min(1.0, (i - begin + 1) / ramp)
        m.revenue *= 1 - drop * level
        m.leads *= 1 - drop * 1.1 * level
        m.quality *= 1 - 0.05 * level
    kind = ContextKind.DOWNTURN if rng.random() < 0.8 else ContextKind.REGULATION
    start = plan.months[begin].start + timedelta(days=rng.randint(0, 20))
    end = None if length is None else month_end(plan.months[begin + length - 1].start)
    note = (
        "Recession in the partner's main market"
        if kind is ContextKind.DOWNTURN
        else ("New data-protection rules slow joint deals")
    )
    plan.context.append(ContextFactorRecord(kind, start, end, note=note))
    variant = f"{kind.value}, -{drop:.0%}" + ("" if length is None else f", {length} months")
    return Scenario(profile, plan, _steady_label("downturn", profile, plan, variant, False))


NOISE_KINDS = ("slow_month", "cancelled_meeting", "bad_survey", "late_deliverable", "handover")


def noise(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 12, 48)
    plan = Plan(healthy_months(profile, rng))
    grows = rng.random() < 0.3
    if grows:
        _grow(plan, rng, rng.uniform(0.25, 0.35))
    kinds = [k for k in NOISE_KINDS if k != "bad_survey" or profile.surveys]
    chosen = rng.sample(kinds, rng.randint(1, 3))
    window = list(window_indexes(profile))[2:]
    for kind, i in zip(chosen, rng.sample(window, len(chosen)), strict=True):
        if kind == "bad_survey":  # the month of a survey of the first kind in the window
            due = [j for j in window if survey_due(profile.surveys[0], plan.months[j].start)]
            i = rng.choice(due)
        if kind == "slow_month":
            plan.months[i].latency *= rng.uniform(2.5, 4.0)
        elif kind == "handover":
            role = rng.choice([ContactRole.CHAMPION, ContactRole.ALLIANCE_MANAGER])
            when = plan.months[i].start + timedelta(days=rng.randint(3, 25))
            plan.departures.append(Departure(when, role, successor=True, reason="role_change"))
        else:
            plan.one_offs.append(OneOff(kind, i))
    label = _steady_label("noise", profile, plan, "+".join(sorted(chosen)), grows)
    return Scenario(profile, plan, label)


def _decline_outcomes(plan: Plan, rng: random.Random, fall: int, ramp: int, drop: float) -> None:
    """Revenue (and leads, a month earlier at most) fall from month `fall` on."""
    lead_shift = rng.randint(0, 1)
    for i, m in enumerate(plan.months):
        m.revenue *= 1 - drop * min(1.0, max(0, i - fall + 1) / ramp)
        m.leads *= 1 - drop * 1.2 * min(1.0, max(0, i - fall + lead_shift + 1) / ramp)
        m.quality *= 1 - 0.2 * min(1.0, max(0, i - fall + 1) / ramp)


def _variant(speed: str, channels: list[Channel]) -> str:
    return f"{speed}: " + "+".join(c.name for c in channels)


def declining(rng: random.Random, index: int, last: date) -> Scenario:
    fall_in_window = rng.randint(7, 14)  # leaves months before the fall and after it
    slow = rng.random() < 0.5
    lead = rng.randint(6, 12) if slow else rng.randint(4, 5)
    before = rng.randint(6, 24)  # healthy months before the erosion starts
    months = WINDOW - fall_in_window + lead + before
    profile = draw_profile(rng, index, last, months, months)
    plan = Plan(healthy_months(profile, rng))
    fall = profile.months - WINDOW + fall_in_window
    onset = fall - lead
    channels = draw_channels(rng, profile, onset, lead, rng.randint(2, 6), slow)
    apply_channels(plan, channels, rng)
    _decline_outcomes(plan, rng, fall, rng.randint(2, 6), rng.uniform(0.25, 0.6))

    def expect(i: int) -> frozenset[Phase] | None:
        if i < onset:
            return base_phases(i + 1, False)
        return DECLINE if i >= fall else None

    label = Label(
        "declining",
        _variant("slow" if slow else "fast", channels),
        EXPECTED_FINAL["declining"],
        _phases(profile, expect),
        revenue_fall=plan.months[fall].start,
        onset=plan.months[onset].start,
    )
    return Scenario(profile, plan, label)


def stalled(rng: random.Random, index: int, last: date) -> Scenario:
    profile = draw_profile(rng, index, last, 30, 48)
    plan = Plan(healthy_months(profile, rng))
    ramp = rng.randint(3, 9)
    # The month the degradation completes: up to 8 months before the window, or in its first 5.
    done = max(6 + ramp - 1, profile.months - WINDOW + rng.randint(-8, 4))
    begin = done - ramp + 1
    channels = draw_channels(rng, profile, begin, ramp, rng.randint(3, 5), True)
    channels.append(Channel("pro_forma_reviews", EFFECTS["pro_forma_reviews"][0], begin, ramp, 1.0))
    apply_channels(plan, channels, rng)
    _decline_outcomes(plan, rng, begin, ramp, rng.uniform(0.25, 0.55))
    label = Label(
        "stalled",
        _variant(f"stalled {ramp} months", channels),
        EXPECTED_FINAL["stalled"],
        _phases(profile, lambda i: DECLINE if i >= done + 2 else None),
        onset=plan.months[begin].start,
    )
    return Scenario(profile, plan, label)


BUILDERS: dict[str, Callable[[random.Random, int, date], Scenario]] = {
    "declining": declining,
    "stalled": stalled,
    "healthy": healthy,
    "growing": growing,
    "seasonal": seasonal,
    "plateau": plateau,
    "downturn": downturn,
    "noise": noise,
}
