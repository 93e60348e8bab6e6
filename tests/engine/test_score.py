from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.score import (
    CategoryInput,
    baseline_score,
    combine,
    round_score,
    score_period,
    score_periods,
    trend,
)
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, Polarity
from tests.engine.detections import sig

ALL = dict.fromkeys(Category, True)
JAN, FEB = date(2025, 1, 1), date(2025, 2, 1)


def period(signals=(), systemic=False, when=JAN, cats=()):
    return PeriodSignals(
        when, tuple(signals), systemic, tuple(cats) if systemic else (), tuple(cats)
    )


def test_a_healthy_alliance_with_full_data_scores_five():
    assert score_period(period(), ALL, DEFAULT_CONFIG).score == 5.0


def test_a_confirmed_signal_costs_more_than_an_unconfirmed_one():
    unconfirmed = score_period(period([sig("execution.late")]), ALL, DEFAULT_CONFIG)
    confirmed = score_period(period([sig("execution.late", confirmed=True)]), ALL, DEFAULT_CONFIG)
    assert confirmed.score < unconfirmed.score < 5.0
    assert confirmed.category(Category.EXECUTION).score == 3.0  # 5 - 2.0 * (0.5 + 0.5)
    assert unconfirmed.category(Category.EXECUTION).score == 4.5


def test_severity_scales_the_cost():
    mild = score_period(
        period([sig("execution.late", confirmed=True, severity=0.2)]), ALL, DEFAULT_CONFIG
    )
    severe = score_period(
        period([sig("execution.late", confirmed=True, severity=1.0)]), ALL, DEFAULT_CONFIG
    )
    assert severe.raw < mild.raw


def test_a_category_never_drops_below_one():
    many = [sig(f"culture.rule{i}", confirmed=True, severity=1.0) for i in range(5)]
    assert score_period(period(many), ALL, DEFAULT_CONFIG).category(Category.CULTURE).score == 1.0


def test_positive_signals_add_back_a_little_but_never_above_five():
    negative = sig("communication.reply_slower")
    positive = sig("communication.more_meetings", polarity=Polarity.POSITIVE, severity=1.0)
    both = score_period(period([negative, positive]), ALL, DEFAULT_CONFIG)
    assert both.category(Category.COMMUNICATION).score == 4.9  # 4.5 + min(0.375, 0.5)
    only = score_period(period([positive]), ALL, DEFAULT_CONFIG)
    assert only.category(Category.COMMUNICATION).score == 5.0


def test_weights_change_the_total():
    signals = [sig("metrics.leads_falling", confirmed=True)]
    heavy = EngineConfig.from_mapping({"weights": {"metrics": 5}})
    assert (
        score_period(period(signals), ALL, heavy).raw
        < score_period(period(signals), ALL, DEFAULT_CONFIG).raw
    )


def test_a_systemic_cluster_costs_extra_and_caps_the_score():
    signals = [sig("execution.late", confirmed=True)]
    plain = score_period(period(signals), ALL, DEFAULT_CONFIG).raw
    systemic = score_period(period(signals, systemic=True), ALL, DEFAULT_CONFIG).raw
    assert plain == (5 * 5 + 3) / 6
    assert systemic == DEFAULT_CONFIG.score_cap_systemic  # below plain - 0.5
    uncapped = EngineConfig(score_cap_systemic=5.0)
    assert score_period(period(signals, systemic=True), ALL, uncapped).raw == plain - 0.5


def test_confirmed_problems_in_two_categories_cap_the_score_at_three():
    two = [sig("execution.late", confirmed=True), sig("culture.cooler", confirmed=True)]
    assert score_period(period(two), ALL, DEFAULT_CONFIG).score == 3.0  # the mean is 4.3
    one = score_period(period(two[:1]), ALL, DEFAULT_CONFIG).score
    assert one == 4.7  # one confirmed problem is no pattern
    standing = [two[0], sig("resource.single_contact", confirmed=True)]
    assert score_period(period(standing), ALL, DEFAULT_CONFIG).score == 4.3  # a standing risk


def test_with_data_in_fewer_than_three_categories_there_is_no_score():
    two = dict.fromkeys(Category, False) | {Category.COMMUNICATION: True, Category.RESOURCE: True}
    scored = score_period(period(), two, DEFAULT_CONFIG)
    assert scored.score is None and scored.raw is None
    assert score_period(period(), two | {Category.CULTURE: True}, DEFAULT_CONFIG).score == 4.0


