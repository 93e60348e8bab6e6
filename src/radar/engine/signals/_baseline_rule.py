"""Baseline rules: a series moves against the alliance's own baseline, or stays away
from its healthy level (radar.engine.levels)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from radar.engine.assessment import Detection, Evidence
from radar.engine.baseline import (
    Direction,
    logged,
    ratio_scan,
    running_medians,
    scan,
    severity_from_z,
)
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, Series
from radar.engine.levels import level_scan
from radar.engine.signals._common import fmt, pct, trailing_points, unit_suffix
from radar.engine.vocab import Category, Polarity


@dataclass(frozen=True, slots=True)
class BaselineRule:
    """A rule that fires when a series moves against the alliance's own baseline."""

    rule: str
    category: Category
    polarity: Polarity
    series: str
    direction: Direction
    title: str
    # Sentence template; receives value, median, change (% or absolute), unit, and
    # value_unit / median_unit: the unit agreeing with each number (" meeting" after a 1).
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
    # The series counts independent events (e-mails): never read less spread into it than
    # chance gives (the Poisson spread, the square root of the median). Not for scheduled
    # meetings or a team's people, which vary far less than chance.
    counts: bool = False

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

    def run(
        self, frame: Frame, config: EngineConfig, values: Series, key: str = ""
    ) -> Iterator[Detection]:
        """Detections over `values`: a frame series, or a metric's aligned values named by
        `key` (what the rule tests and its trailing medians are cached on the frame).

        One detection per deviating month of every series of every alliance (the
        loop in `_monthly` builds the same texts and numbers as a plain per-detection
        helper would, with what does not change between months looked up once), and,
        for a negative rule, one per month whose level stays away from the healthy one.
        """
        tested, medians = self._prepared(frame, config, values, key or self.series)
        found = self._found(values, tested, medians, config)
        if self.polarity is Polarity.NEGATIVE:
            seen = {item[0] for item in found}
            yield from self._sustained(frame, config, values, tested, medians, seen)
        yield from self._monthly(frame, config, values, found)

    def monthly(self, frame: Frame, config: EngineConfig, values: Series) -> Iterator[Detection]:
        """Only the months that deviate from their trailing baseline."""
        tested = logged(values) if self.log_scale else values
        found = self._found(values, tested, running_medians(tested, config), config)
        return self._monthly(frame, config, values, found)

    def _prepared(
        self, frame: Frame, config: EngineConfig, values: Series, key: str
    ) -> tuple[Series, Series]:
        """The values as tested (their logarithms for a ratio rule) and their trailing
        medians, worked out once per frame and shared by the monthly and level tests."""
        if not self.log_scale:
            if key == self.series:
                return values, frame.medians(key)
            if key.startswith("metric:"):
                return values, frame.metric_medians(key.removeprefix("metric:"))

        def compute() -> tuple[Series, Series]:
            tested = logged(values) if self.log_scale else values
            return tested, running_medians(tested, config)

        return frame.memo(f"tested:{key}:{self.log_scale}", compute)

    def _monthly(
        self,
        frame: Frame,
        config: EngineConfig,
        values: Series,
        found: list[tuple[int, float, float, int, float, str, float]],
    ) -> Iterator[Detection]:
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
                    value=(shown := show(value)),
                    median=(usual := show(median)),
                    change=change,
                    months=n,
                    unit=unit,
                    value_unit=self._unit_after(shown),
                    median_unit=self._unit_after(usual),
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

    def _sustained(
        self,
        frame: Frame,
        config: EngineConfig,
        values: Series,
        tested: Series,
        medians: Series,
        seen: set[int],
    ) -> Iterator[Detection]:
        """Months the month itself did not deviate in, but the level stays worse than the
        reference (healthy) level: a slow decline the trailing median has absorbed.

        A level is the median of the last `level_periods` months, so the levels of
        consecutive months re-read the same months: only one in `level_periods` of a run
        of low levels is a new reading for the rule of three. The others keep the signal
        alive (and confirmed) without counting again.
        """
        sign = self.direction.value
        if self.log_scale:
            relative = min(config.deviation_relative, 0.99)
            reach = math.log1p(relative) if sign > 0 else -math.log1p(-relative)
            floor = math.log1p(config.baseline_mad_floor)
            found = [
                (i, math.exp(level), math.exp(reference), z, math.exp(threshold))
                for i, level, reference, z, threshold in level_scan(
                    tested, sign, config, reach, floor, medians
                )
            ]
        else:
            found = level_scan(
                values, sign, config, self.min_change(config), None, medians, self.counts
            )
        show, unit = self._show, self._unit_after
        span = max(config.level_periods, 1)
        run, last = 0, -2
        for i, level, reference, z, threshold in found:
            run = run + 1 if i == last + 1 else 1
            last = i
            if i in seen:
                continue
            yield Detection(
                rule=self.rule,
                category=self.category,
                polarity=self.polarity,
                period=frame.periods[i],
                title=self.title,
                detail=(
                    f"Not recovered: {(now := show(level))}{unit(now)} over the last "
                    f"{config.level_periods} months (median), against "
                    f"{(then := show(reference))}{unit(then)} when the alliance was "
                    f"healthy ({self._change(level, reference)})."
                ),
                evidence=Evidence(
                    summary=(
                        f"{self.series.replace('_', ' ')}: the median of the last "
                        f"{config.level_periods} months against the reference level, the best "
                        f"12-month median of the last {config.reference_periods} months "
                        f"(robust z {z:+.1f})"
                    ),
                    points=trailing_points(frame, values, i, config),
                    baseline=round(reference, 3),
                    threshold=round(threshold, 3),
                    unit=self.unit,
                ),
                severity=severity_from_z(z, config),
                occurrences=1 if (run - 1) % span == 0 else 0,
            )

    def _unit_after(self, shown: str) -> str:
        """The unit after a number as shown (a share's "%" is part of the number)."""
        return "" if self.as_percent else unit_suffix(self.unit, shown)

    def _change(self, value: float, reference: float) -> str:
        if self.min_change_setting is not None or reference == 0:
            difference = value - reference
            return f"{'+' if difference > 0 else ''}{self._show(difference)}"
        return f"{(value - reference) / abs(reference) * 100:+.0f}%"

    def _found(
        self, values: Series, tested: Series, medians: Series, config: EngineConfig
    ) -> list[tuple[int, float, float, int, float, str, float]]:
        """(index, value, median, n, z, change as shown, threshold) of each deviating month."""
        if self.log_scale:
            return [
                (i, value, median, n, z, f"{relative * 100:+.0f}%", threshold)
                for i, value, median, n, z, relative, threshold in ratio_scan(
                    values, self.direction, config, tested, medians
                )
            ]
        min_change = self.min_change(config)
        sign = self.direction.value
        deviation_z = config.deviation_z
        deviation_relative = config.deviation_relative
        found = []
        for i, value, median, _mad, n, sigma, z in scan(
            values, sign, config, min_change, None, medians, self.counts
        ):
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
