"""From a scenario (profile, months, events) to what happened: a World."""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.accuracy.classes import Scenario
from bench.accuracy.dates import add_months
from bench.accuracy.mail import add_mail
from bench.accuracy.meetings import add_meetings
from bench.accuracy.people import cast
from bench.accuracy.records import add_deliverables, add_metrics, add_observations, add_surveys
from bench.accuracy.world import World
from radar.engine.records import AgreementInfo, GovernanceBody
from radar.engine.vocab import ContactRole, Side


def _agreement(first: date, last: date, rng: random.Random) -> AgreementInfo:
    signed = first - timedelta(days=rng.randint(0, 60))
    years = rng.randint(2, 4)
    renewal = (
        signed.replace(year=signed.year + years)
        if signed.month != 2
        else signed.replace(day=1, year=signed.year + years)
    )
    while renewal <= last:  # renewed for another term as the alliance went on
        renewal = renewal.replace(year=renewal.year + years)
    return AgreementInfo(
        signed=signed,
        renewal=renewal,
        next_review=add_months(last, rng.randint(1, 6)),
        exit_notice_days=rng.choice([60, 90, 180]),
        review_interval_months=rng.choice([6, 12]),
        has_review_clause=rng.random() < 0.7,
        has_renegotiation_clause=rng.random() < 0.4,
        has_exit_clause=rng.random() < 0.8,
    )


def realize(scenario: Scenario, rng: random.Random, last: date) -> World:
    """Draw every event of the scenario up to the portfolio's last day `last`."""
    profile, plan = scenario.profile, scenario.plan
    people = cast(profile, plan, rng)
    owner = next(
        p for p in people if p.side is Side.OURS and p.role is ContactRole.ALLIANCE_MANAGER
    )
    world = World(
        name=profile.name,
        partner=profile.partner,
        domain=profile.domain,
        kind=profile.kind,
        tier=profile.tier,
        started=profile.first,
        owner=owner.email,
        agreement=_agreement(profile.first, last, rng),
        governance=tuple(
            GovernanceBody(b.tier, b.name, b.ritual, b.cadence_days) for b in profile.bodies
        ),
        calendar=profile.calendar,
        zone=profile.zone,
        people=people,
    )
    add_meetings(world, profile, plan, rng, last)
    add_mail(world, profile, plan, rng, last)
    add_deliverables(world, profile, plan, rng, last)
    add_metrics(world, profile, plan, rng)
    add_surveys(world, profile, plan, rng, last)
    add_observations(world, plan, rng, last)
    return world