def test_a_category_without_data_is_imputed_at_most_three():
    has = {**ALL, Category.METRICS: False}
    scored = score_period(period(), has, DEFAULT_CONFIG)
    metrics = scored.category(Category.METRICS)
    assert metrics.imputed and metrics.score is None and metrics.counted_as == 3.0
    assert scored.score == round_score((5 * 5 + 3) / 6)


def test_an_imputed_category_never_counts_above_the_known_ones():
    signals = [sig(f"{c}.bad", confirmed=True, severity=1.0) for c in ("communication", "resource")]
    has = {**ALL, Category.METRICS: False, Category.PRIORITY: False}
    inputs_mean = (1 * 2 + 5 * 2) / 4  # communication and resource at 5 - 3.0 * ... floored
    scored = score_period(period(signals), has, DEFAULT_CONFIG)
    assert scored.category(Category.METRICS).counted_as <= min(3.0, inputs_mean)


def test_a_signal_carried_through_missing_data_keeps_weighing():
    has = {**ALL, Category.EXECUTION: False}
    scored = score_period(
        period([sig("execution.late", confirmed=True, severity=1.0)]), has, DEFAULT_CONFIG
    )
    assert scored.category(Category.EXECUTION).counted_as == 2.0  # own score, below the cap


inputs = st.fixed_dictionaries(
    {
        c: st.builds(
            CategoryInput,
            has_data=st.booleans(),
            penalty=st.floats(0, 6, allow_nan=False),
            bonus=st.floats(0, 1, allow_nan=False),
        )
        for c in Category
    }
)
weights = st.fixed_dictionaries({c: st.floats(0, 5, allow_nan=False) for c in Category})


@given(
    inputs=inputs, weights=weights, systemic=st.booleans(), removed=st.sampled_from(list(Category))
)
def test_removing_a_categorys_data_never_raises_the_score(inputs, weights, systemic, removed):
    config = EngineConfig(weights=weights, score_min_categories=0)
    before, _ = combine(inputs, systemic, False, config)
    without = {
        **inputs,
        removed: CategoryInput(False, inputs[removed].penalty, inputs[removed].bonus),
    }
    after, _ = combine(without, systemic, False, config)
    assert after <= before + 1e-9


@given(inputs=inputs, weights=weights, removed=st.sampled_from(list(Category)))
def test_removing_data_can_leave_too_little_to_score_never_the_reverse(inputs, weights, removed):
    config = EngineConfig(weights=weights)
    before, _ = combine(inputs, False, False, config)
    without = {**inputs, removed: dataclasses.replace(inputs[removed], has_data=False)}
    after, _ = combine(without, False, False, config)
    assert after is None or (before is not None and after <= before + 1e-9)


@given(inputs=inputs, weights=weights, systemic=st.booleans())
def test_a_confirmed_pattern_never_raises_the_score(inputs, weights, systemic):
    config = EngineConfig(weights=weights, score_min_categories=0)
    plain, _ = combine(inputs, systemic, False, config)
    broad, _ = combine(inputs, systemic, True, config)
    assert broad <= plain + 1e-9 and broad <= config.score_cap_pattern


@given(inputs=inputs, weights=weights, removed=st.sampled_from(list(Category)))
def test_removing_a_category_with_its_positive_signals_never_raises_the_score(
    inputs, weights, removed
):
    config = EngineConfig(weights=weights, score_min_categories=0)
    start = {**inputs, removed: CategoryInput(True, 0.0, inputs[removed].bonus)}
    before, _ = combine(start, False, False, config)
    after, _ = combine({**start, removed: CategoryInput(False)}, False, False, config)
    assert after <= before + 1e-9


@given(
    inputs=inputs,
    weights=weights,
    systemic=st.booleans(),
    target=st.sampled_from(list(Category)),
    extra=st.floats(0, 3, allow_nan=False),
)
def test_a_further_negative_signal_never_raises_the_score(inputs, weights, systemic, target, extra):
    config = EngineConfig(weights=weights, score_min_categories=0)
    before, _ = combine(inputs, systemic, False, config)
    worse = dataclasses.replace(inputs[target], penalty=inputs[target].penalty + extra)
    after, _ = combine({**inputs, target: worse}, systemic, False, config)
    assert after <= before + 1e-9


