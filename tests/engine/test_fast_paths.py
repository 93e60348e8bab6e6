"""The engine's fast paths give exactly the answers of the plain computations.

Signal detection runs over every month of every series of every alliance, so
its hot loops keep windows sorted incrementally, build evidence only where it
is shown, lay out months once for all frames, and share texts between months.
Each test here recomputes the same thing the plain way (as the code did before
those shortcuts) on varied inputs and asks for equal results, down to the bit.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import pairwise

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.baseline import (
    Direction,
    baseline_at,
    running_medians,
    severity_from_z,
)
from radar.engine.config import EngineConfig
from radar.engine.features import (
    Frame,
    Series,
    add_months,
    build_frame,
    label,
    month_end,
    month_start,
)
from radar.engine.records import PeriodStats
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import fmt, pct
from radar.engine.vocab import Category, Polarity
from tests.engine.builders import history, metric
from tests.engine.deviations import deviation_at, deviations, ratio_deviations

CONFIG = EngineConfig()


def _series(rng: random.Random, size: int) -> list[float | None]:
    """Counts, shares, signed values and zeros of both signs, with gaps."""
    kind = rng.choice(("count", "share", "signed", "zeros"))
    values: list[float | None] = []
    for _ in range(size):
        if rng.random() < 0.15:
            values.append(None)
        elif kind == "count":
            values.append(float(rng.randint(0, 12)))
        elif kind == "share":
            values.append(rng.randint(0, 8) / 8)
        elif kind == "signed":
            values.append(round(rng.uniform(-1.0, 1.0), rng.choice((1, 3))))
        else:
            values.append(rng.choice((0.0, -0.0, 1.0, -1.0)))
    return values


def _same(a: object, b: object) -> bool:
    """Equal, and floats equal to the bit (0.0 is not -0.0)."""
    return repr(a) == repr(b)


def test_running_medians_are_the_per_period_medians():
    rng = random.Random(3)
    for config in (CONFIG, EngineConfig(baseline_periods=3, baseline_min_periods=1)):
        for _ in range(300):
            values = _series(rng, rng.randint(0, 30))
            expected = tuple(
                b.median if (b := baseline_at(values, i, config, mad=False)) else None
                for i in range(len(values))
            )
            assert _same(running_medians(values, config), expected)


def test_the_scan_agrees_with_the_per_period_test_on_varied_series():
    rng = random.Random(5)
    configs = (CONFIG, EngineConfig(baseline_periods=4, baseline_min_periods=2, deviation_z=1.0))
    for config in configs:
        for _ in range(300):
            values = _series(rng, rng.randint(0, 30))
            for direction in Direction:
                for min_change in (None, 0.1):
                    expected = [
                        (i, found)
                        for i in range(len(values))
                        if (
                            found := deviation_at(
                                values, i, direction, config, min_change=min_change
                            )
                        )
                    ]
                    got = list(deviations(values, direction, config, min_change=min_change))
                    assert _same(got, expected)


def _plain_points(frame: Frame, values: Series) -> tuple[EvidencePoint | None, ...]:
    return tuple(
        EvidencePoint(frame.labels[j], round(v, 2)) if v is not None else None
        for j, v in enumerate(values)
    )


def test_evidence_points_built_on_demand_match_the_whole_series():
    rng = random.Random(7)
    h = history(
        periods=tuple(PeriodStats(period=add_months(date(2024, 1, 1), m)) for m in range(30))
    )
    for _ in range(100):
        frame = build_frame(h, date(2026, 6, 30), CONFIG)
        values = tuple(_series(rng, len(frame.periods)))
        plain = _plain_points(frame, values)
        for _ in range(12):  # any order of requests, overlapping or not
            lo = rng.randint(0, len(values))
            hi = rng.randint(lo, len(values) + 2)
            assert frame.points(values, lo, hi) == plain[lo:hi]
        assert frame.points(values) == plain


def test_months_and_period_indexes_match_the_calendar():
    rng = random.Random(9)
    for _ in range(60):
        first = date(rng.randint(2019, 2025), rng.randint(1, 12), 1)
        as_of = date(rng.randint(2025, 2027), rng.randint(1, 12), rng.randint(1, 28))
        h = history(metrics=(metric("leads", first, [1.0]),))
        frame = build_frame(h, as_of, CONFIG)
        periods = frame.periods
        if not periods:  # as_of before the first month
            assert frame.index_of(as_of) is None
            continue
        assert all(add_months(a, 1) == b for a, b in pairwise(periods))
        assert frame.labels == tuple(label(p) for p in periods)
        assert frame.ends == (*(month_end(p) for p in periods[:-1]), as_of)
        index = {p: i for i, p in enumerate(periods)}
        for _ in range(20):
            day = date(rng.randint(2018, 2028), rng.randint(1, 12), rng.randint(1, 28))
            month = month_start(day)
            expected = len(periods) - 1 if month > periods[-1] else index.get(month)
            assert frame.index_of(day) == expected


def _plain_detections(rule: BaselineRule, frame: Frame, values: Series) -> list[Detection]:
    """BaselineRule's detections built one at a time from the Deviation objects."""
    config = frame.config

    def show(value: float) -> str:
        return pct(value) if rule.as_percent else fmt(value, rule.digits)

    found = []
    min_change = rule.min_change(config)
    for i, d in deviations(values, rule.direction, config, min_change=min_change):
        median = d.baseline.median
        if min_change is not None or median == 0:
            change = f"{'+' if d.change > 0 else ''}{show(d.change)}"
        else:
            change = f"{d.relative * 100:+.0f}%"
        reach = max(
            config.deviation_z * d.baseline.sigma(config),
            min_change if min_change is not None else config.deviation_relative * abs(median),
        )
        lo = max(0, i - config.evidence_periods)
        note = f"; {rule.note}" if rule.note else ""
        found.append(
            Detection(
                rule=rule.rule,
                category=rule.category,
                polarity=rule.polarity,
                period=frame.periods[i],
                title=rule.title,
                detail=rule.sentence.format(
                    value=show(d.value),
                    median=show(median),
                    change=change,
                    months=d.baseline.n,
                    unit=rule.unit,
                ),
                evidence=Evidence(
                    summary=(
                        f"{rule.series.replace('_', ' ')} against the median of the previous "
                        f"{d.baseline.n} months (robust z {d.z:+.1f}){note}"
                    ),
                    points=tuple(p for p in _plain_points(frame, values)[lo : i + 1] if p),
                    baseline=round(median, 3),
                    threshold=round(median + rule.direction.value * reach, 3),
                    unit=rule.unit,
                ),
                severity=severity_from_z(d.z, config),
            )
        )
    return found


