"""Per-period features of one alliance, built once per evaluation.

`build_frame(history, as_of, config)` cuts the history at `as_of` (nothing dated
later survives, so backtesting is honest), lays out every calendar month from the
first month with data up to the last *complete* month, fills months without any
interaction with zeros (a month without meetings is data: zero meetings), and
computes each per-period series once as a plain tuple the rules can index.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TypeVar, cast

from radar.engine.assessment import EvidencePoint
from radar.engine.baseline import Baseline, baseline_at, running_medians
from radar.engine.config import EngineConfig
from radar.engine.records import (
    ContactRecord,
    DeliverableRecord,
    History,
    MetricSeries,
    ObservationRecord,
    PeriodStats,
    SurveyRecord,
)
from radar.engine.vocab import DeliverableStatus

Series = tuple[float | None, ...]
Points = tuple[EvidencePoint | None, ...]
T = TypeVar("T")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(period: date) -> date:
    return period.replace(day=calendar.monthrange(period.year, period.month)[1])


def add_months(period: date, months: int) -> date:
    index = period.year * 12 + period.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def last_complete_month(as_of: date) -> date:
    """The month of as_of if as_of is its last day, else the month before."""
    if as_of == month_end(as_of):
        return month_start(as_of)
    return add_months(month_start(as_of), -1)


def label(period: date) -> str:
    return f"{period.year:04d}-{period.month:02d}"


def month_number(day: date) -> int:
    """Months since year 0: consecutive months have consecutive numbers."""
    return day.year * 12 + day.month - 1


def _ratio(part: int, whole: int, minimum: int = 1) -> float | None:
    return part / whole if whole >= minimum and whole > 0 else None


# Every named per-period series, in the order `_row` computes them; docs/signals.md
# describes the ones the rules read.
SERIES_NAMES: tuple[str, ...] = (
    "meetings_scheduled",
    "meetings_held",
    "meetings_cancelled",
    "conversations",  # meetings and calls actually held: the live conversations
    "cancel_share",
    "partner_attendance",
    "calls",
    "emails_inbound",
    "emails_outbound",
    "interactions",
    "engagement",  # what the partner puts in: conversations plus the mail they send us
    "partner_reply_hours",
    "partner_words",
    "tone",
    "toned",
    "flagged_share",
    "partner_people",
)


def _row(s: PeriodStats, min_invited: int) -> tuple[float | None, ...]:
    """One month's value of every series (one call per month keeps build_frame cheap)."""
    conversations = s.meetings_held + s.calls
    toned = s.toned
    return (
        float(s.meetings_scheduled),
        float(s.meetings_held),
        float(s.meetings_cancelled),
        float(conversations),
        _ratio(s.meetings_cancelled, s.meetings_scheduled),
        _ratio(s.partner_attended, s.partner_invited, min_invited),
        float(s.calls),
        float(s.emails_inbound),
        float(s.emails_outbound),
        float(conversations + s.emails_inbound + s.emails_outbound),
        float(conversations + s.emails_inbound),
        s.partner_reply_hours,
        s.partner_words,
        s.tone if toned > 0 else None,
        float(toned),
        min(1.0, (s.blaming + s.defensive) / toned) if toned > 0 else None,
        float(s.partner_people),
    )


