from __future__ import annotations

import dataclasses
import pickle
from datetime import date

from radar.engine.config import EngineConfig
from radar.engine.evaluate import evaluate
from radar.engine.records import DecisionRecord, ObservationRecord, PeriodStats
from radar.engine.vocab import Category, DecisionKind, Phase, Polarity
from tests.engine.builders import alliance, history
from tests.engine.test_scenarios import (
    co_selling_incentive_change,
    reassigned_lead_engineer,
    stable_mature_alliance,
)

AS_OF = date(2025, 10, 31)


def test_it_is_deterministic():
    h = reassigned_lead_engineer()
    assert evaluate(h, AS_OF).to_dict() == evaluate(h, AS_OF).to_dict()


def test_it_ignores_everything_dated_after_as_of():
    h = reassigned_lead_engineer()
    future = dataclasses.replace(
        h,
        periods=(*h.periods, PeriodStats(date(2026, 1, 1), meetings_held=40)),
        observations=(
            ObservationRecord(9, date(2025, 11, 20), Category.PRIORITY, Polarity.NEGATIVE),
        ),
        decisions=(DecisionRecord(date(2025, 11, 5), DecisionKind.EXIT),),
    )
    assert evaluate(future, AS_OF).to_dict() == evaluate(h, AS_OF).to_dict()


def test_it_keeps_a_score_for_every_period_and_the_previous_one():
    a = evaluate(reassigned_lead_engineer(), AS_OF)
    assert a.score_history[0].period == date(2023, 1, 1)
    assert a.score_history[-1].period == date(2025, 10, 1)
    assert a.score_history[-1].score == a.score
    assert a.previous_score == a.score_history[-2].score
    assert all(1.0 <= p.score <= 5.0 for p in a.score_history)


def test_it_judges_the_last_complete_month():
    a = evaluate(reassigned_lead_engineer(), date(2025, 11, 15))
    assert a.score_history[-1].period == date(2025, 10, 1)


def test_it_lists_its_data_gaps_in_plain_words():
    a = evaluate(reassigned_lead_engineer(), AS_OF)
    assert "No metric series." in a.data_gaps
    assert any(g.startswith("Metrics had no data in October 2025") for g in a.data_gaps)
    assert "No agreement on record, so review, renewal and exit dates are unknown." in a.data_gaps


def test_an_alliance_without_any_data_has_no_score_yet_not_a_middle_one():
    bare = history(alliance=alliance(started=date(2025, 9, 1)))
    a = evaluate(bare, AS_OF)
    assert a.score is None and all(c.imputed for c in a.categories)
    assert a.data_gaps[-1].startswith("Not enough data yet for a score: 0 of 6 categories")
    assert a.phase.phase is Phase.FORMATION
    assert a.recommendation.action is DecisionKind.MONITOR
    assert "No interactions (meetings, calls, e-mails) are logged." in a.data_gaps


def test_dropping_the_metrics_of_a_healthy_alliance_never_raises_its_score():
    h = stable_mature_alliance()
    without = dataclasses.replace(h, metrics=())
    assert evaluate(without, AS_OF).score <= evaluate(h, AS_OF).score


def test_dropping_deliverables_or_contacts_never_raises_a_healthy_score():
    h = stable_mature_alliance()
    score = evaluate(h, AS_OF).score
    assert evaluate(dataclasses.replace(h, deliverables=()), AS_OF).score <= score
    assert evaluate(dataclasses.replace(h, contacts=()), AS_OF).score <= score


def test_configuration_is_honoured():
    strict = EngineConfig.from_mapping({"confirm_after_periods": 1})
    a = evaluate(co_selling_incentive_change(), date(2025, 8, 31), strict)
    assert next(s for s in a.signals if s.rule == "metrics.falling.leads").confirmed


def test_an_assessment_survives_pickling_as_the_workers_send_it():
    for h in (reassigned_lead_engineer(), co_selling_incentive_change(), stable_mature_alliance()):
        a = evaluate(h, AS_OF)
        back = pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == a and back.to_dict() == a.to_dict()
