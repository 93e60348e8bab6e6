"""The recommendation decision table, one rule at a time, on hand-made facts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import DecisionRecord
from radar.engine.respond import ACTION_RULES, decide_action
from radar.engine.respond_explain import explain_action, headline
from radar.engine.respond_facts import ActionFacts, ActionReason
from radar.engine.vocab import DecisionKind, Phase, Polarity
from tests.engine.detections import START, sig

R = ActionReason
A = DecisionKind
RESET = DecisionRecord(date(2025, 6, 10), DecisionKind.RESET)
SLOWER = sig("communication.reply_slower")
CONFIRMED = sig("communication.reply_slower", confirmed=True)
TONE = sig("culture.tone_falling", confirmed=True)
OURS = sig("execution.our_missed", confirmed=True)
WIN = sig("metrics.positive_observation", polarity=Polarity.POSITIVE)
ONE_CONTACT = sig("resource.single_contact", confirmed=True)
REVENUE = dataclasses.replace(
    sig("metrics.falling.joint_revenue", confirmed=True), possibly_external=True, context=("x",)
)
EMPTY_SEAT = dataclasses.replace(sig("resource.key_contact_left", confirmed=True), durable=True)

QUIET = ActionFacts(
    score=4.6,
    phase=Phase.MATURITY,
    period=START,
    negatives=(),
    positives=(),
    confirmed=(),
    ours=(),
    our_slips=(),
    systemic=False,
    systemic_categories=(),
    corroborated=False,
    sustained_low=False,
    unanswered=None,
    recent_reset=None,
    deadline=None,
    dates=(),
)


def confirmed(*found, **changes):
    return {"negatives": found, "confirmed": found, **changes}


def decide(**changes):
    rule, codes = decide_action(dataclasses.replace(QUIET, **changes), DEFAULT_CONFIG)
    return rule.action, rule.name, codes


def test_the_table_is_read_in_order_and_always_ends_in_monitor():
    assert [r.name for r in ACTION_RULES] == [
        "exit_after_failed_reset",
        "exit_before_deadline",
        "monitor_external",
        "reset_systemic",
        "reset_pattern",
        "reset_our_delivery",
        "reset_fact",
        "reset_lasting_loss",
        "watch_uncorroborated",
        "watch_sightings",
        "monitor_outside_force",
        "reinvest",
        "monitor_task",
        "monitor",
    ]
    assert decide() == (A.MONITOR, "monitor", (R.QUIET,))


def test_open_sightings_are_monitored():
    assert decide(negatives=(SLOWER,)) == (A.MONITOR, "monitor", (R.OPEN_SIGNALS,))


def test_confirmed_problems_in_two_categories_are_a_reset():
    action, name, codes = decide(**confirmed(CONFIRMED, TONE))
    assert (action, name) == (A.RESET, "reset_pattern")
    assert codes == (R.CORROBORATED, R.CONFIRMED_PATTERN)


def test_one_confirmed_problem_needs_corroboration_to_be_a_reset():
    assert decide(**confirmed(CONFIRMED))[:2] == (A.WATCH, "watch_uncorroborated")
    assert decide(**confirmed(CONFIRMED, corroborated=True))[:2] == (A.RESET, "reset_pattern")


def test_two_confirmed_changes_in_one_category_read_as_two_signs_of_one_trouble():
    fewer = sig("communication.fewer_meetings", confirmed=True)
    facts = dataclasses.replace(QUIET, **confirmed(CONFIRMED, fewer, corroborated=True))
    rule, codes = decide_action(facts, DEFAULT_CONFIG)
    assert (rule.name, codes[0]) == ("reset_pattern", R.CORROBORATED)
    sentence = explain_action(codes, facts, DEFAULT_CONFIG)[0]
    assert "two signs of the same trouble" in sentence
    assert "another category" not in sentence
    # One problem corroborated elsewhere still says so.
    alone = dataclasses.replace(QUIET, **confirmed(CONFIRMED, corroborated=True))
    assert (
        "another category"
        in explain_action(decide_action(alone, DEFAULT_CONFIG)[1], alone, DEFAULT_CONFIG)[0]
    )


def test_a_systemic_cluster_is_a_reset():
    assert decide(systemic=True)[:2] == (A.RESET, "reset_systemic")


def test_a_reset_already_under_way_is_followed_through():
    _, _, codes = decide(**confirmed(CONFIRMED, TONE), recent_reset=RESET.decided)
    assert codes[-1] is R.RESET_UNDER_WAY


def test_our_own_confirmed_slips_start_the_reset_with_our_delivery():
    action, name, codes = decide(**confirmed(OURS, ours=(OURS,)))
    assert (action, name) == (A.RESET, "reset_our_delivery")
    assert codes == (R.CONFIRMED_PATTERN, R.OUR_DELIVERY)


def test_an_empty_key_seat_is_a_reset_on_its_own():
    action, name, codes = decide(**confirmed(EMPTY_SEAT))
    assert (action, name, codes[0]) == (A.RESET, "reset_fact", R.DURABLE_FACT)


def test_a_downturn_that_explains_the_results_while_the_relationship_is_quiet_is_monitor():
    assert decide(**confirmed(REVENUE))[:2] == (A.MONITOR, "monitor_external")
    # ... not when the relationship has a confirmed problem of its own: that one is watched,
    # since the explained revenue fall corroborates nothing about the partner,
    assert decide(**confirmed(REVENUE, CONFIRMED))[:2] == (A.WATCH, "watch_uncorroborated")
    # ... and a second category of relationship problems makes it a pattern (a reset),
    assert decide(**confirmed(REVENUE, CONFIRMED, TONE))[:2] == (A.RESET, "reset_pattern")
    # ... nor when nothing on record explains it.
    unexplained = dataclasses.replace(REVENUE, possibly_external=False, context=())
    assert decide(**confirmed(unexplained))[0] is A.WATCH


def test_a_confirmed_fall_in_the_results_that_has_lasted_is_a_reset():
    unexplained = dataclasses.replace(REVENUE, possibly_external=False, context=())
    action, name, codes = decide(**confirmed(unexplained), results_loss=-0.45)
    assert (action, name, codes[0]) == (A.RESET, "reset_lasting_loss", R.LASTING_LOSS)
    facts = dataclasses.replace(QUIET, **confirmed(unexplained), results_loss=-0.45)
    (sentence,) = explain_action((R.LASTING_LOSS,), facts, DEFAULT_CONFIG)
    assert "have stayed 45% below their healthy level" in sentence
    # Not a fall an outside force on record may explain: the market, not the partner,
    assert decide(**confirmed(REVENUE), results_loss=-0.45)[1] == "monitor_external"
    # ... nor a fall that has not lasted (the results are not far below their level),
    assert decide(**confirmed(unexplained))[1] == "watch_uncorroborated"
    # ... nor a low level while the confirmed problem is elsewhere.
    assert decide(**confirmed(CONFIRMED), results_loss=-0.45)[1] == "watch_uncorroborated"


def test_a_single_point_of_contact_on_a_healthy_alliance_is_a_task_not_a_reset():
    action, name, codes = decide(**confirmed(ONE_CONTACT), score=4.7)
    assert (action, name, codes) == (A.MONITOR, "monitor_task", (R.STRUCTURAL_TASK,))
    facts = dataclasses.replace(QUIET, **confirmed(ONE_CONTACT))
    assert headline(name, facts).startswith("Monitor, and build more connections")
    action, name, codes = decide(**confirmed(ONE_CONTACT), positives=(WIN,))
    assert (action, codes) == (A.REINVEST, (R.HEALTHY, R.POSITIVE_SIGNALS, R.STRUCTURAL_TASK))


@pytest.mark.parametrize(("categories", "action"), [(2, A.REINVEST), (3, A.WATCH)])
def test_sightings_in_three_categories_in_one_month_are_an_early_warning(categories, action):
    rules = ("communication.reply_slower", "resource.team_shrinking", "culture.tone_falling")
    seen = tuple(sig(rule) for rule in rules[:categories])
    assert decide(negatives=seen, positives=(WIN,))[0] is action
    older = tuple(sig(rule, first_seen=date(2024, 12, 1)) for rule in rules)
    assert decide(negatives=older)[0] is A.MONITOR  # not seen this month


def test_exit_after_a_reset_that_did_not_help_needs_all_three_facts():
    failing = {"sustained_low": True, "phase": Phase.DECLINE, "unanswered": RESET}
    action, name, codes = decide(**failing)
    assert (action, name) == (A.EXIT, "exit_after_failed_reset")
    assert codes[:2] == (R.SUSTAINED_SYSTEMIC, R.RESET_UNANSWERED)
    assert decide(**{**failing, "unanswered": None})[1] == "monitor"
    assert decide(**{**failing, "sustained_low": False})[1] == "monitor"


def test_a_declining_alliance_near_its_deadline_is_an_exit():
    deadline = ("renewal", date(2026, 2, 1))
    pattern = confirmed(CONFIRMED, TONE)
    assert decide(**pattern, phase=Phase.DECLINE, deadline=deadline)[1] == "exit_before_deadline"
    assert decide(**pattern, deadline=deadline)[1] == "reset_pattern"
    # A decline with one uncorroborated problem (a degraded alliance) is watched, not wound
    # down: an exit needs a pattern the table would reset anyway.
    alone = decide(**confirmed(CONFIRMED), phase=Phase.DECLINE, deadline=deadline)
    assert alone[1] == "watch_uncorroborated"
    assert decide(phase=Phase.DECLINE, sustained_low=True, deadline=deadline)[1] == (
        "exit_before_deadline"
    )


def test_reinvest_needs_a_healthy_score_and_positives_or_growth():
    assert decide(positives=(WIN,))[:2] == (A.REINVEST, "reinvest")
    assert decide(phase=Phase.GROWTH)[2] == (R.HEALTHY, R.GROWING)
    assert decide(positives=(WIN,), score=3.9)[0] is A.MONITOR


DOWNTURN_NOTE = "During an economic downturn, 2025-01-01 to ongoing — may be external."


def test_an_outside_force_on_record_holds_back_a_reinvest_but_nothing_else():
    action, name, codes = decide(positives=(WIN,), outside=(DOWNTURN_NOTE,))
    assert (action, name, codes) == (A.MONITOR, "monitor_outside_force", (R.OUTSIDE_FORCE,))
    facts = dataclasses.replace(QUIET, positives=(WIN,), outside=(DOWNTURN_NOTE,))
    (sentence,) = explain_action(codes, facts, DEFAULT_CONFIG)
    assert "but during an economic downturn, 2025-01-01 to ongoing:" in sentence
    # Growth read over the months of a downturn is no reason to invest more either,
    assert decide(phase=Phase.GROWTH, outside=(DOWNTURN_NOTE,))[1] == "monitor_outside_force"
    # ... and it changes nothing when the alliance is not healthy enough to reinvest anyway.
    assert decide(positives=(WIN,), score=3.9, outside=(DOWNTURN_NOTE,))[1] == "monitor"
    assert decide(**confirmed(CONFIRMED, TONE), outside=(DOWNTURN_NOTE,))[1] == "reset_pattern"


def test_seasonal_sightings_are_no_early_warning():
    rules = ("communication.reply_slower", "resource.team_shrinking", "culture.tone_falling")
    seen = [sig(rule) for rule in rules]
    assert decide(negatives=tuple(seen))[0] is A.WATCH
    seen[0] = dataclasses.replace(seen[0], seasonal=True)  # last year's August dip again
    assert decide(negatives=tuple(seen))[1] == "monitor"


def test_our_own_unconfirmed_slip_is_no_sighting_of_the_partner():
    rules = ("communication.reply_slower", "resource.team_shrinking", "execution.our_missed")
    seen = tuple(sig(rule) for rule in rules)
    action, name, codes = decide(negatives=seen, our_slips=(seen[-1],))
    assert (action, name) == (A.MONITOR, "monitor")
    assert R.OUR_SLIPS in codes  # said, not ignored
    partner = (*seen[:2], sig("execution.partner_missed"))
    assert decide(negatives=partner)[1] == "watch_sightings"


def test_our_unconfirmed_slips_are_a_reason_whatever_the_action():
    _, _, codes = decide(negatives=(SLOWER,), our_slips=(SLOWER,))
    assert codes == (R.OPEN_SIGNALS, R.OUR_SLIPS)


def test_every_reason_code_has_a_sentence_and_every_rule_a_headline():
    facts = dataclasses.replace(
        QUIET,
        negatives=(CONFIRMED, TONE, ONE_CONTACT, EMPTY_SEAT),
        confirmed=(CONFIRMED, TONE, ONE_CONTACT, EMPTY_SEAT),
        positives=(WIN,),
        our_slips=(SLOWER,),
        unanswered=RESET,
        recent_reset=RESET.decided,
        deadline=("renewal", date(2026, 2, 1)),
        outside=(DOWNTURN_NOTE,),
        results_loss=-0.4,
    )
    codes = tuple(c for c in ActionReason if c is not R.CONTEXT)
    sentences = explain_action(codes, facts, DEFAULT_CONFIG)
    assert len(sentences) == len(codes) and all(sentences)
    assert all(headline(rule.name, facts) for rule in ACTION_RULES)