@dataclass(frozen=True)
class Frame:
    """One alliance laid out per calendar month, ready for the rules."""

    history: History  # cut at as_of
    as_of: date
    periods: tuple[date, ...]  # first days of the complete months, ascending, no gaps
    stats: tuple[PeriodStats, ...]  # aligned with periods; zero-filled where no data
    config: EngineConfig
    _series: dict[str, Series] = field(default_factory=dict, repr=False, compare=False)
    _baselines: dict[str, tuple[Baseline | None, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _metrics: dict[str, Series] = field(default_factory=dict, repr=False, compare=False)
    _first_month: int = 0  # month_number(periods[0]): period indexes are month numbers from it
    labels: tuple[str, ...] = ()  # "YYYY-MM" of each period, for evidence
    ends: tuple[date, ...] = ()  # period_end(i) of each period
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    # id(series) -> (series, first month built, points of the months built so far)
    _points: dict[int, tuple[Series, int, Points]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def series(self, name: str) -> Series:
        """A named per-period series aligned with `periods` (None = no data that month)."""
        try:
            return self._series[name]
        except KeyError:
            raise KeyError(f"unknown series {name!r}; known: {sorted(self._series)}") from None

    def baselines(self, name: str) -> tuple[Baseline | None, ...]:
        """The baseline of a series at every period (computed once, then cached)."""
        cached = self._baselines.get(name)
        if cached is None:
            values = self.series(name)
            cached = tuple(baseline_at(values, i, self.config) for i in range(len(values)))
            self._baselines[name] = cached
        return cached

    def medians(self, name: str) -> tuple[float | None, ...]:
        """The baseline median of a series at every period (None without enough history)."""
        return self.memo(f"medians:{name}", lambda: running_medians(self.series(name), self.config))

    def metric_medians(self, key: str) -> tuple[float | None, ...]:
        """The baseline median of a metric at every period (None without enough history)."""
        return self.memo(
            f"medians:metric:{key}", lambda: running_medians(self.metric(key), self.config)
        )

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute something once per frame (e.g. deliverable tallies shared by rules)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def points(self, values: Series, lo: int = 0, hi: int | None = None) -> Points:
        """Evidence points of values[lo:hi], a series of this frame (None where missing).

        Built once per frame and series, and only over the months asked for so far:
        evidence shows a few months around each detection, and most months of most
        series never appear in any. Rules ask in ascending months, so the built
        range mostly grows at its end.
        """
        size = len(values)
        hi = size if hi is None else min(hi, size)
        lo = min(max(lo, 0), hi)
        cached = self._points.get(id(values))
        if cached is None or cached[0] is not values:
            built = self._build_points(values, lo, hi)
            self._points[id(values)] = (values, lo, built)
            return built
        _, start, built = cached
        end = start + len(built)
        if lo < start or hi > end:
            # Grow the built range to cover [lo, hi), months in between included.
            left = self._build_points(values, lo, start) if lo < start else ()
            right = self._build_points(values, end, hi) if hi > end else ()
            built = left + built + right
            start = min(lo, start)
            self._points[id(values)] = (values, start, built)
        return built[lo - start : hi - start]

    def _build_points(self, values: Series, lo: int, hi: int) -> Points:
        labels = self.labels
        return tuple(  # a list comprehension: cheaper than a generator for a few months
            [
                EvidencePoint(label, round(v, 2)) if v is not None else None
                for label, v in zip(labels[lo:hi], values[lo:hi], strict=True)
            ]
        )

    def metric(self, key: str) -> Series:
        """A metric's values aligned with `periods` (None where nothing was recorded)."""
        return self._metrics[key]

    def index_of(self, day: date) -> int | None:
        """The period index an event on `day` belongs to.

        Events in the partial current month (after the last complete month, up to
        as_of) count in the last complete period; events before the first period
        are outside the frame (None).
        """
        size = len(self.periods)
        if not size:
            return None
        i = month_number(day) - self._first_month
        if i >= size:
            return size - 1
        return i if i >= 0 else None

    def period_end(self, i: int) -> date:
        """The moment period i is judged at: its last day, or as_of for the last period.

        Matches `index_of`: whatever happened in the partial current month counts
        in the last complete period.
        """
        return self.ends[i]


def _contact_at(contact: ContactRecord, as_of: date) -> ContactRecord:
    # A departure after as_of had not happened yet on as_of.
    if contact.ended is not None and contact.ended > as_of:
        return dataclasses.replace(contact, ended=None, end_reason="", successor_id=None)
    return contact


def _deliverable_at(item: DeliverableRecord, as_of: date) -> DeliverableRecord:
    # Work finished after as_of was still open on as_of.
    if item.done is not None and item.done > as_of:
        return dataclasses.replace(item, done=None, status=DeliverableStatus.OPEN)
    return item


def _survey_at(survey: SurveyRecord, as_of: date) -> SurveyRecord:
    responses = tuple(r for r in survey.responses if r.submitted <= as_of)
    if len(responses) == len(survey.responses):
        return survey
    return dataclasses.replace(survey, responses=responses)


def _observation_at(item: ObservationRecord, as_of: date) -> ObservationRecord:
    # A situation resolved after as_of was still going on at as_of.
    if item.resolved is not None and item.resolved > as_of:
        return dataclasses.replace(item, resolved=None)
    return item


def _metric_at(metric: MetricSeries, as_of: date) -> MetricSeries:
    points = tuple(p for p in metric.points if p[0] <= as_of)
    if len(points) == len(metric.points):
        return metric  # nothing recorded after as_of: the series as it is
    return dataclasses.replace(metric, points=points)


def cut_history(history: History, as_of: date) -> History:
    """The history as it was known on `as_of`: nothing dated later survives.

    Deliverables due later stay (they are known plans) but any completion after
    as_of is undone; contacts who left after as_of are still in post.
    """
    agreement = history.agreement
    if agreement is not None and agreement.last_reviewed and agreement.last_reviewed > as_of:
        agreement = dataclasses.replace(agreement, last_reviewed=None)
    return dataclasses.replace(
        history,
        periods=tuple(p for p in history.periods if p.period <= as_of),
        contacts=tuple(
            _contact_at(c, as_of)
            for c in history.contacts
            if c.started is None or c.started <= as_of
        ),
        deliverables=tuple(_deliverable_at(d, as_of) for d in history.deliverables),
        metrics=tuple(_metric_at(m, as_of) for m in history.metrics),
        surveys=tuple(_survey_at(s, as_of) for s in history.surveys if s.sent <= as_of),
        observations=tuple(
            _observation_at(o, as_of) for o in history.observations if o.observed <= as_of
        ),
        context=tuple(c for c in history.context if c.start <= as_of),
        checkins=tuple(c for c in history.checkins if c.held <= as_of),
        decisions=tuple(d for d in history.decisions if d.decided <= as_of),
        agreement=agreement,
    )


def _first_period(history: History, last: date) -> date:
    """The first month with interaction or metric data; the alliance start without any.

    Not the alliance start when data exists: an alliance signed years before it was
    tracked here would otherwise get years of invented zero months.
    """
    starts = [p.period for p in history.periods]
    starts += [m.points[0][0] for m in history.metrics if m.points]
    if starts:
        return month_start(min(starts))
    if history.alliance.started is not None:
        return month_start(history.alliance.started)
    return last


@dataclass(frozen=True, slots=True)
class _Calendar:
    """The months from a first to a last one, with what the frame needs of each."""

    periods: tuple[date, ...]
    labels: tuple[str, ...]
    ends: tuple[date, ...]  # the last day of each month


@lru_cache(maxsize=128)
def _calendar(first: date, last: date) -> _Calendar:
    """Laid out once for all the frames over the same months (a portfolio shares them)."""
    periods: list[date] = []
    current = first
    while current <= last:
        periods.append(current)
        current = add_months(current, 1)
    return _Calendar(
        periods=tuple(periods),
        labels=tuple(label(p) for p in periods),
        ends=tuple(month_end(p) for p in periods),
    )


def _metric_series(metric: MetricSeries, first_month: int, size: int) -> Series:
    values: list[float | None] = [None] * size
    for day, value in metric.points:  # ascending: the month's last point wins
        i = month_number(day) - first_month  # its period index, if in the frame
        if 0 <= i < size:
            values[i] = value
    return tuple(values)


def build_frame(history: History, as_of: date, config: EngineConfig) -> Frame:
    """Cut `history` at `as_of` and lay it out per complete calendar month."""
    cut = cut_history(history, as_of)
    last = last_complete_month(as_of)
    months = _calendar(_first_period(cut, last), last)
    periods = months.periods
    size = len(periods)
    first_month = month_number(periods[0]) if size else 0
    found: list[PeriodStats | None] = [None] * size
    for row in cut.periods:
        i = month_number(row.period) - first_month
        if 0 <= i < size:
            found[i] = (
                row if row.period == periods[i] else dataclasses.replace(row, period=periods[i])
            )
    # Months without a row are zeros; their row of series values is the same every time.
    stats = tuple(
        s if s is not None else PeriodStats(period=p) for s, p in zip(found, periods, strict=True)
    )
    min_invited = config.attendance_min_invited
    zero_row = _row(PeriodStats(period=last), min_invited)
    rows = [_row(s, min_invited) if s is not None else zero_row for s in found]
    columns = zip(*rows, strict=True) if rows else ((),) * len(SERIES_NAMES)
    series = dict(zip(SERIES_NAMES, columns, strict=True))
    metrics = {m.definition.key: _metric_series(m, first_month, size) for m in cut.metrics}
    return Frame(
        history=cut,
        as_of=as_of,
        periods=periods,
        stats=stats,
        config=config,
        _series=series,
        _metrics=metrics,
        _first_month=first_month,
        labels=months.labels,
        ends=(*months.ends[:-1], as_of) if size else (),
    )
