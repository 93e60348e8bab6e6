"""The recommendation decision table, one rule at a time, on hand-made facts."""

from __future__ import annotations

import dataclasses
from datetime import date

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import DecisionRecord
from radar.engine.respond import ACTION_RULES, decide_action
from radar.engine.respond_explain import explain_action, headline
from radar.engine.respond_facts import ActionFacts, ActionReason
from radar.engine.vocab import DecisionKind, Phase, Polarity
from tests.engine.detections import sig

R = ActionReason
A = DecisionKind
RESET = DecisionRecord(date(2025, 6, 10), DecisionKind.RESET)
SLOWER = sig("communication.reply_slower")
CONFIRMED = sig("communication.reply_slower", confirmed=True)
OURS = sig("execution.our_missed", confirmed=True)
WIN = sig("metrics.positive_observation", polarity=Polarity.POSITIVE)

QUIET = ActionFacts(
    score=4.6,
    phase=Phase.MATURITY,
    negatives=(),
    positives=(),
    confirmed=(),
    ours=(),
    our_slips=(),
    systemic=False,
    systemic_categories=(),
    sustained_low=False,
    unanswered=None,
    recent_reset=None,
    deadline=None,
    dates=(),
)


def decide(**changes):
    rule, codes = decide_action(dataclasses.replace(QUIET, **changes), DEFAULT_CONFIG)
    return rule.action, rule.name, codes


def test_the_table_is_read_in_order_and_always_ends_in_monitor():
    names = [r.name for r in ACTION_RULES]
    assert names == [
        "exit_after_failed_reset",
        "exit_before_deadline",
        "reset",
        "reinvest",
        "monitor",
    ]
    assert decide() == (A.MONITOR, "monitor", (R.QUIET,))


def test_open_sightings_are_monitored():
    assert decide(negatives=(SLOWER,)) == (A.MONITOR, "monitor", (R.OPEN_SIGNALS,))


def test_a_confirmed_pattern_is_a_reset_and_says_what_is_confirmed():
    action, name, codes = decide(negatives=(CONFIRMED,), confirmed=(CONFIRMED,))
    assert (action, name, codes) == (A.RESET, "reset", (R.CONFIRMED_PATTERN,))


def test_a_reset_already_under_way_is_followed_through():
    _, _, codes = decide(negatives=(CONFIRMED,), confirmed=(CONFIRMED,), recent_reset=RESET.decided)
    assert codes == (R.CONFIRMED_PATTERN, R.RESET_UNDER_WAY)


def test_our_own_confirmed_slips_start_the_reset_with_our_delivery():
    _, _, codes = decide(negatives=(OURS,), confirmed=(OURS,), ours=(OURS,))
    assert codes == (R.CONFIRMED_PATTERN, R.OUR_DELIVERY)


def test_exit_after_a_reset_that_did_not_help_needs_all_three_facts():
    failing = {"sustained_low": True, "phase": Phase.DECLINE, "unanswered": RESET}
    action, name, codes = decide(**failing)
    assert (action, name) == (A.EXIT, "exit_after_failed_reset")
    assert codes[:2] == (R.SUSTAINED_SYSTEMIC, R.RESET_UNANSWERED)
    assert decide(**{**failing, "unanswered": None})[1] == "monitor"
    assert decide(**{**failing, "sustained_low": False})[1] == "monitor"


def test_a_declining_alliance_near_its_deadline_is_an_exit():
    deadline = ("renewal", date(2026, 2, 1))
    assert decide(phase=Phase.DECLINE, deadline=deadline)[1] == "exit_before_deadline"
    assert decide(deadline=deadline)[1] == "monitor"


def test_reinvest_needs_a_healthy_score_and_positives_or_growth():
    assert decide(positives=(WIN,))[:2] == (A.REINVEST, "reinvest")
    assert decide(phase=Phase.GROWTH)[2] == (R.HEALTHY, R.GROWING)
    assert decide(positives=(WIN,), score=3.9)[0] is A.MONITOR


def test_our_unconfirmed_slips_are_a_reason_whatever_the_action():
    _, _, codes = decide(negatives=(SLOWER,), our_slips=(SLOWER,))
    assert codes == (R.OPEN_SIGNALS, R.OUR_SLIPS)


def test_every_reason_code_has_a_sentence_and_every_rule_a_headline():
    facts = dataclasses.replace(
        QUIET,
        negatives=(CONFIRMED,),
        confirmed=(CONFIRMED,),
        positives=(WIN,),
        our_slips=(SLOWER,),
        unanswered=RESET,
        recent_reset=RESET.decided,
        deadline=("renewal", date(2026, 2, 1)),
    )
    codes = tuple(c for c in ActionReason if c is not R.CONTEXT)
    sentences = explain_action(codes, facts, DEFAULT_CONFIG)
    assert len(sentences) == len(codes) and all(sentences)
    assert all(headline(rule.name, facts) for rule in ACTION_RULES)
