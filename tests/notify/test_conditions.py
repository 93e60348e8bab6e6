"""Alert conditions read from stored payloads, and the once-per-change decision."""

from __future__ import annotations

from datetime import date, timedelta

from radar.notify.alerts import decide
from radar.notify.conditions import conditions, watch
from radar.notify.models import AlertState

HEALTHY = {
    "score": 4.2,
    "systemic": False,
    "recommendation": {"action": "monitor", "headline": "Keep going."},
    "score_history": [{"period": f"2026-0{m}-01", "score": 4.2} for m in range(1, 6)],
    "signals": [],
}


def payload(**changes: object) -> dict[str, object]:
    return {**HEALTHY, **changes}


def history(*scores: float) -> list[dict[str, object]]:
    return [{"period": f"2026-{m + 1:02d}-01", "score": s} for m, s in enumerate(scores)]


def test_a_healthy_assessment_raises_nothing() -> None:
    assert conditions(HEALTHY) == {}


def test_systemic_with_its_categories_and_confirmed_signals_as_evidence() -> None:
    found = conditions(
        payload(
            systemic=True,
            systemic_categories=["communication", "execution"],
            signals=[
                {
                    "title": "Replies slower",
                    "detail": "36 h vs 8 h",
                    "confirmed": True,
                    "polarity": "negative",
                },
                {"title": "Watching", "detail": "", "confirmed": False, "polarity": "negative"},
            ],
        )
    )["systemic"]
    assert found.evidence[0] == "Signals cluster across communication, execution."
    assert "Replies slower: 36 h vs 8 h" in found.evidence and len(found.evidence) == 2


def test_a_drop_counts_against_the_recent_peak_not_only_last_month() -> None:
    assert "drop" not in conditions(payload(score_history=history(4.0, 3.6, 3.2)))
    found = conditions(payload(score_history=history(4.1, 3.6, 3.1)))["drop"]
    assert found.headline == "dropped by 1.0 points"
    assert "from 4.1 (2026-01) to 3.1 (2026-03)" in found.evidence[0]
    assert "drop" not in conditions(payload(score_history=history(4.5, 3.0, 3.0, 3.0, 3.0)))


def test_months_with_not_enough_data_yet_are_no_drop() -> None:
    young = [{"period": "2026-01-01", "score": None}, {"period": "2026-02-01", "score": 3.1}]
    assert "drop" not in conditions(payload(score=3.1, score_history=young))
    gap = [*history(4.1, 3.9), {"period": "2026-03-01", "score": None}]
    found = conditions(payload(score_history=[*gap, {"period": "2026-04-01", "score": 3.0}]))
    assert found["drop"].headline == "dropped by 1.1 points"


def test_reset_and_exit_are_different_changes() -> None:
    reset = conditions(payload(recommendation={"action": "reset", "headline": "Realign."}))
    leave = conditions(payload(recommendation={"action": "exit", "headline": "Wind down."}))
    assert reset["response"].fingerprint != leave["response"].fingerprint
    assert (
        leave["response"].headline == "needs an exit" and "Wind down." in leave["response"].evidence
    )


def test_the_watch_state_is_read_whatever_its_shape() -> None:
    assert watch(payload()) is None
    assert watch(payload(watch=False)) is None
    assert watch(payload(watch={"active": False})) is None
    assert watch(payload(watch=True)) is not None
    found = watch(payload(watch={"state": "watch", "reasons": [{"title": "Fewer meetings"}]}))
    assert found is not None and "Fewer meetings" in found.evidence
    assert watch(payload(early_warning=["Replies slower"])).evidence == ("Replies slower",)  # type: ignore[union-attr]
    assert watch(payload(recommendation={"action": "watch", "headline": "Keep an eye"})) is not None


def test_decide_alerts_once_reminds_after_the_interval_and_rearms_after_clearing() -> None:
    state = AlertState(kind="systemic")
    day = date(2026, 3, 2)
    (found,) = conditions(payload(systemic=True)).values()
    assert decide(state, found, day, every=7) == "new"
    assert decide(state, found, day + timedelta(1), every=7) is None, "the next night: silent"
    assert decide(state, found, day + timedelta(6), every=7) is None
    assert decide(state, found, day + timedelta(7), every=7) == "still"
    assert decide(state, found, day + timedelta(8), every=7) is None
    assert decide(state, None, day + timedelta(9), every=7) == "cleared"
    assert state.cleared_on == day + timedelta(9) and not state.active
    assert decide(state, None, day + timedelta(10), every=7) is None
    assert decide(state, found, day + timedelta(11), every=7) == "new", "it came back: a change"


def test_a_new_fingerprint_is_a_new_alert() -> None:
    state = AlertState(kind="response")
    day = date(2026, 3, 2)
    reset = conditions(payload(recommendation={"action": "reset"}))["response"]
    leave = conditions(payload(recommendation={"action": "exit"}))["response"]
    assert decide(state, reset, day, every=7) == "new"
    assert decide(state, leave, day + timedelta(1), every=7) == "new"
