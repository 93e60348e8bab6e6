"""Building blocks shared by the rule modules: evidence, baseline rules, observations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.baseline import Direction, ratio_scan, scan, severity_from_z
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, Series, month_number
from radar.engine.records import ObservationRecord
from radar.engine.vocab import Category, ObservationKind, ObservationSource, Polarity

Rule = Callable[[Frame, EngineConfig], Iterable[Detection]]


def fmt(value: float, digits: int = 1) -> str:
    """Numbers as a manager reads them: whole numbers plain, else `digits` decimals."""
    whole = round(value)
    if abs(value - whole) < 0.5 * 10**-digits:
        return str(whole)
    return f"{value:.{digits}f}"


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


@dataclass(frozen=True, slots=True)
class BaselineRule:
    """A rule that fires when a series moves against the alliance's own baseline."""

    rule: str
    category: Category
    polarity: Polarity
    series: str
    direction: Direction
    title: str
    # Sentence template; receives value, median, change (% or absolute) and unit.
    sentence: str
    unit: str = ""
    # Name of an EngineConfig field holding an absolute minimum change that replaces
    # the relative test (for series around zero, such as tone).
    min_change_setting: str | None = None
    as_percent: bool = False  # series is a share 0..1: show it in %
    digits: int = 1  # decimals shown in the sentence
    note: str = ""  # appended to the evidence summary (e.g. "leading indicator")
    # Judge ratios instead of differences (positive, right-skewed series such as reply times).
    log_scale: bool = False

    # Built once per rule, not per detection: the evidence summary around n and z.
    _summary_head: str = field(default="", init=False, repr=False, compare=False)
    _summary_tail: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        head = f"{self.series.replace('_', ' ')} against the median of the previous "
        scale = "; judged as a ratio (log scale)" if self.log_scale else ""
        note = f"; {self.note}" if self.note else ""
        object.__setattr__(self, "_summary_head", head)
        object.__setattr__(self, "_summary_tail", f"){scale}{note}")

    def min_change(self, config: EngineConfig) -> float | None:
        if self.min_change_setting is None:
            return None
        return float(getattr(config, self.min_change_setting))

    def __call__(self, frame: Frame, config: EngineConfig) -> Iterator[Detection]:
        return self.run(frame, config, frame.series(self.series))

    def run(self, frame: Frame, config: EngineConfig, values: Series) -> Iterator[Detection]:
        """Detections over `values` (a frame series, or a metric's aligned values).

        One detection per deviating month of every series of every alliance: the
        loop below builds the same texts and numbers as a plain per-detection
        helper would, with what does not change between months looked up once.
        """
        found = self._found(values, config)
        if not found:
            return
        show = self._show
        rule, category, polarity, title = self.rule, self.category, self.polarity, self.title
        sentence, unit = self.sentence.format, self.unit
        head, tail = self._summary_head, self._summary_tail
        periods = frame.periods
        for i, value, median, n, z, change, threshold in found:
            yield Detection(
                rule=rule,
                category=category,
                polarity=polarity,
                period=periods[i],
                title=title,
                detail=sentence(
                    value=show(value), median=show(median), change=change, months=n, unit=unit
                ),
                evidence=Evidence(
                    summary=f"{head}{n} months (robust z {z:+.1f}{tail}",
                    points=trailing_points(frame, values, i, config),
                    baseline=round(median, 3),
                    threshold=round(threshold, 3),
                    unit=unit,
                ),
                severity=severity_from_z(z, config),
            )

    def _found(
        self, values: Series, config: EngineConfig
    ) -> list[tuple[int, float, float, int, float, str, float]]:
        """(index, value, median, n, z, change as shown, threshold) of each deviating month."""
        if self.log_scale:
            return [
                (i, value, median, n, z, f"{relative * 100:+.0f}%", threshold)
                for i, value, median, n, z, relative, threshold in ratio_scan(
                    values, self.direction, config
                )
            ]
        min_change = self.min_change(config)
        sign = self.direction.value
        deviation_z = config.deviation_z
        deviation_relative = config.deviation_relative
        found = []
        for i, value, median, _mad, n, sigma, z in scan(values, sign, config, min_change):
            if min_change is not None or median == 0:
                difference = value - median
                change = f"{'+' if difference > 0 else ''}{self._show(difference)}"
            else:
                change = f"{(value - median) / abs(median) * 100:+.0f}%"  # median != 0
            reach = max(
                deviation_z * sigma,
                min_change if min_change is not None else deviation_relative * abs(median),
            )
            found.append((i, value, median, n, z, change, median + sign * reach))
        return found

    def _show(self, value: float) -> str:
        return pct(value) if self.as_percent else fmt(value, self.digits)


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
                ),
                severity=0.8 if external else 0.6,
                instant=external,
                occurrences=len(found),
                active_periods=durable_periods(found, frame, config) if negative else 0,
            )

    return detect


def above_usual(share: float, usual: float | None, config: EngineConfig) -> bool:
    """A share (of cancelled meetings, flagged texts) clearly above the alliance's usual one.

    Rules check an absolute floor first; this adds that, when the alliance has a
    history, chronic levels become the baseline instead of a permanent alarm.
    """
    return usual is None or share >= usual + config.share_rise_over_baseline
