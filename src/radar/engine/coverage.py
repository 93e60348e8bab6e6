"""Which categories had data in which period, and what data is missing.

The rule of three and the score both need to tell "nothing wrong" from "nothing
known". A category has data in a period when some input that feeds its rules is
there. Two readings:

- fresh (`hold=0`, used by the triage): only inputs dated in the period itself.
  A signal resolves only in a period with fresh data for its category, so a
  month in which nobody recorded anything cannot make a problem look solved;
- held (`hold=coverage_hold_periods`, used by the score): sparse inputs (an
  observation, a deliverable, a metric point, a survey) keep their category
  "with data" for that many months after, because they are not expected every
  month and the score should not treat a quiet month as an unknown one.

| category      | counts as data                                                        |
|---------------|-----------------------------------------------------------------------|
| communication | the interaction log has started (months without any are zero-filled)  |
| resource      | a contact on record who had started by the end of the month           |
| priority      | an observation, a check-in, a survey sent or a governance ritual held |
| execution     | a deliverable due or done in the month                                |
| culture       | texts with a tone score, or a culture observation                     |
| metrics       | a metric point, or a survey response (held for `survey_hold_months`)  |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from radar.engine.config import EngineConfig
from radar.engine.features import Frame, add_months, label, month_start
from radar.engine.vocab import Category, Side

_CATEGORIES = tuple(Category)


def _month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True, slots=True)
class Coverage:
    """Per category, one flag per period: fresh data in the month, and data held over."""

    fresh: dict[Category, tuple[bool, ...]]
    held: dict[Category, tuple[bool, ...]]


def _events(frame: Frame) -> tuple[dict[Category, set[int]], set[int], dict[Category, int]]:
    """Month numbers of the sparse inputs per category, survey responses apart, and the
    month from which the continuous inputs (interaction log, contacts) count."""
    history = frame.history
    events: dict[Category, set[int]] = {c: set() for c in _CATEGORIES}
    from_month: dict[Category, int] = {}
    if history.periods:
        from_month[Category.COMMUNICATION] = _month_number(history.periods[0].period)
    starts = [_month_number(c.started or frame.periods[0]) for c in history.contacts]
    if starts:
        from_month[Category.RESOURCE] = min(starts)
    priority, culture = events[Category.PRIORITY], events[Category.CULTURE]
    for obs in history.observations:
        priority.add(_month_number(obs.observed))
        if obs.category is Category.CULTURE:
            culture.add(_month_number(obs.observed))
    priority.update(_month_number(c.held) for c in history.checkins)
    priority.update(_month_number(s.sent) for s in history.surveys)
    responses = {_month_number(r.submitted) for s in history.surveys for r in s.responses}
    execution = events[Category.EXECUTION]
    for item in history.deliverables:
        if item.due <= frame.as_of:
            execution.add(_month_number(item.due))
        if item.done is not None:
            execution.add(_month_number(item.done))
    for stats in history.periods:
        priority.update(_month_number(day) for day in stats.rituals.values())
        if stats.toned > 0:
            culture.add(_month_number(stats.period))
    metrics = events[Category.METRICS]
    for series in history.metrics:
        metrics.update(_month_number(day) for day, _value in series.points)
    return events, responses, from_month


def _flags(first: int, size: int, months: set[int], hold: int, since: int | None) -> list[bool]:
    flags = [False] * size
    if since is not None:
        start = max(since - first, 0)
        flags[start:] = [True] * (size - start)
    for month in months:
        lo, hi = max(month - first, 0), min(month - first + hold, size - 1)
        for i in range(lo, hi + 1):
            flags[i] = True
    return flags


def coverage(frame: Frame, config: EngineConfig) -> Coverage:
    """Which categories had data in which period, fresh and held (one pass over the inputs)."""
    size = len(frame.periods)
    if not size:
        empty: dict[Category, tuple[bool, ...]] = {c: () for c in _CATEGORIES}
        return Coverage(empty, dict(empty))
    first = _month_number(frame.periods[0])
    events, responses, from_month = _events(frame)
    fresh: dict[Category, tuple[bool, ...]] = {}
    held: dict[Category, tuple[bool, ...]] = {}
    hold = config.coverage_hold_periods
    for c in _CATEGORIES:
        since = from_month.get(c)
        fresh_flags = _flags(first, size, events[c], 0, since)
        held_flags = _flags(first, size, events[c], hold, since)
        if c is Category.METRICS and responses:
            fresh_flags = _or(fresh_flags, _flags(first, size, responses, 0, None))
            held_flags = _or(
                held_flags, _flags(first, size, responses, config.survey_hold_months, None)
            )
        fresh[c], held[c] = tuple(fresh_flags), tuple(held_flags)
    return Coverage(fresh, held)


def _or(a: list[bool], b: list[bool]) -> list[bool]:
    return [x or y for x, y in zip(a, b, strict=True)]


def data_gaps(frame: Frame, config: EngineConfig) -> tuple[str, ...]:
    """Plain sentences about inputs the assessment had to do without."""
    history, as_of = frame.history, frame.as_of
    gaps: list[str] = []
    if not history.periods:
        gaps.append("No interactions (meetings, calls, e-mails) are logged.")
    elif frame.periods and history.periods[-1].period < add_months(frame.periods[-1], -1):
        gaps.append(f"No interactions logged since {label(history.periods[-1].period)}.")
    if not any(c.side is Side.PARTNER for c in history.contacts):
        gaps.append("No partner contacts on record.")
    if not history.deliverables:
        gaps.append("No deliverables on record.")
    if not history.metrics:
        gaps.append("No metric series.")
    year_ago = add_months(month_start(as_of), -12)
    answered = [r.submitted for s in history.surveys for r in s.responses]
    if not answered or max(answered) < year_ago:
        gaps.append("No survey answered in the last 12 months.")
    recent = add_months(month_start(as_of), -config.coverage_hold_periods)
    if not any(s.toned > 0 and s.period >= recent for s in history.periods):
        gaps.append(
            f"No texts with a tone score in the last {config.coverage_hold_periods} months."
        )
    if not history.checkins:
        gaps.append("No check-in on record.")
    if history.agreement is None:
        gaps.append("No agreement on record, so review, renewal and exit dates are unknown.")
    if not history.governance:
        gaps.append("No governance bodies defined, so ritual cadence cannot be checked.")
    if history.alliance.started is None:
        gaps.append("The alliance start date is unknown; its age is taken from the first data.")
    return tuple(gaps)
