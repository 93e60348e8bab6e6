"""The scenario generator: deterministic per seed, and each class is what its label says."""

from __future__ import annotations

import math
import random
from datetime import date
from statistics import fmean, median

import pytest

from bench.accuracy.classes import BUILDERS, WINDOW, Scenario
from bench.accuracy.dates import add_months, month_end, months_between
from bench.accuracy.labels import EXPECTED_FINAL, Label
from bench.accuracy.portfolio import (
    HOLDOUT_FIRST,
    build_portfolio,
    seeds_for,
    split_of,
)
from bench.accuracy.realize import realize
from bench.accuracy.world import Register, World
from radar.engine.vocab import ContactRole, ContextKind, Phase, Side

LAST_MONTH = date(2026, 3, 1)
LAST_DAY = month_end(LAST_MONTH)


def generated(cls: str, count: int) -> list[tuple[Scenario, World]]:
    found = []
    for index in range(count):
        rng = random.Random(f"test:{cls}:{index}")
        scenario = BUILDERS[cls](rng, index, LAST_MONTH)
        found.append((scenario, realize(scenario, rng, LAST_DAY)))
    return found


def outcome(world: World) -> dict[date, float]:
    """Joint revenue per month, or leads when the alliance tracks no revenue.

    Empty when that series is the partner's: a partner who stops sharing leaves gaps.
    """
    metrics = {m.definition.key: m for m in world.metrics}
    series = metrics.get("joint_revenue") or metrics["leads"]
    return dict(series.points) if series.supplied_by is Side.OURS else {}


def months_of(values: dict[date, float], first: date, last: date) -> list[float]:
    return [v for day, v in values.items() if first <= day <= last]


def log_slope(values: list[float]) -> float:
    """Yearly growth rate of a monthly series, from a least-squares fit of its logarithm."""
    xs = list(range(len(values)))
    ys = [math.log(max(v, 1.0)) for v in values]
    mx, my = fmean(xs), fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return math.exp(12 * slope) - 1


def partner_reply_hours(world: World, first: date, last: date, least: int = 1) -> float | None:
    """Median hours of the partner's replies to us in [first, last]; None below `least` replies."""
    by_id = {m.id: m for m in world.messages}
    hours = [
        (m.sent - by_id[m.parent].sent).total_seconds() / 3600
        for m in world.messages
        if m.parent
        and not m.auto
        and world.side_of(m.sender) is Side.PARTNER
        and world.side_of(by_id[m.parent].sender) is Side.OURS
        and first <= m.sent.date() <= last
    ]
    return median(hours) if len(hours) >= least else None


def test_a_seed_reproduces_its_portfolio_exactly():
    first, again, other = build_portfolio(3, 1), build_portfolio(3, 1), build_portfolio(4, 1)

    assert first == again
    assert [a.world for a in first.alliances] != [a.world for a in other.alliances]


def test_every_class_is_in_a_portfolio_with_twice_as_many_declining():
    portfolio = build_portfolio(1, 2)

    counts = {cls: sum(a.label.cls == cls for a in portfolio.alliances) for cls in BUILDERS}
    assert counts == {cls: 4 if cls == "declining" else 2 for cls in BUILDERS}
    assert len({a.world.domain for a in portfolio.alliances}) == len(portfolio.alliances)


def test_dev_and_holdout_seeds_do_not_overlap():
    assert seeds_for("dev", 3) == [1, 2, 3]
    assert seeds_for("holdout", 2) == [HOLDOUT_FIRST, HOLDOUT_FIRST + 1]
    assert split_of(HOLDOUT_FIRST - 1) == "dev"
    assert split_of(HOLDOUT_FIRST) == "holdout"


@pytest.mark.parametrize("cls", sorted(BUILDERS))
def test_labels_carry_the_class_expectations(cls):
    for scenario, _ in generated(cls, 3):
        label: Label = scenario.label
        assert label.cls == cls
        assert label.expected_final == EXPECTED_FINAL[cls]
        assert label.alarm_expected is (cls in ("declining", "stalled"))
        ends = [day for day, _ in label.phases]
        assert all(add_months(LAST_MONTH, 1 - WINDOW) <= day <= LAST_DAY for day in ends)


def test_a_declining_alliance_erodes_first_and_its_revenue_falls_after_the_fall_date():
    checked = 0
    for scenario, world in generated("declining", 12):
        label = scenario.label
        assert label.onset is not None and label.revenue_fall is not None
        assert label.onset < label.revenue_fall
        assert months_between(label.revenue_fall, LAST_DAY) >= 3  # months after it to judge
        assert label.phases_at(LAST_DAY) == frozenset({Phase.DECLINE})
        values = outcome(world)
        if not values:
            continue
        checked += 1
        before = months_of(
            values, add_months(label.revenue_fall, -6), add_months(label.revenue_fall, -1)
        )
        after = months_of(values, add_months(label.revenue_fall, 3), LAST_DAY)
        assert fmean(after) < 0.85 * fmean(before)
    assert checked >= 8


