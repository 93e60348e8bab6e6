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

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from radar.engine.config import EngineConfig
from radar.engine.features import Frame, add_months, label, month_number, month_start
from radar.engine.vocab import Category, Side

_CATEGORIES = tuple(Category)


def _month_numbers(days: Iterable[date]) -> set[int]:
    """`month_number` of each day; the same day recurs a lot (metric series share their
    dates), so each distinct one is converted once."""
    return {month_number(day) for day in set(days)}


@dataclass(frozen=True, slots=True)
class Coverage:
    """Per category, one flag per period: fresh data in the month, and data held over."""

    fresh: dict[Category, tuple[bool, ...]]
    held: dict[Category, tuple[bool, ...]]


def _events(frame: Frame) -> tuple[dict[Category, set[int]], set[int], dict[Category, int]]:
    """Month numbers of the sparse inputs per category, survey responses apart, and the
    month from which the continuous inputs (interaction log, contacts) count."""
    history = frame.history
    from_month: dict[Category, int] = {}
    if history.periods:
        from_month[Category.COMMUNICATION] = month_number(history.periods[0].period)
    if history.contacts:
        starts = _month_numbers(c.started or frame.periods[0] for c in history.contacts)
        from_month[Category.RESOURCE] = min(starts)
    priority = _month_numbers(
        [
            *(obs.observed for obs in history.observations),
            *(c.held for c in history.checkins),
            *(s.sent for s in history.surveys),
            *(day for stats in history.periods for day in stats.rituals.values()),
        ]
    )
    culture = _month_numbers(
        [
            *(obs.observed for obs in history.observations if obs.category is Category.CULTURE),
            *(stats.period for stats in history.periods if stats.toned > 0),
        ]
    )
    responses = _month_numbers(r.submitted for s in history.surveys for r in s.responses)
    execution = _month_numbers(
        [
            *(item.due for item in history.deliverables if item.due <= frame.as_of),
            *(item.done for item in history.deliverables if item.done is not None),
        ]
    )
    metrics = _month_numbers(day for series in history.metrics for day, _value in series.points)
    events: dict[Category, set[int]] = {
        Category.COMMUNICATION: set(),
        Category.RESOURCE: set(),
        Category.PRIORITY: priority,
        Category.EXECUTION: execution,
        Category.CULTURE: culture,
        Category.METRICS: metrics,
    }
    return events, responses, from_month


def _marks(first: int, count: int, months: set[int], hold: int) -> list[bool]:
    """For the `count` months from month number `first`: whether one of `months` falls in
    it or in the `hold` months before it (one walk, counting the months since the last)."""
    if hold < 0 or not months:
        return [False] * count
    if hold == 0:
        return [month in months for month in range(first, first + count)]
    since_last = hold + 1  # more than `hold`: none recent enough
    marks = []
    for month in range(first - hold, first + count):
        since_last = 0 if month in months else since_last + 1
        marks.append(since_last <= hold)
    return marks[hold:]


def coverage(frame: Frame, config: EngineConfig) -> Coverage:
    """Which categories had data in which period, fresh and held (one pass over the inputs)."""
    size = len(frame.periods)
    if not size:
        empty: dict[Category, tuple[bool, ...]] = {c: () for c in _CATEGORIES}
        return Coverage(empty, dict(empty))
    first = month_number(frame.periods[0])
    events, responses, from_month = _events(frame)
    fresh: dict[Category, tuple[bool, ...]] = {}
    held: dict[Category, tuple[bool, ...]] = {}
    hold = config.coverage_hold_periods
    for c in _CATEGORIES:
        since = from_month.get(c)
        # A continuous input covers every month from `since` on: only the months before
        # it need the sparse inputs.
        start = size if since is None else min(max(since - first, 0), size)
        fresh_marks = _marks(first, start, events[c], 0)
        held_marks = _marks(first, start, events[c], hold)
        if c is Category.METRICS and responses:
            fresh_marks = _or(fresh_marks, _marks(first, start, responses, 0))
            survey_marks = _marks(first, start, responses, config.survey_hold_months)
            held_marks = _or(held_marks, survey_marks)
        always = (True,) * (size - start)
        fresh[c], held[c] = (*fresh_marks, *always), (*held_marks, *always)
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