@given(inputs=inputs, weights=weights)
def test_an_imputed_category_never_counts_above_the_total(inputs, weights):
    total, counted = combine(
        inputs, False, False, EngineConfig(weights=weights, score_min_categories=0)
    )
    for category, item in inputs.items():
        if not item.has_data:
            assert counted[category] <= total + 1e-9


def test_a_signal_on_a_category_without_data_does_not_lift_the_others():
    has = dict.fromkeys(Category, False) | {Category.COMMUNICATION: True}
    bad = [sig("communication.reply_slower", confirmed=True, severity=1.0)]  # communication 2.0
    config = EngineConfig(score_min_categories=1)
    alone = score_period(period(bad), has, config)
    assert alone.raw == 2.0  # every unknown category counts as 2.0 too
    more = [*bad, sig("metrics.leads_falling")]  # a small concern on a category without data
    assert score_period(period(more), has, config).raw <= alone.raw


@given(inputs=inputs)
def test_missing_data_never_counts_above_the_cap(inputs):
    _, counted = combine(inputs, False, False, DEFAULT_CONFIG)
    for category, item in inputs.items():
        if not item.has_data:
            assert counted[category] <= DEFAULT_CONFIG.missing_category_cap


SIGNALS = st.builds(
    lambda rule, polarity, confirmed, severity: sig(
        rule, polarity=polarity, confirmed=confirmed, severity=severity
    ),
    rule=st.sampled_from([f"{c}.rule{i}" for c in Category for i in range(2)]),
    polarity=st.sampled_from(list(Polarity)),
    confirmed=st.booleans(),
    severity=st.floats(-0.5, 1.5, allow_nan=False),
)
HISTORY = st.lists(
    st.tuples(
        st.lists(SIGNALS, max_size=4).map(tuple),
        st.booleans(),  # systemic
        st.booleans(),  # reuse the previous period's signals tuple (as the triage does)
    ),
    max_size=12,
)
COVERED = st.fixed_dictionaries(
    {}, optional={c: st.lists(st.booleans(), max_size=14).map(tuple) for c in Category}
)


@given(
    history=HISTORY,
    covered=COVERED,
    weights=weights,
    positive_max=st.floats(-1, 1, allow_nan=False),
    detailed=st.integers(0, 3),
)
def test_the_score_history_scores_every_period_as_score_period_does(
    history, covered, weights, positive_max, detailed
):
    config = EngineConfig(weights=weights, score_positive_max=positive_max)
    triaged: list[PeriodSignals] = []
    for i, (signals, systemic, reuse) in enumerate(history):
        kept = triaged[-1].signals if reuse and triaged else signals
        triaged.append(period(kept, systemic, date(2025 + i // 12, i % 12 + 1, 1)))
    scores = score_periods(triaged, covered, config, detailed)
    assert len(scores) == len(triaged)
    for i, (one, got) in enumerate(zip(triaged, scores, strict=True)):
        has = {c: i < len(flags) and flags[i] for c, flags in covered.items()}
        want = score_period(one, has, config)
        assert (got.period, got.score) == (want.period, want.score)
        assert got.raw == want.raw
        if i >= len(triaged) - detailed:
            assert got.categories == want.categories
        else:
            assert got.categories == ()


def test_the_baseline_is_the_median_of_the_trailing_scores_before_the_last():
    scores = [4.0] * 5 + [2.0] * 3 + [1.0]
    assert baseline_score(scores, DEFAULT_CONFIG) == 4.0
    assert baseline_score([4.0, 3.0], DEFAULT_CONFIG) is None
    assert baseline_score([None, None, 4.0, 3.0, 2.0, 1.0], DEFAULT_CONFIG) == 3.0


def test_trend_compares_with_the_baseline():
    assert trend(3.5, 4.0, DEFAULT_CONFIG) == "down"
    assert trend(4.3, 4.0, DEFAULT_CONFIG) == "up"
    assert trend(4.1, 4.0, DEFAULT_CONFIG) == "flat"
    assert trend(4.1, None, DEFAULT_CONFIG) == "flat"
    assert trend(None, 4.0, DEFAULT_CONFIG) == "flat"