def test_declining_channels_show_in_the_events_before_the_revenue_fall():
    seen = set()
    sponsor_answers: list[bool] = []
    for scenario, world in generated("declining", 40):
        label, channels = scenario.label, scenario.label.variant.split(": ")[1].split("+")
        onset, fall = label.onset, label.revenue_fall
        assert onset is not None and fall is not None
        healthy = (add_months(onset, -6), add_months(onset, -1))
        eroded = (add_months(fall, -2), add_months(fall, 3))
        if "champion_leaves" in channels:
            seen.add("champion_leaves")
            gone = [p for p in world.people if p.role is ContactRole.CHAMPION and p.ended]
            assert any(onset <= p.ended < fall and p.successor is None for p in gone)
        if "slower_replies" in channels:
            before = partner_reply_hours(world, *healthy)
            later = partner_reply_hours(world, *eroded)
            if before and later:
                seen.add("slower_replies")
                assert later > 1.3 * before
        if "cooler_register" in channels:
            seen.add("cooler_register")
            partner = [m for m in world.messages if world.side_of(m.sender) is Side.PARTNER]
            cool = [
                m.register in (Register.DEFENSIVE, Register.BLAMING, Register.TERSE)
                for m in partner
                if eroded[0] <= m.sent.date()
            ]
            assert fmean(cool) > 0.2
        if "priority_shift" in channels:
            seen.add("priority_shift")
            assert any(
                o.category == "priority" and onset <= o.observed < fall for o in world.observations
            )
        if "sponsor_delegates" in channels:
            seen.add("sponsor_delegates")
            sponsor = next(
                p.email
                for p in world.people
                if p.role is ContactRole.EXECUTIVE_SPONSOR and p.side is Side.PARTNER
            )
            sponsor_answers += [
                dict(m.responses)[sponsor].attends
                for m in world.meetings
                if sponsor in dict(m.responses) and m.start.date() >= eroded[0]
            ]
            senior = {b.name for b in world.governance if b.tier == "steering"}
            juniors = {p.email for p in world.people if p.role is ContactRole.OTHER}
            assert any(
                juniors & {e for e, a in m.responses if a.attends}
                for m in world.meetings
                if m.title in senior and m.start.date() >= eroded[0]
            )
    assert seen >= {
        "champion_leaves",
        "slower_replies",
        "cooler_register",
        "priority_shift",
        "sponsor_delegates",
    }
    assert fmean(sponsor_answers) < 0.5


def test_a_growing_alliance_compounds_its_outcomes():
    for _, world in generated("growing", 6):
        values = sorted(outcome(world).items())
        if len(values) >= 12:  # not too young, and our own figures
            assert 0.12 < log_slope([v for _, v in values]) < 0.55


def test_a_plateau_is_flat_over_the_backtest_after_its_early_growth():
    for _, world in generated("plateau", 6):
        values = [v for _, v in sorted(outcome(world).items())]
        if not values:
            continue
        assert abs(log_slope(values[-WINDOW:])) < 0.15
        assert fmean(values[:6]) < 0.8 * fmean(values[-12:])


def test_a_downturn_hit_alliance_has_its_context_factor_and_a_steady_relationship():
    for _, world in generated("downturn", 6):
        (factor,) = world.context
        assert factor.kind in (ContextKind.DOWNTURN, ContextKind.REGULATION)
        values = outcome(world) or dict(next(iter(world.metrics)).points)
        before = months_of(values, add_months(factor.start, -6), add_months(factor.start, -1))
        hit = months_of(values, add_months(factor.start, 2), add_months(factor.start, 4))
        assert fmean(hit) < fmean(before)
        first = partner_reply_hours(world, add_months(factor.start, -12), factor.start, 10)
        later = partner_reply_hours(world, factor.start, LAST_DAY, 10)
        if first and later:
            assert 0.5 < later / first < 2.0


def test_a_seasonal_alliance_dips_in_august_and_declares_its_quiet_period():
    for _, world in generated("seasonal", 8):
        assert world.context and all(c.kind is ContextKind.OTHER and c.end for c in world.context)
        per_month: dict[date, int] = {}
        for m in world.messages:
            if m.parent is None:  # threads started: replies to July's mail land in August
                month = m.sent.date().replace(day=1)
                per_month[month] = per_month.get(month, 0) + 1
        ordinary = [n for month, n in per_month.items() if month.month not in (8, 12)]
        august = [n for month, n in per_month.items() if month.month == 8]
        assert fmean(august) < 0.8 * fmean(ordinary)


def test_noise_holds_exactly_the_one_off_events_its_label_names():
    for scenario, world in generated("noise", 10):
        kinds = set(scenario.label.variant.split("+"))
        handed_over = [p for p in world.people if p.ended and p.successor]
        assert bool(handed_over) is ("handover" in kinds)
        assert {o.kind for o in scenario.plan.one_offs} == kinds & {
            "cancelled_meeting",
            "bad_survey",
            "late_deliverable",
        }
        assert all(p.successor is not None for p in world.people if p.ended)


def test_a_stalled_alliance_is_degraded_and_flat_over_the_backtest():
    for scenario, world in generated("stalled", 6):
        values = [v for _, v in sorted(outcome(world).items())]
        if not values:
            continue
        flat = values[-12:]
        assert abs(log_slope(flat)) < 0.2
        assert fmean(flat) < 0.9 * fmean(values[:6])
        assert "pro_forma_reviews" in scenario.label.variant
        assert scenario.label.phases_at(LAST_DAY) == frozenset({Phase.DECLINE})


def test_volumes_range_from_sparse_to_busy():
    portfolio = build_portfolio(2, 4)
    rates = [a.scenario.profile.mail_rate for a in portfolio.alliances]
    assert min(rates) < 8 < 40 < max(rates)
    assert {a.world.tier for a in portfolio.alliances} == {1, 2, 3}
    assert {a.world.calendar for a in portfolio.alliances} == {"google", "outlook"}
