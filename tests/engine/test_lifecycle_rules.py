"""The phase decision table, one rule at a time, on hand-made facts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.lifecycle import PHASE_RULES, decide_phase
from radar.engine.lifecycle_explain import explain_phase
from radar.engine.lifecycle_facts import PhaseFacts, PhaseReason, RenewalEvent, Stalled
from radar.engine.vocab import Category, Phase

R = PhaseReason
RESET = RenewalEvent(date(2025, 10, 1), "A reset was decided on 2025-10-01")

# A mature, flat, quiet alliance: only the maturity rule applies.
QUIET = PhaseFacts(
    age=48,
    engagement=0.0,
    metrics=0.0,
    has_metrics=True,
    engagement_way="flat",
    metrics_way="flat",
    falling_parts=(),
    degraded_parts=(),
    confirmed=frozenset(),
    active=frozenset(),
    cluster=False,
    sustained_low=False,
    backed_growth=None,
    event=None,
    stalled=None,
    declared=None,
)


def facts(**changes) -> PhaseFacts:
    return dataclasses.replace(QUIET, **changes)


def decide(**changes):
    return decide_phase(facts(**changes), DEFAULT_CONFIG)


def test_the_table_is_read_in_order_and_always_ends_in_maturity():
    assert [r.name for r in PHASE_RULES] == [
        "renewal",
        "decline",
        "formation",
        "growth",
        "maturity",
    ]
    assert decide() == (
        Phase.MATURITY,
        (R.AGE, R.ENGAGEMENT_TREND, R.METRICS_TREND, R.HEALTHY_PLATEAU),
    )


def test_renewal_needs_an_event_the_alliance_responds_to():
    assert decide(event=RESET)[0] is Phase.RENEWAL
    assert R.RENEWING in decide(event=RESET)[1]
    stalled = Stalled(RESET, (2, 3.2), (2, 3.1))
    phase, codes = decide(event=RESET, stalled=stalled, cluster=True)
    assert phase is Phase.DECLINE and R.NOT_TURNED_ROUND in codes


def test_decline_needs_a_confirmed_cluster_with_something_falling():
    cluster = {"cluster": True, "confirmed": frozenset({Category.COMMUNICATION, Category.RESOURCE})}
    assert decide(**cluster)[0] is Phase.MATURITY
    phase, codes = decide(**cluster, falling_parts=("engagement",))
    assert phase is Phase.DECLINE and R.CONFIRMED_WHILE_FALLING in codes


def test_a_pattern_to_reset_on_is_decline_before_anything_falls():
    # Revenue is a lagging indicator: a pattern the recommendation resets on declines
    # while the numbers still hold.
    pattern = {
        "cluster": True,
        "corroborated": True,
        "pattern": True,
        "confirmed": frozenset({Category.RESOURCE}),
    }
    phase, codes = decide(**pattern)
    assert phase is Phase.DECLINE and codes[-1] is R.EARLY_PATTERN
    sentences = explain_phase(phase, codes, facts(**pattern), DEFAULT_CONFIG)
    assert sentences[-1].startswith(
        "Confirmed problems in resource, corroborated by other signals, make "
        "a pattern before any number falls"
    )
    # With something falling too, the reason says so instead.
    phase, codes = decide(**pattern, falling_parts=("engagement",))
    assert codes[-1] is R.CONFIRMED_WHILE_FALLING
    # A cluster that is no such pattern (a standing risk beside one problem) still needs
    # something falling.
    assert decide(**{**pattern, "pattern": False})[0] is Phase.MATURITY


def test_a_degraded_stalled_alliance_with_confirmed_problems_is_decline():
    cluster = {"cluster": True, "confirmed": frozenset({Category.COMMUNICATION, Category.RESOURCE})}
    phase, codes = decide(**cluster, degraded_parts=(("engagement", -0.45),))
    assert phase is Phase.DECLINE and R.CONFIRMED_WHILE_FALLING in codes
    sentences = explain_phase(
        phase, codes, facts(**cluster, degraded_parts=(("engagement", -0.45),)), DEFAULT_CONFIG
    )
    assert (
        "Confirmed problems in communication and resource while engagement is 45% below "
        "its healthy level." in sentences
    )


def test_one_confirmed_problem_in_a_degraded_alliance_is_decline_without_a_cluster():
    # Issue 10: a degraded, stalled alliance declines, not only a falling one.
    phase, codes = decide(confirmed=frozenset({Category.RESOURCE}), degraded_problem=True)
    assert phase is Phase.DECLINE and codes[-1] is R.DEGRADED_PROBLEM
    sentences = explain_phase(
        phase,
        codes,
        facts(confirmed=frozenset({Category.RESOURCE}), degraded_problem=True),
        DEFAULT_CONFIG,
    )
    assert any("confirmed problem in resource" in s for s in sentences)
    # The same problem without the sustained low level is no decline.
    assert decide(confirmed=frozenset({Category.RESOURCE}))[0] is Phase.MATURITY


def test_degraded_without_confirmed_problems_is_no_healthy_plateau():
    phase, codes = decide(degraded_parts=(("metrics", -0.5),))
    assert phase is Phase.MATURITY and codes[-1] is R.EASING


def test_a_sustained_low_score_is_decline_on_its_own():
    phase, codes = decide(sustained_low=True)
    assert phase is Phase.DECLINE and codes[-1] is R.SUSTAINED_LOW


def test_decline_comes_before_formation_and_formation_before_growth():
    assert decide(age=6, sustained_low=True)[0] is Phase.DECLINE
    assert decide(age=6, engagement_way="rising")[0] is Phase.FORMATION
    assert decide(engagement_way="rising")[0] is Phase.GROWTH


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({}, R.HEALTHY_PLATEAU),
        ({"active": frozenset({Category.COMMUNICATION})}, R.ROUTINE),
        ({"engagement_way": "falling"}, R.EASING),
        ({"metrics_way": None, "has_metrics": False}, R.HEALTHY_PLATEAU),
    ],
)
def test_maturity_tells_a_healthy_plateau_from_easing_and_routine(changes, reason):
    phase, codes = decide(**changes)
    assert phase is Phase.MATURITY and codes[-1] is reason


def test_a_reinvest_that_backs_growth_is_said_and_the_declared_phase_compared():
    phase, codes = decide(backed_growth=RESET, engagement_way="rising", declared=Phase.MATURITY)
    assert phase is Phase.GROWTH
    assert codes[3] is R.BACKS_GROWTH and codes[-1] is R.DECLARED_DIFFERS


def test_every_reason_code_has_a_sentence():
    every = facts(
        event=RESET,
        stalled=Stalled(RESET, None, None),
        backed_growth=RESET,
        declared=Phase.GROWTH,
        falling_parts=("the score",),
        confirmed=frozenset({Category.METRICS}),
    )
    sentences = explain_phase(Phase.DECLINE, tuple(PhaseReason), every, DEFAULT_CONFIG)
    assert len(sentences) == len(PhaseReason) and all(sentences)
    assert "the confirmed problems persist" in sentences[6]
