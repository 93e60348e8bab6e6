"""The benchmark's figures, computed on small hand-made tables of month-end readings."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import pytest

from bench.accuracy.backtest import Reading, watch_state
from bench.accuracy.labels import EXPECTED_FINAL, Label
from bench.accuracy.readings import (
    diagnosed_before_fall,
    figures,
    followed_pattern,
    lead_days,
)
from bench.accuracy.targets import check
from radar.engine.vocab import Phase

ENDS = [
    date(2025, 12, 31),
    date(2026, 1, 31),
    date(2026, 2, 28),
    date(2026, 3, 31),
    date(2026, 4, 30),
    date(2026, 5, 31),
    date(2026, 6, 30),
]
MATURITY = frozenset({Phase.MATURITY})


def readings(alliance: int, *months: str, scores: list[float] | None = None) -> list[Reading]:
    """One reading per month end from a compact code: action letter + phase letter (+ 'S').

    r/e/m/i = reset/exit/monitor/reinvest; d/t = decline/maturity; S = systemic;
    digits after them = confirmed negative categories.
    """
    actions = {"r": "reset", "e": "exit", "m": "monitor", "i": "reinvest"}
    phases = {"d": "decline", "t": "maturity"}
    found = []
    for n, code in enumerate(months):
        categories = int(code[2]) if len(code) > 2 and code[2].isdigit() else 0
        found.append(
            Reading(
                alliance=alliance,
                as_of=ENDS[n],
                score=scores[n] if scores else 4.0,
                action=actions[code[0]],
                phase=phases[code[1]],
                systemic="S" in code,
                confirmed=frozenset(["communication", "resource", "priority"][:categories]),
                watch=None,
            )
        )
    return found


DECLINE = Label(
    "declining",
    "test",
    EXPECTED_FINAL["declining"],
    phases=((ENDS[-1], frozenset({Phase.DECLINE})),),
    revenue_fall=date(2026, 6, 1),
    onset=date(2026, 1, 1),
)


def quiet(cls: str = "healthy") -> Label:
    return Label(cls, "test", EXPECTED_FINAL[cls], phases=tuple((d, MATURITY) for d in ENDS))


def test_lead_time_counts_from_the_first_alarm_after_the_onset():
    # An alarm in December is before the onset (a false alarm); February's is the first that counts.
    table = readings(1, "rt", "mt", "rt", "rt", "mt", "mt", "ed")

    assert lead_days(table, DECLINE) == (date(2026, 6, 1) - date(2026, 2, 28)).days == 93


def test_alarms_after_the_fall_give_no_lead_time():
    assert lead_days(readings(1, "mt", "mt", "mt", "mt", "mt", "mt", "rd"), DECLINE) is None


def test_decline_is_diagnosed_by_phase_or_systemic_cluster_before_the_fall_only():
    assert diagnosed_before_fall(readings(1, "mt", "mt", "mtS"), DECLINE)
    assert diagnosed_before_fall(readings(1, "mt", "md"), DECLINE)
    # December is before the onset and June after the fall: neither counts.
    assert not diagnosed_before_fall(readings(1, "md", "mt", "mt", "mt", "mt", "mt", "md"), DECLINE)


def test_the_score_must_follow_a_multi_category_pattern_within_two_months():
    scores = [4.0, 4.0, 3.9, 3.5, 3.0, 2.8, 2.5]
    assert (
        followed_pattern(readings(1, "mt", "mt2", "mt2", "rt2", "rt", "rt", "rt", scores=scores))
        is False
    )
    assert (
        followed_pattern(readings(1, "mt", "mt", "mt", "rt2", "rt", "rt", "rt", scores=scores))
        is True
    )
    assert followed_pattern(readings(1, "mt", "mt1", "mt1", scores=scores)) is None


def test_declining_figures():
    labels = {1: DECLINE, 2: DECLINE}
    table = readings(1, "mt", "rt2", "rt", "rt", "et", "ed", "ed", scores=[4, 3.0, 3, 3, 3, 2, 2])
    table += readings(2, "mt", "mt", "mt", "mt", "rt", "rd", "md")  # alarmed 32 days before

    found = figures(table, labels)["declining"]

    assert found["alliances"] == 2
    assert found["early"] == 0.5
    assert found["alarmed_before_fall"] == 1.0
    assert found["median_lead_days"] == ((date(2026, 6, 1) - date(2026, 1, 31)).days + 32) / 2
    assert found["low_any"] == 0.5
    assert found["with_pattern"] == 1 and found["low_after_pattern"] == 1.0
    assert found["mean_final_score"] == 3.0
    assert found["alarmed_before_onset"] == 0.0


def test_false_alarms_count_alliances_and_alliance_months():
    labels = {1: quiet("healthy"), 2: quiet("growing"), 3: quiet("downturn"), 4: DECLINE}
    table = readings(1, "it", "it", "rt", "it", "it", "it", "it")
    table += readings(2, "mt", "mt", "mt", "mt", "mt", "mt", "mt")
    table += readings(3, "mt", "mt", "mt", "mt", "mt", "mt", "mt")
    table += readings(4, "rt", "rt", "rt", "rt", "rt", "rt", "rt")  # declining: not a false alarm

    found = figures(table, labels)

    assert found["quiet"] == {
        "alliances": 3,
        "alarmed": pytest.approx(1 / 3),
        "alliance_months": 21,
        "alarm_months": pytest.approx(1 / 21),
    }
    assert found["classes"]["healthy"]["alarmed"] == 1.0
    assert found["classes"]["growing"]["alarmed"] == 0.0


def test_final_recommendation_and_phase_accuracy_per_class():
    labels = {1: quiet("healthy"), 2: quiet("downturn"), 3: quiet("downturn")}
    table = readings(1, "rt", "it")  # a false alarm, then reinvest: the final one is fine
    table += readings(2, "mt", "md")  # monitor, but read as decline in the last month
    table += readings(3, "mt", "it")  # reinvest into a downturn: not in {monitor}

    found = figures(table, labels)

    assert found["final_expected"] == pytest.approx(2 / 3)
    assert found["classes"]["healthy"]["final_expected"] == 1.0
    assert found["classes"]["downturn"]["final_expected"] == 0.5
    assert found["classes"]["downturn"]["final_actions"] == {"monitor": 1, "reinvest": 1}
    assert found["classes"]["downturn"]["phase_months"] == 0.75
    assert found["classes"]["downturn"]["final_phase"] == 0.5


def test_score_distribution_per_class():
    labels = {1: quiet(), 2: quiet()}
    table = readings(1, "mt", "mt", "mt", scores=[1.0, 2.0, 3.0])
    table += readings(2, "mt", "mt", scores=[4.0, 5.0])

    scores = figures(table, labels)["classes"]["healthy"]["scores"]

    assert scores == {"min": 1.0, "q1": 2.0, "median": 3.0, "q3": 4.0, "max": 5.0}


def test_targets_say_met_or_missed_and_never_fail():
    labels = {1: DECLINE, 2: quiet()}
    table = readings(1, "mt", "rt", "rt", "rt", "rt", "rt", "rd")
    table += readings(2, "mt", "mt", "mt", "mt", "mt", "mt", "mt")

    verdicts = {c["reading"]: c["met"] for c in check(figures(table, labels))}

    assert verdicts["declining: reset/exit >= 60 days before the revenue fall"] is True
    assert verdicts["declining: diagnosed decline before the revenue fall"] is False
    assert verdicts["non-declining: alliances with reset/exit at some point"] is True
    assert verdicts["final recommendation in the expected set"] is True
    # No multi-category pattern was ever confirmed: no figure, no verdict.
    assert (
        verdicts["declining: score <= 3.0 within 2 months of a confirmed multi-category pattern"]
        is None
    )


class _Recommendation:
    def __init__(self, action: str, **extra: object):
        self.action = action
        self.__dict__.update(extra)


class _Assessment:
    def __init__(self, recommendation: _Recommendation, **extra: object):
        self.recommendation = recommendation
        self.__dict__.update(extra)


class _Old(StrEnum):
    MONITOR = "monitor"


class _New(StrEnum):
    MONITOR = "monitor"
    WATCH = "watch"


def test_a_watch_state_is_found_under_its_likely_names_or_reported_missing():
    assert watch_state(_Assessment(_Recommendation(_Old.MONITOR))) is None
    assert watch_state(_Assessment(_Recommendation("watch"))) is True
    assert watch_state(_Assessment(_Recommendation("monitor"), watch=False)) is False
    assert watch_state(_Assessment(_Recommendation("monitor", early_warning=True))) is True


def test_a_watch_action_in_the_vocabulary_means_every_other_action_is_no_watch():
    assert watch_state(_Assessment(_Recommendation(_New.MONITOR))) is False
    assert watch_state(_Assessment(_Recommendation(_New.WATCH))) is True
