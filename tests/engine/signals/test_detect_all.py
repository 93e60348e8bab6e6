"""Invariants every rule keeps, and the documentation of every rule id."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from radar.engine.config import EngineConfig
from radar.engine.features import build_frame
from radar.engine.signals import RULE_IDS, detect_all, rule_family
from radar.engine.vocab import (
    Category,
    ContactRole,
    DeliverableStatus,
    MetricKind,
    ObservationKind,
    ObservationSource,
    Polarity,
    Side,
)
from tests.engine.builders import (
    contact,
    deliverable,
    detect,
    dip,
    history,
    metric,
    observation,
    steady_periods,
    survey,
)

DOCS = Path(__file__).resolve().parents[3] / "docs" / "signals.md"
START = date(2024, 1, 1)


def busy_history():
    """A troubled alliance that makes many rules fire."""
    late = list(range(18, 30))
    return history(
        periods=steady_periods(
            START,
            30,
            partner_reply_hours=dip(12.0, at=late, to=40.0, months=30),
            emails_inbound=dip(20, at=late, to=6, months=30),
            meetings_cancelled=dip(0, at=late, to=2, months=30),
            partner_attended=dip(9, at=late, to=3, months=30),
            partner_people=dip(4, at=late, to=1, months=30),
            blaming=dip(0, at=late, to=3, months=30),
            tone=dip(0.35, at=late, to=-0.2, months=30),
        ),
        contacts=(
            contact(
                1,
                "Ana",
                role=ContactRole.CHAMPION,
                started=START,
                ended=date(2025, 7, 3),
                end_reason="left",
            ),
            contact(2, "Ben", role=ContactRole.TECHNICAL_LEAD, started=START),
        ),
        deliverables=tuple(
            deliverable(n, date(2025, m, 10), side=side, status=DeliverableStatus.OPEN)
            for n, (m, side) in enumerate([(7, Side.PARTNER), (8, Side.OURS), (9, Side.PARTNER)])
        ),
        metrics=(
            metric(
                "leads",
                START,
                dip(30, at=late, to=10, months=30),
                kind=MetricKind.LEADING,
                target=25,
            ),
        ),
        observations=(
            observation(
                1,
                date(2025, 8, 1),
                ObservationKind.COMPETING_INITIATIVE,
                source=ObservationSource.EXTERNAL,
            ),
            observation(2, date(2025, 2, 1), ObservationKind.JOINT_WIN, polarity=Polarity.POSITIVE),
        ),
        surveys=(survey(1, date(2026, 3, 1)),),
    )


def test_detections_cover_every_period_with_consistent_fields():
    h = busy_history()
    as_of = date(2026, 6, 30)
    frame = build_frame(h, as_of, EngineConfig())
    found = detect_all(frame, EngineConfig())
    periods = set(frame.periods)
    assert {d.period for d in found} <= periods
    # Not just the last month: the whole history is judged, for the rule of three.
    assert len({d.period for d in found}) > 10
    assert found == sorted(found, key=lambda d: (d.period, d.rule))
    keys = [(d.rule, d.period) for d in found]
    assert len(keys) == len(set(keys)), "one detection per rule and month"
    for d in found:
        category, _, name = d.rule.partition(".")
        assert Category(category) == d.category and name
        assert rule_family(d.rule) in RULE_IDS
        assert 0.0 <= d.severity <= 1.0
        assert d.title and d.detail and d.evidence.summary
    negative_categories = {d.category for d in found if d.polarity == Polarity.NEGATIVE}
    assert negative_categories == set(Category)


def test_it_is_a_pure_function_of_history_and_as_of():
    h = busy_history()
    assert detect(h, date(2026, 6, 30)) == detect(h, date(2026, 6, 30))
    # Backtesting: evaluating in the past sees only the past.
    earlier = detect(h, date(2025, 6, 30))
    assert max(d.period for d in earlier) <= date(2025, 6, 1)
    assert [d for d in detect(h, date(2026, 6, 30)) if d.period <= date(2025, 5, 1)] == [
        d for d in earlier if d.period <= date(2025, 5, 1)
    ]


def test_an_empty_history_or_an_early_as_of_detects_nothing():
    assert detect(history(), date(2026, 1, 15)) == []
    assert detect(busy_history(), date(2023, 6, 30)) == []


def test_every_rule_id_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z_.]+)`", text, flags=re.MULTILINE))
    assert set(RULE_IDS) <= documented, sorted(set(RULE_IDS) - documented)
    assert documented <= set(RULE_IDS), sorted(documented - set(RULE_IDS))
    assert len(RULE_IDS) == len(set(RULE_IDS))


def test_rule_family_strips_the_metric_key_only():
    assert rule_family("metrics.falling.leads") == "metrics.falling"
    assert rule_family("metrics.beats_target.revenue") == "metrics.beats_target"
    assert rule_family("communication.reply_slower") == "communication.reply_slower"


def _random_history(data):
    from hypothesis import strategies as st

    from radar.engine.features import add_months
    from radar.engine.records import PeriodStats

    months = data.draw(st.integers(0, 30))
    counts = st.integers(0, 12)
    maybe = st.one_of(st.none(), st.floats(0.1, 200.0))
    periods = []
    for n in range(months):
        if data.draw(st.booleans()) and n % 5 == 0:
            continue  # a gap month: no row at all
        scheduled = data.draw(counts)
        periods.append(
            PeriodStats(
                period=add_months(START, n),
                meetings_scheduled=scheduled,
                meetings_held=data.draw(st.integers(0, scheduled)),
                meetings_cancelled=data.draw(st.integers(0, scheduled)),
                partner_invited=data.draw(counts),
                partner_attended=data.draw(counts),
                calls=data.draw(counts),
                emails_inbound=data.draw(counts),
                partner_reply_hours=data.draw(maybe),
                partner_words=data.draw(maybe),
                tone=data.draw(st.one_of(st.none(), st.floats(-1.0, 1.0))),
                toned=data.draw(counts),
                blaming=data.draw(counts),
                defensive=data.draw(counts),
                partner_people=data.draw(st.integers(0, 5)),
            )
        )
    days = st.dates(min_value=date(2023, 6, 1), max_value=date(2026, 12, 31))
    contacts = tuple(
        contact(
            n,
            f"C{n}",
            role=data.draw(st.sampled_from(list(ContactRole))),
            side=data.draw(st.sampled_from(list(Side))),
            started=data.draw(days),
            ended=data.draw(st.one_of(st.none(), days)),
            end_reason=data.draw(st.sampled_from(["", "left", "reassigned", "role_change"])),
            successor_id=data.draw(st.one_of(st.none(), st.integers(0, 4))),
        )
        for n in range(data.draw(st.integers(0, 4)))
    )
    deliverables = tuple(
        deliverable(
            n,
            data.draw(days),
            side=data.draw(st.sampled_from(list(Side))),
            done=data.draw(st.one_of(st.none(), days)),
            status=data.draw(st.sampled_from(list(DeliverableStatus))),
        )
        for n in range(data.draw(st.integers(0, 6)))
    )
    values = st.lists(st.one_of(st.none(), st.floats(-50, 500)), max_size=30)
    metrics = (
        metric(
            "m",
            START,
            data.draw(values),
            target=data.draw(st.one_of(st.none(), st.floats(-10, 100))),
            higher_is_better=data.draw(st.booleans()),
        ),
    )
    observations = tuple(
        observation(
            n,
            data.draw(days),
            data.draw(st.sampled_from(list(ObservationKind))),
            polarity=data.draw(st.sampled_from(list(Polarity))),
            source=data.draw(st.sampled_from(list(ObservationSource))),
        )
        for n in range(data.draw(st.integers(0, 4)))
    )
    surveys = tuple(
        survey(
            n,
            data.draw(days),
            *[
                (data.draw(days), data.draw(st.floats(0, 10)))
                for _ in range(data.draw(st.integers(0, 2)))
            ],
            scale_max=data.draw(st.sampled_from([5.0, 10.0])),
        )
        for n in range(data.draw(st.integers(0, 4)))
    )
    return history(
        periods=tuple(periods),
        contacts=contacts,
        deliverables=deliverables,
        metrics=metrics,
        observations=observations,
        surveys=surveys,
    ), data.draw(days)


def test_arbitrary_histories_keep_the_invariants():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data):
        h, as_of = _random_history(data)
        frame = build_frame(h, as_of, EngineConfig())
        found = detect_all(frame, EngineConfig())
        keys = [(d.rule, d.period) for d in found]
        assert len(keys) == len(set(keys))
        for d in found:
            assert d.period in frame.periods
            assert 0.0 <= d.severity <= 1.0
            assert rule_family(d.rule) in RULE_IDS

    check()


def test_every_detection_setting_is_explained_in_the_signal_reference():
    from dataclasses import fields

    known = {f.name for f in fields(EngineConfig)}
    used = {
        "baseline_periods",
        "baseline_min_periods",
        "deviation_z",
        "deviation_relative",
        "baseline_mad_floor",
        "evidence_periods",
        "attendance_min_invited",
        "cancelled_share_min",
        "cancelled_min",
        "share_rise_over_baseline",
        "tone_drop_min",
        "blaming_share_min",
        "blaming_min_texts",
        "single_contact_periods",
        "deliverable_grace_days",
        "late_window_periods",
        "late_share_rise",
        "late_min_deliverables",
        "survey_response_days",
        "survey_drop",
        "survey_baseline_count",
        "survey_hold_months",
        "survey_unanswered_max_days",
    }
    assert used <= known
    text = DOCS.read_text(encoding="utf-8")
    assert [name for name in sorted(used) if f"`{name}`" not in text] == []
