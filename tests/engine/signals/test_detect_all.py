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
