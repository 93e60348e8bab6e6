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

from collections.abc import Mapping
from datetime import date

from radar.engine.config import EngineConfig
from radar.engine.features import Frame, add_months, label, month_start
from radar.engine.vocab import Category, Side

Coverage = Mapping[Category, tuple[bool, ...]]


def _month_index(first: date, day: date) -> int:
    return (day.year - first.year) * 12 + day.month - first.month


class _Marks:
    def __init__(self, periods: tuple[date, ...]) -> None:
        self.size = len(periods)
        self.first = periods[0] if periods else date.min
        self.flags: dict[Category, list[bool]] = {c: [False] * self.size for c in Category}

    def mark(self, category: Category, start: date, end: date | None = None, hold: int = 0) -> None:
        """Mark the months from `start` to `end` (default: start) plus `hold` months after."""
        if not self.size:
            return
        lo = _month_index(self.first, start)
        hi = _month_index(self.first, end or start) + hold
        lo, hi = max(lo, 0), min(hi, self.size - 1) + 1
        if lo < hi:
            row = self.flags[category]
            row[lo:hi] = [True] * (hi - lo)


def category_coverage(
    frame: Frame, config: EngineConfig, hold: int | None = None
) -> dict[Category, tuple[bool, ...]]:
    """For each category, one flag per period: did it have data (held `hold` months)?"""
    history, periods = frame.history, frame.periods
    marks = _Marks(periods)
    if not periods:
        return {c: () for c in Category}
    last = periods[-1]
    hold = config.coverage_hold_periods if hold is None else hold
    survey_hold = config.survey_hold_months if hold else 0
    if history.periods:
        marks.mark(Category.COMMUNICATION, history.periods[0].period, last)
    for contact in history.contacts:
        marks.mark(Category.RESOURCE, contact.started or periods[0], last)
    for obs in history.observations:
        marks.mark(Category.PRIORITY, obs.observed, hold=hold)
        if obs.category is Category.CULTURE:
            marks.mark(Category.CULTURE, obs.observed, hold=hold)
    for checkin in history.checkins:
        marks.mark(Category.PRIORITY, checkin.held, hold=hold)
    for survey in history.surveys:
        marks.mark(Category.PRIORITY, survey.sent, hold=hold)
        for response in survey.responses:
            marks.mark(Category.METRICS, response.submitted, hold=survey_hold)
    for item in history.deliverables:
        if item.due <= frame.as_of:
            marks.mark(Category.EXECUTION, item.due, hold=hold)
        if item.done is not None:
            marks.mark(Category.EXECUTION, item.done, hold=hold)
    for stats in history.periods:
        for held in stats.rituals.values():
            marks.mark(Category.PRIORITY, held, hold=hold)
        if stats.toned > 0:
            marks.mark(Category.CULTURE, stats.period, hold=hold)
    for series in history.metrics:
        for day, _value in series.points:
            marks.mark(Category.METRICS, day, hold=hold)
    return {c: tuple(flags) for c, flags in marks.flags.items()}


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