def test_baseline_rules_build_the_same_detections_as_the_plain_path():
    rng = random.Random(13)
    h = history(
        periods=tuple(PeriodStats(period=add_months(date(2023, 1, 1), m)) for m in range(36))
    )
    rules = [
        BaselineRule(
            rule="test.rule",
            category=Category.COMMUNICATION,
            polarity=Polarity.NEGATIVE,
            series="conversations",
            direction=direction,
            title="Test",
            sentence="{value} against {median} ({change}) over {months} months, {unit}.",
            unit="things",
            min_change_setting=setting,
            as_percent=as_percent,
            digits=digits,
            note=note,
        )
        for direction in Direction
        for setting in (None, "tone_drop_min")
        for as_percent, digits in ((False, 1), (True, 1), (False, 2))
        for note in ("", "a note")
    ]
    for _ in range(40):
        frame = build_frame(h, date(2025, 12, 31), CONFIG)
        values = tuple(_series(rng, len(frame.periods)))
        for rule in rules:
            assert _same(
                list(rule.monthly(frame, CONFIG, values)), _plain_detections(rule, frame, values)
            )


def test_ratio_rules_keep_the_log_scale_numbers():
    rule = BaselineRule(
        rule="test.ratio",
        category=Category.COMMUNICATION,
        polarity=Polarity.NEGATIVE,
        series="partner_reply_hours",
        direction=Direction.UP,
        title="Test",
        sentence="{value} against {median} ({change}).",
        log_scale=True,
    )
    h = history(
        periods=tuple(PeriodStats(period=add_months(date(2024, 1, 1), m)) for m in range(13))
    )
    frame = build_frame(h, date(2025, 1, 31), CONFIG)
    values = (12.0, 13.0, 11.0, None, 12.0, 12.5, 0.0, 11.5, 12.0, 12.0, 11.0, 12.0, 24.0)
    [found] = list(rule.run(frame, CONFIG, values))
    [(i, plain)] = list(ratio_deviations(values, Direction.UP, CONFIG))
    assert found.period == frame.periods[i]
    assert found.detail == "24 against 12 (+100%)."
    assert found.evidence.summary == (
        "partner reply hours against the median of the previous 10 months "
        f"(robust z {plain.z:+.1f}); judged as a ratio (log scale)"
    )
    assert _same(found.evidence.baseline, round(plain.median, 3))
    assert _same(found.evidence.threshold, round(plain.threshold, 3))
    assert _same(found.severity, severity_from_z(plain.z, CONFIG))
    assert found.evidence.points == tuple(p for p in _plain_points(frame, values)[6:] if p)
