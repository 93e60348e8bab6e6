"""The benchmark's figures, from month-end readings and the ground truth.

Definitions (docs/accuracy.md repeats them):

- an *alarm* is a reset or exit recommendation;
- a declining alliance is *flagged early* when, at a month end on or after the
  erosion's onset and before the revenue fall, an alarm was raised 60 days or
  more before the fall; its *lead time* is the days from its first alarm after
  the onset to the fall (median over the declining alliances alarmed before
  the fall; alarms before the onset are false alarms and do not count);
- *diagnosed decline* before the fall: at some month end in [onset, fall) the
  assessment was systemic or its phase was "decline";
- a *confirmed multi-category pattern* is a month end whose confirmed negative
  signals span two or more categories; the score "followed" it when it was
  ≤ 3.0 at that month end or one of the next two;
- for the quiet classes, every alarm is a false alarm: the share of alliances
  with one at any month end, and the share of alliance-months with one;
- *final* is the last month end of the backtest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median, quantiles
from typing import Any

from bench.accuracy.backtest import Reading
from bench.accuracy.labels import ALARMS, CLASSES, QUIET_CLASSES, Label

LOW_SCORE = 3.0
EARLY_DAYS = 60
FOLLOW_MONTHS = 2


def is_alarm(reading: Reading) -> bool:
    return reading.action in {a.value for a in ALARMS}


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def lead_days(readings: Sequence[Reading], label: Label) -> int | None:
    """Days from the first alarm after the onset to the revenue fall (None: no such alarm)."""
    assert label.onset is not None and label.revenue_fall is not None
    for r in readings:
        if label.onset <= r.as_of < label.revenue_fall and is_alarm(r):
            return (label.revenue_fall - r.as_of).days
    return None


def alarmed_before_onset(readings: Sequence[Reading], label: Label) -> bool:
    """An alarm while the relationship was still healthy: a false alarm on a declining alliance."""
    assert label.onset is not None
    return any(is_alarm(r) for r in readings if r.as_of < label.onset)


def diagnosed_before_fall(readings: Sequence[Reading], label: Label) -> bool:
    assert label.onset is not None and label.revenue_fall is not None
    return any(
        label.onset <= r.as_of < label.revenue_fall and (r.systemic or r.phase == "decline")
        for r in readings
    )


def followed_pattern(readings: Sequence[Reading]) -> bool | None:
    """Score ≤ 3.0 within two month ends of the first confirmed multi-category pattern.

    None when no such pattern was ever confirmed.
    """
    for n, r in enumerate(readings):
        if len(r.confirmed) >= 2:
            following = readings[n : n + FOLLOW_MONTHS + 1]
            return any(x.score is not None and x.score <= LOW_SCORE for x in following)
    return None


def _declining(
    groups: Mapping[int, Sequence[Reading]], labels: Mapping[int, Label]
) -> dict[str, Any]:
    chosen = [a for a, label in labels.items() if label.cls == "declining" and groups.get(a)]
    leads = [lead_days(groups[a], labels[a]) for a in chosen]
    alarmed = [d for d in leads if d is not None]
    followed = [followed_pattern(groups[a]) for a in chosen]
    with_pattern = [f for f in followed if f is not None]
    finals = [groups[a][-1].score for a in chosen]
    return {
        "alliances": len(chosen),
        "early": _share(sum(d >= EARLY_DAYS for d in alarmed), len(chosen)),
        "alarmed_before_fall": _share(len(alarmed), len(chosen)),
        "median_lead_days": median(alarmed) if alarmed else None,
        "diagnosed": _share(
            sum(diagnosed_before_fall(groups[a], labels[a]) for a in chosen), len(chosen)
        ),
        "low_any": _share(
            sum(
                any(r.score is not None and r.score <= LOW_SCORE for r in groups[a]) for a in chosen
            ),
            len(chosen),
        ),
        "with_pattern": len(with_pattern),
        "low_after_pattern": _share(sum(with_pattern), len(with_pattern)),
        "mean_final_score": _mean([s for s in finals if s is not None]),
        "alarmed_before_onset": _share(
            sum(alarmed_before_onset(groups[a], labels[a]) for a in chosen), len(chosen)
        ),
    }


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def false_alarms(groups: Mapping[int, Sequence[Reading]], ids: Sequence[int]) -> dict[str, Any]:
    months = [r for a in ids for r in groups.get(a, ())]
    return {
        "alliances": len(ids),
        "alarmed": _share(sum(any(is_alarm(r) for r in groups.get(a, ())) for a in ids), len(ids)),
        "alliance_months": len(months),
        "alarm_months": _share(sum(is_alarm(r) for r in months), len(months)),
    }


def _distribution(scores: Sequence[float]) -> dict[str, float] | None:
    if not scores:
        return None
    ordered = sorted(scores)
    q1, q2, q3 = (
        quantiles(ordered, n=4, method="inclusive") if len(ordered) > 1 else (ordered[0],) * 3
    )
    return {"min": ordered[0], "q1": q1, "median": q2, "q3": q3, "max": ordered[-1]}


def per_class(
    groups: Mapping[int, Sequence[Reading]], labels: Mapping[int, Label], cls: str
) -> dict[str, Any]:
    ids = [a for a, label in labels.items() if label.cls == cls and groups.get(a)]
    finals = [(groups[a][-1], labels[a]) for a in ids]
    judged = [
        (r, labels[a].phases_at(r.as_of))
        for a in ids
        for r in groups[a]
        if labels[a].phases_at(r.as_of)
    ]
    last_phases = [(r, label.phases_at(r.as_of)) for r, label in finals if label.phases_at(r.as_of)]
    readings = [r for a in ids for r in groups[a]]
    watches = [r.watch for r in readings if r.watch is not None]
    return {
        "alliances": len(ids),
        "final_expected": _share(
            sum(r.action in {k.value for k in label.expected_final} for r, label in finals),
            len(finals),
        ),
        "final_actions": _count(r.action for r, _ in finals),
        "phase_months": _share(
            sum(r.phase in {p.value for p in ps} for r, ps in judged if ps), len(judged)
        ),
        "final_phase": _share(
            sum(r.phase in {p.value for p in ps} for r, ps in last_phases if ps), len(last_phases)
        ),
        "phases": _count(r.phase for r in readings),
        "alarmed": false_alarms(groups, ids)["alarmed"],
        "alarm_months": false_alarms(groups, ids)["alarm_months"],
        "scores": _distribution([r.score for r in readings if r.score is not None]),
        "watch_months": _share(sum(watches), len(watches)) if watches else None,
    }


def _count(values: Any) -> dict[str, int]:
    found: dict[str, int] = {}
    for value in values:
        found[value] = found.get(value, 0) + 1
    return dict(sorted(found.items()))


def figures(readings: Sequence[Reading], labels: Mapping[int, Label]) -> dict[str, Any]:
    """Every figure of one path and split."""
    groups: dict[int, list[Reading]] = {}
    for r in sorted(readings, key=lambda r: (r.alliance, r.as_of)):
        groups.setdefault(r.alliance, []).append(r)
    quiet = [a for a, label in labels.items() if label.cls in QUIET_CLASSES and groups.get(a)]
    finals = [(groups[a][-1], label) for a, label in labels.items() if groups.get(a)]
    classes = {cls: per_class(groups, labels, cls) for cls in CLASSES}
    return {
        "declining": _declining(groups, labels),
        "quiet": false_alarms(groups, quiet),
        "final_expected": _share(
            sum(r.action in {k.value for k in label.expected_final} for r, label in finals),
            len(finals),
        ),
        "classes": {cls: found for cls, found in classes.items() if found["alliances"]},
        "watch_exposed": any(r.watch is not None for r in readings),
    }
