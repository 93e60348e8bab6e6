"""Building blocks shared by the rule modules: evidence, baseline rules, observations."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import cast

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, Series, month_number
from radar.engine.records import ObservationRecord
from radar.engine.vocab import Category, ObservationKind, ObservationSource, Polarity
from radar.engine.words import unit_for

Rule = Callable[[Frame, EngineConfig], Iterable[Detection]]


def fmt(value: float, digits: int = 1) -> str:
    """Numbers as a manager reads them: whole numbers plain, else `digits` decimals;
    from a thousand on, whole and grouped by thousands (92,309, not 92308.5)."""
    if abs(value) >= 999.5:
        whole = math.floor(abs(value) + 0.5)  # half up, as people round
        return f"{'-' if value < 0 else ''}{whole:,}"
    whole = round(value)
    if abs(value - whole) < 0.5 * 10**-digits:
        return str(whole)
    return f"{value:.{digits}f}"


_SCALE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*[-\u2013]\s*(-?\d+(?:\.\d+)?)$")


def unit_suffix(unit: str, shown: str = "") -> str:
    """The text after a number for a unit: "%" joins it ("45%"), a scale reads as one
    ("1.9 on the 1 to 5 scale", en dash), anything else follows after a space ("92,309 EUR"),
    in the singular after a `shown` number of one ("1 item", not "1 items")."""
    unit = unit_for(shown, unit.strip())
    if not unit:
        return ""
    if unit == "%":
        return "%"
    scale = _SCALE.match(unit)
    if scale is not None:
        return f" on the {scale[1]}\u2013{scale[2]} scale"  # an en dash, as in print
    return f" {unit}"


def is_scale(unit: str) -> bool:
    """A unit that names a scale ("1-5"): said once in a sentence, not after every number."""
    return _SCALE.match(unit.strip()) is not None


def pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def trailing_points(
    frame: Frame, values: Series, i: int, config: EngineConfig
) -> tuple[EvidencePoint, ...]:
    """The period's value and the ones before it (missing months left out)."""
    lo = max(0, i - config.evidence_periods)
    window = frame.points(values, lo, i + 1)
    if None in values[lo : i + 1]:  # checked on the floats: cheaper than on the points
        return tuple(p for p in window if p is not None)
    return cast(tuple[EvidencePoint, ...], window)  # no gaps: the slice itself


# Where an observation belongs when the person who recorded it chose no category.
KIND_CATEGORY: dict[ObservationKind, Category] = {
    ObservationKind.COMPETING_INITIATIVE: Category.PRIORITY,
    ObservationKind.ROADMAP_CHANGE: Category.PRIORITY,
    ObservationKind.FOCUS_SHIFT: Category.PRIORITY,
    ObservationKind.PROGRAM_TIER_CHANGE: Category.PRIORITY,
    ObservationKind.BUDGET_CHANGE: Category.RESOURCE,
    ObservationKind.TEAM_CHANGE: Category.RESOURCE,
    ObservationKind.JOB_POSTING: Category.RESOURCE,
    ObservationKind.QUALITY_ISSUE: Category.EXECUTION,
    ObservationKind.ESCALATION: Category.CULTURE,
    ObservationKind.SPONTANEOUS_IDEA: Category.CULTURE,
    ObservationKind.NEW_CONNECTION: Category.COMMUNICATION,
    ObservationKind.JOINT_WIN: Category.METRICS,
}


def observation_category(obs: ObservationRecord) -> Category | None:
    return obs.category if obs.category is not None else KIND_CATEGORY.get(obs.kind)


def kind_label(kind: ObservationKind) -> str:
    return kind.value.replace("_", " ")


# Facts that change what the partner commits to: they hold until resolved, not 3 months.
DURABLE_KINDS = frozenset(
    {
        ObservationKind.COMPETING_INITIATIVE,  # signed with a competitor, launched a rival
        ObservationKind.PROGRAM_TIER_CHANGE,  # programme cut or downgraded
        ObservationKind.ROADMAP_CHANGE,  # the joint roadmap dropped
        ObservationKind.BUDGET_CHANGE,
    }
)


def durable_periods(found: Sequence[ObservationRecord], frame: Frame, config: EngineConfig) -> int:
    """How long external negative facts among `found` stay active (0: the instant default).

    Until the month they are resolved in, or `durable_max_periods` when no resolution is
    on record.
    """
    lasts = 0
    for obs in found:
        if obs.source is not ObservationSource.EXTERNAL or obs.kind not in DURABLE_KINDS:
            continue
        if obs.resolved is None:
            months = config.durable_max_periods
        else:
            months = month_number(obs.resolved) - month_number(obs.observed)
        lasts = max(lasts, min(months, config.durable_max_periods))
    return max(lasts, config.instant_active_periods) if lasts else 0


def observation_rule(rule: str, category: Category, polarity: Polarity, title: str) -> Rule:
    """One detection per period with observations of this category and polarity.

    Observations from external sources (press, public filings, job boards) are
    unambiguous facts and are marked instant; internal ones are impressions and
    wait for the rule of three like everything else. External negative facts that
    change what the partner commits to (`DURABLE_KINDS`) stay active until resolved.
    """

    negative = polarity is Polarity.NEGATIVE

    def detect(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
        by_period: dict[int, list[ObservationRecord]] = {}
        for obs in frame.history.observations:
            if obs.polarity != polarity or observation_category(obs) != category:
                continue
            i = frame.index_of(obs.observed)
            if i is not None:
                by_period.setdefault(i, []).append(obs)
        for i in sorted(by_period):
            found = sorted(by_period[i], key=lambda o: (o.observed, o.id))
            external = any(o.source == ObservationSource.EXTERNAL for o in found)
            parts = [
                f"{o.observed.isoformat()}: {o.title} ({kind_label(o.kind)}, {o.source.value})"
                if o.title
                else f"{o.observed.isoformat()}: {kind_label(o.kind)} ({o.source.value})"
                for o in found
            ]
            heading = "Observation" if len(found) == 1 else f"{len(found)} observations"
            lasts = durable_periods(found, frame, config) if negative else 0
            yield Detection(
                rule=rule,
                category=category,
                polarity=polarity,
                period=frame.periods[i],
                title=title,
                detail=f"{heading} recorded by the team: " + "; ".join(parts) + ".",
                evidence=Evidence(
                    summary="observations recorded by the team",
                    points=tuple(
                        EvidencePoint(o.observed.isoformat(), o.title or kind_label(o.kind))
                        for o in found
                    ),
                    points_of="date",
                ),
                severity=0.8 if external else 0.6,
                instant=external,
                occurrences=len(found),
                active_periods=lasts,
                durable=lasts > config.instant_active_periods,
            )

    return detect


def above_usual(share: float, usual: float | None, config: EngineConfig) -> bool:
    """A share (of cancelled meetings, flagged texts) clearly above the alliance's usual one.

    Rules check an absolute floor first; this adds that, when the alliance has a
    history, chronic levels become the baseline instead of a permanent alarm.
    """
    return usual is None or share >= usual + config.share_rise_over_baseline
