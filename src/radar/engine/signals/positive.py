"""Positive signals: momentum worth reinforcing (polarity positive, in their own category)."""

from __future__ import annotations

from collections.abc import Iterator

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import ContactRecord
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import Rule, observation_rule
from radar.engine.signals.metrics import target_rule
from radar.engine.signals.resource import delegation_months
from radar.engine.vocab import Category, Polarity, Side

POS = Polarity.POSITIVE

engagement_rising = BaselineRule(
    rule="communication.engagement_rising",
    category=Category.COMMUNICATION,
    polarity=POS,
    series="engagement",
    direction=Direction.UP,
    title="Engagement is rising",
    sentence=(
        "Meetings, calls and partner e-mails: {value}, against a usual {median} a month ({change})."
    ),
    unit="interactions",
    counts=True,
)

_network_growing = BaselineRule(
    rule="resource.network_growing",
    category=Category.RESOURCE,
    polarity=POS,
    series="partner_people",
    direction=Direction.UP,
    title="More partner people take part",
    sentence="Partner people taking part: {value}, against a usual {median} ({change}).",
    unit="people",
    note="network effect: a leading indicator",
)


def network_growing(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """More partner people take part — unless they came in place of a sponsor who stayed
    away (delegation, radar.engine.signals.resource): that is no network growth."""
    delegated = delegation_months(frame)
    return (d for d in _network_growing(frame, config) if frame.index_of(d.period) not in delegated)


def new_partner_contacts(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """New people on the partner side who are not simply replacing someone, nor standing in
    for a sponsor who stays away."""
    contacts = frame.history.contacts
    successors = {c.successor_id for c in contacts if c.successor_id is not None}
    delegated = delegation_months(frame)
    first = frame.periods[0] if frame.periods else None
    by_period: dict[int, list[ContactRecord]] = {}
    for c in contacts:
        if c.side != Side.PARTNER or c.started is None or c.id in successors:
            continue
        if first is not None and c.started < first:
            continue
        i = frame.index_of(c.started)
        if i is not None and i > 0 and i not in delegated:  # the first month everyone "joins"
            by_period.setdefault(i, []).append(c)
    for i in sorted(by_period):
        joined = sorted(by_period[i], key=lambda c: (c.started, c.id))
        names = ", ".join(f"{c.name} ({c.title or c.role.value.replace('_', ' ')})" for c in joined)
        yield Detection(
            rule="resource.new_partner_contacts",
            category=Category.RESOURCE,
            polarity=POS,
            period=frame.periods[i],
            title="New partner contacts",
            detail=f"New on the partner side: {names}.",
            evidence=Evidence(
                summary="partner contacts who joined (not as someone's successor)",
                points=tuple(
                    EvidencePoint(c.started.isoformat() if c.started else "", c.name)
                    for c in joined
                ),
                points_of="joined",
            ),
            severity=min(1.0, 0.3 + 0.1 * len(joined)),
        )


def beats_target(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A metric meets or beats its target for the period."""
    return target_rule(frame, config, met=True)


def _observation_rules() -> tuple[Rule, ...]:
    return tuple(
        observation_rule(f"{c.value}.positive_observation", c, POS, "Good news recorded")
        for c in Category
    )


RULES: tuple[Rule, ...] = (
    engagement_rising,
    network_growing,
    new_partner_contacts,
    beats_target,
    *_observation_rules(),
)
RULE_IDS = (
    "communication.engagement_rising",
    "resource.network_growing",
    "resource.new_partner_contacts",
    "metrics.beats_target",
    *(f"{c.value}.positive_observation" for c in Category),
)
