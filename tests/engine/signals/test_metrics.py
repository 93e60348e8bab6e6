from __future__ import annotations

from datetime import date

from radar.engine.signals import rule_family
from radar.engine.vocab import Category, MetricKind, Polarity
from tests.engine.builders import detect, dip, fired, history, metric, negatives, steady_periods

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
MONTHS = 24
NOISY = [40, 44, 38, 42, 41, 39, 43, 40, 42, 38, 41, 44] * 2


def run(*metrics):
    return detect(history(periods=steady_periods(START, MONTHS), metrics=metrics), AS_OF)


def test_a_steady_metric_on_target_raises_no_negative_signal():
    found = run(metric("leads", START, NOISY, kind=MetricKind.LEADING, target=35))
    assert negatives(found) == []
    assert len(fired(found, "metrics.beats_target.leads")) == MONTHS


def test_it_notices_a_metric_falling_against_its_own_baseline():
    values = [*NOISY[:21], 22, 20, 18]
    found = run(metric("leads", START, values, kind=MetricKind.LEADING))
    assert fired(found, "metrics.falling.leads") == [date(2025, m, 1) for m in (10, 11, 12)]
    detection = next(d for d in found if d.rule == "metrics.falling.leads")
    assert detection.category == Category.METRICS and detection.polarity == Polarity.NEGATIVE
    assert "Leads fell to 22, against a usual 41" in detection.detail
    assert "leading indicator" in detection.evidence.summary
    assert rule_family(detection.rule) == "metrics.falling"


def test_for_lower_is_better_metrics_a_rise_is_the_bad_direction():
    cost = [100.0] * 21 + [150.0, 60.0, 100.0]
    found = run(metric("cost_per_lead", START, cost, higher_is_better=False))
    assert fired(found, "metrics.falling.cost_per_lead") == [date(2025, 10, 1)]
    assert "Cost per lead rose to 150" in next(
        d.detail for d in found if d.rule == "metrics.falling.cost_per_lead"
    )


def test_missing_metric_points_are_gaps_not_zeros():
    values = [*NOISY[:20], None, None, None, 41]
    assert negatives(run(metric("revenue", START, values))) == []


def test_below_target_is_judged_per_period_in_the_metric_direction():
    found = run(
        metric("revenue", START, dip(100, at=[22, 23], to=80), target=90),
        metric("churn", START, dip(2, at=23, to=6), higher_is_better=False, target=5),
    )
    assert fired(found, "metrics.below_target.revenue") == [date(2025, 11, 1), date(2025, 12, 1)]
    assert fired(found, "metrics.below_target.churn") == [date(2025, 12, 1)]
    churn = next(d for d in found if d.rule == "metrics.below_target.churn")
    assert churn.detail == "Churn was 6, above the target of 5; a lagging indicator."
    assert churn.evidence.threshold == 5
    assert date(2025, 12, 1) not in fired(found, "metrics.beats_target.churn")
    assert len(fired(found, "metrics.beats_target.churn")) == MONTHS - 1


def test_each_metric_has_its_own_rule_id():
    found = run(
        metric("leads", START, [*NOISY[:21], 10, 10, 10]),
        metric("revenue", START, [*NOISY[:22], 10, 10]),
    )
    assert fired(found, "metrics.falling.leads") == [date(2025, m, 1) for m in (10, 11, 12)]
    assert fired(found, "metrics.falling.revenue") == [date(2025, m, 1) for m in (11, 12)]
