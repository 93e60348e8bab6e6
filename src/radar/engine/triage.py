"""Triage: from raw detections to signals that count (rule of three, triangulation).

One pass over the periods keeps, per rule, the current streak of consecutive
periods in which it fired:

- a period in which the rule fires extends the streak (or starts a new one);
- a period with data for the rule's category in which it does not fire ends it
  (the signal resolves);
- a period *without data* for the category neither extends nor ends the streak:
  the signal stays active as it was. Missing data must never make a problem look
  solved, nor count as another month of evidence. (An instant event is different:
  it lasts its window, whatever data comes in.)

The rule of three counts *occurrences*, not months: each detection says how many
independent readings it adds (one for an ordinary month, the number of events for
per-event rules such as cancelled meetings, none for a reading already counted
such as a survey result held over the following months), at most
`max_occurrences_per_period` per month so that one bad month alone never makes a
pattern. A detection in a declared quiet period, or one that repeats a short dip
of the same rule in the same calendar month a year earlier (a season: the
holidays, August), keeps the signal in view but adds nothing.

A streak is confirmed once its occurrences reach `confirm_after_periods` (the
rule of three) or at once for an instant detection (a discrete, unambiguous
event such as a champion leaving); an instant signal then stays active and
confirmed for `instant_active_periods` periods counting the one it happened in.

Triangulation looks at the negative signals active in any of the last
`systemic_window_periods` periods. A category *counts* towards a cluster when
one of its signals there is confirmed or fired in at least two of those periods
with two occurrences counted (a one-month blip is not a pattern, and neither is
one reading held over two months). Counted categories numbering at least
`systemic_min_categories`, with confirmed signals in at least
`systemic_min_confirmed` different categories, = systemic. Two confirmed
readings of the same thing (leads falling and leads off target) are one story,
not a cluster. A signal an outside force may explain (`is_explained`: in the
results, while a downturn or a regulation is on record) is shown but counts towards
no cluster: revenue falling with the market is no evidence that the relationship
is failing, so it neither makes a cluster systemic nor corroborates another problem.

Context factors (downturns, mergers, leadership changes, regulation) mark a
*negative* signal `possibly_external` with a note when the factor is in force
during the signal's recent months: the last `context_window_periods` months of
its current streak (fewer if the streak is younger). A factor that ended before
those months no longer explains a problem that is still going on, and good news
is never explained away. The signal is kept either way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from radar.engine.assessment import Detection, Signal
from radar.engine.config import EngineConfig
from radar.engine.features import add_months, month_end
from radar.engine.records import ContextFactorRecord
from radar.engine.vocab import Category, ContextKind, Polarity

CONTEXT_LABELS = {
    "downturn": "an economic downturn",
    "leadership_change": "a leadership change",
    "merger_acquisition": "a merger or acquisition",
    "regulation": "a regulatory shift",
    "quiet_period": "a declared quiet period",
    "other": "an external event",
}
# Context factors that explain a quiet month rather than a problem: never "possibly external".
SEASONAL_KINDS = frozenset({ContextKind.QUIET_PERIOD})


# Standing risks rather than changes in the relationship: a single point of contact, a key
# contact who handed over to a successor in post. They call for a task, not a reset, and a
# pattern is made of changes (radar.engine.respond, radar.engine.score).
STRUCTURAL_RULES = frozenset({"resource.single_contact", "resource.key_contact_left"})


def is_structural(signal: Signal) -> bool:
    """A standing risk, not a change; an empty seat (a durable departure) is no task."""
    return signal.rule in STRUCTURAL_RULES and not signal.durable


# Categories that are about the relationship itself (the partner's people, attention and
# tone); metrics and execution can also move with the market or a regulation.
RELATIONSHIP = frozenset(
    {Category.COMMUNICATION, Category.RESOURCE, Category.PRIORITY, Category.CULTURE}
)


def is_explained(signal: Signal) -> bool:
    """In the results rather than the relationship, while a context factor on record
    (a downturn, a regulation) may explain it: no sign of the partnership failing."""
    return signal.possibly_external and signal.category not in RELATIONSHIP


@dataclass(frozen=True, slots=True)
class PeriodSignals:
    """The signals active at the end of one period, and whether they are systemic."""

    period: date
    signals: tuple[Signal, ...]  # ordered: confirmed first, then by category and rule
    systemic: bool
    systemic_categories: tuple[Category, ...]  # empty unless systemic
    # Categories with a negative signal active in the window, systemic or not.
    cluster: tuple[Category, ...] = ()
    # A confirmed negative signal, and negatives that count (confirmed, or seen in two
    # months of the window) in at least two categories: one problem corroborated by another.
    corroborated: bool = False

    @property
    def negatives(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if s.polarity is Polarity.NEGATIVE)

    @property
    def positives(self) -> tuple[Signal, ...]:
        return tuple(s for s in self.signals if s.polarity is Polarity.POSITIVE)

    def by_rule(self) -> dict[str, Signal]:
        return {s.rule: s for s in self.signals}

    @property
    def problem_categories(self) -> frozenset[Category]:
        """Categories with a confirmed negative signal that is a change, not a standing risk."""
        return frozenset(
            s.category
            for s in self.signals
            if s.confirmed and s.polarity is Polarity.NEGATIVE and not is_structural(s)
        )


@dataclass(slots=True)
class _Streak:
    detection: Detection
    first_seen: date
    last_seen: date
    consecutive: int
    instant_until: int  # last period index an instant detection keeps it active (-1: none)
    confirmed_since: date | None
    occurrences: int = 0  # readings counted towards the rule of three
    seasonal: bool = False  # the latest detection counted nothing (quiet period, season)
    signal: Signal | None = None  # cached until the streak changes


def _factor_note(factor: ContextFactorRecord) -> str:
    what = CONTEXT_LABELS.get(str(factor.kind), "an external event")
    scope = " (portfolio-wide)" if factor.portfolio_wide else ""
    until = factor.end.isoformat() if factor.end else "ongoing"
    note = f"During {what}{scope}, {factor.start.isoformat()} to {until}"
    if factor.note:
        note += f": {factor.note}"
    return note + " — may be external."


def _overlapping(
    first: date, end: date, factors: Sequence[tuple[ContextFactorRecord, str]]
) -> tuple[str, ...]:
    """The notes of the factors in force at some time between first and end (inclusive)."""
    return tuple(
        note
        for factor, note in factors
        if not (factor.start > end or (factor.end is not None and factor.end < first))
    )


def context_notes(
    first: date, last: date, context: Sequence[ContextFactorRecord]
) -> tuple[str, ...]:
    """Notes for the context factors overlapping the months first..last (quiet periods
    explain no problem and give none)."""
    factors = [(f, _factor_note(f)) for f in context if f.kind not in SEASONAL_KINDS]
    return _overlapping(first, month_end(last), factors)


class _Notes:
    """The context notes of one triage: each factor's sentence is written once, and the
    months around each last month are worked out once."""

    def __init__(self, context: Sequence[ContextFactorRecord], config: EngineConfig) -> None:
        self._factors = [
            (factor, _factor_note(factor))
            for factor in context
            if factor.kind not in SEASONAL_KINDS
        ]
        self._back = max(config.context_window_periods, 1) - 1
        # last seen -> (the first of its recent months, the end of its month)
        self._months: dict[date, tuple[date, date]] = {}

    def external(self, streak: _Streak) -> tuple[str, ...]:
        """Context notes for a negative signal, judged on its streak's recent months only."""
        if streak.detection.polarity is not Polarity.NEGATIVE or not self._factors:
            return ()
        last = streak.last_seen
        months = self._months.get(last)
        if months is None:
            months = self._months[last] = (add_months(last, -self._back), month_end(last))
        recent, end = months
        return _overlapping(max(streak.first_seen, recent), end, self._factors)


def _group(detections: Iterable[Detection]) -> dict[date, dict[str, Detection]]:
    grouped: dict[date, dict[str, Detection]] = {}
    for d in detections:
        same = grouped.setdefault(d.period, {})
        kept = same.get(d.rule)
        if kept is None or d.severity > kept.severity:
            same[d.rule] = d
    return grouped


class _Seasons:
    """Which detections count nothing: in a declared quiet period, or a repeat of last
    year's short dip of the same rule in the same calendar month."""

    def __init__(
        self,
        grouped: Mapping[date, Mapping[str, Detection]],
        periods: Sequence[date],
        context: Sequence[ContextFactorRecord],
        config: EngineConfig,
    ) -> None:
        index = {period: i for i, period in enumerate(periods)}
        self._fired: dict[str, set[int]] = {}
        for period, found in grouped.items():
            i = index.get(period)
            if i is None:
                continue
            for rule, d in found.items():
                if not d.instant:
                    self._fired.setdefault(rule, set()).add(i)
        quiet = [f for f in context if f.kind in SEASONAL_KINDS]
        self._quiet = {  # the months a quiet period touches
            i
            for i, period in enumerate(periods)
            if any(
                f.start <= month_end(period) and (f.end is None or f.end >= period) for f in quiet
            )
        }
        self._longest = max(config.season_max_periods, 1)

    def seasonal(self, rule: str, i: int, covered: Sequence[bool] = ()) -> bool:
        """In a quiet period, or a repeat of last year's short dip in this calendar month.
        A dip two years ago counts only when last year's month says nothing (no data for
        the rule's category): a month last year that had data and no dip breaks the
        season, so a real decline is not waved through by a one-off two years before."""
        if i in self._quiet:
            return True
        fired = self._fired.get(rule)
        if not fired:
            return False
        if self._short_dip(fired, i - 12):
            return True
        last_year = i - 12
        known = 0 <= last_year < len(covered) and covered[last_year]
        return not known and self._short_dip(fired, i - 24)

    def _short_dip(self, fired: set[int], i: int) -> bool:
        """The rule fired at i in a run of at most `season_max_periods` months."""
        if i not in fired:
            return False
        start = end = i
        while start - 1 in fired:
            start -= 1
        while end + 1 in fired:
            end += 1
        return end - start + 1 <= self._longest


def _advance(
    streaks: dict[str, _Streak],
    fired: Mapping[str, Detection],
    i: int,
    period: date,
    covered: Mapping[Category, tuple[bool, ...]],
    seasons: _Seasons,
    config: EngineConfig,
) -> bool:
    """Move every streak to period i; True when the set of active signals changed."""
    most = max(config.max_occurrences_per_period, 1)
    for rule, d in fired.items():
        streak = streaks.get(rule)
        if streak is None:
            streak = _Streak(d, period, period, 0, -1, None)
            streaks[rule] = streak
        streak.detection = d
        streak.signal = None
        streak.last_seen = period
        streak.consecutive += 1
        if d.instant:
            lasts = d.active_periods or config.instant_active_periods
            streak.instant_until = max(streak.instant_until, i + lasts - 1)
            streak.seasonal = False
        else:
            streak.seasonal = seasons.seasonal(rule, i, covered.get(d.category, ()))
        if not streak.seasonal:
            streak.occurrences += min(max(d.occurrences, 0), most)
        confirmed = d.instant or streak.occurrences >= config.confirm_after_periods
        if confirmed and streak.confirmed_since is None:
            streak.confirmed_since = period
    if len(streaks) == len(fired):
        return bool(fired)  # every active streak fired this period (or there is none)
    ended = []
    for rule, streak in streaks.items():
        if rule in fired:
            continue
        if streak.detection.instant:
            if i <= streak.instant_until:
                continue  # held: the event's window (a durable fact: until it is resolved)
        else:
            flags = covered.get(streak.detection.category, ())
            if not (i < len(flags) and flags[i]):
                continue  # held: a month we know nothing about
        ended.append(rule)
    for rule in ended:
        del streaks[rule]  # resolved; firing again starts a new streak
    return bool(fired) or bool(ended)


def _signal(streak: _Streak, notes: _Notes) -> Signal:
    d = streak.detection
    context = notes.external(streak)
    return Signal(
        rule=d.rule,
        category=d.category,
        polarity=d.polarity,
        title=d.title,
        detail=d.detail,
        evidence=d.evidence,
        severity=d.severity,
        first_seen=streak.first_seen,
        last_seen=streak.last_seen,
        consecutive=streak.consecutive,
        confirmed=streak.confirmed_since is not None,
        possibly_external=bool(context),
        context=context,
        confirmed_since=streak.confirmed_since,
        occurrences=streak.occurrences,
        seasonal=streak.seasonal,
        durable=d.durable,
    )


_CATEGORY_ORDER = {category: i for i, category in enumerate(Category)}


def _order(signal: Signal) -> tuple[bool, int, str]:
    return (not signal.confirmed, _CATEGORY_ORDER[signal.category], signal.rule)


def _cached(streak: _Streak, notes: _Notes) -> Signal:
    if streak.signal is None:
        streak.signal = _signal(streak, notes)
    return streak.signal


def _systemic(
    window: Sequence[tuple[date, tuple[Signal, ...]]], config: EngineConfig
) -> tuple[bool, tuple[Category, ...], tuple[Category, ...]]:
    """(systemic, the categories that count towards the cluster, every negative category)."""
    start = window[0][0]
    categories: set[Category] = set()
    confirmed: set[Category] = set()
    fired: dict[str, set[date]] = {}  # rule -> the window's periods in which it fired
    counts: dict[str, int] = {}  # rule -> the most occurrences its streak reached
    rule_category: dict[str, Category] = {}
    for _, signals in window:
        for s in signals:
            if s.polarity is not Polarity.NEGATIVE:
                continue
            categories.add(s.category)
            if is_explained(s):
                # In the results while an outside force on record (a downturn, a
                # regulation) may explain it: no evidence of the relationship failing,
                # so it neither confirms nor repeats towards a cluster.
                continue
            rule_category[s.rule] = s.category
            if s.confirmed:
                confirmed.add(s.category)
            if s.last_seen >= start and not s.seasonal:  # a seasonal repeat counts nothing
                fired.setdefault(s.rule, set()).add(s.last_seen)
                counts[s.rule] = max(counts.get(s.rule, 0), s.occurrences)
    # Seen in two months, and counted twice: a reading held over (a survey's result, an
    # unanswered survey) or a seasonal repeat is still one reading.
    months: dict[Category, set[date]] = {}
    readings: dict[Category, int] = {}
    for rule, seen in fired.items():
        category = rule_category[rule]
        months.setdefault(category, set()).update(seen)
        readings[category] = readings.get(category, 0) + counts.get(rule, 0)
    repeated = {c for c, seen in months.items() if len(seen) >= 2 and readings[c] >= 2}
    counted = confirmed | repeated
    systemic = (
        len(counted) >= config.systemic_min_categories
        and len(confirmed) >= config.systemic_min_confirmed
    )
    return systemic, _in_order(frozenset(counted)), _in_order(frozenset(categories))


def _corroborated(
    window: Sequence[tuple[date, tuple[Signal, ...]]], counted: Sequence[Category]
) -> bool:
    """A confirmed problem no outside force explains, and either negatives that count in
    at least two categories, or a second confirmed problem read by another rule of its
    category: one problem corroborated by another."""
    problems = {
        (s.category, s.rule)
        for _, signals in window
        for s in signals
        if s.confirmed and s.polarity is Polarity.NEGATIVE and not is_explained(s)
    }
    if not problems:
        return False
    if len(counted) >= 2:
        return True
    return _two_changes_in_one_category(problems)


def _two_changes_in_one_category(problems: set[tuple[Category, str]]) -> bool:
    """Two confirmed changes read by different rules of one category (fewer meetings and
    slower replies): two series, each past the rule of three, tell the same way. A
    standing risk (a single point of contact) is no change, so it corroborates nothing."""
    rules: dict[Category, set[str]] = {}
    for category, rule in problems:
        if rule not in STRUCTURAL_RULES:
            rules.setdefault(category, set()).add(rule)
    return any(len(found) >= 2 for found in rules.values())


@cache  # at most 2**6 different sets of categories
def _in_order(categories: frozenset[Category]) -> tuple[Category, ...]:
    return tuple(sorted(categories, key=_CATEGORY_ORDER.__getitem__))


_NONE: frozenset[Category] = frozenset()


def _negative_categories(
    signals: Sequence[Signal],
) -> tuple[frozenset[Category], frozenset[Category]]:
    """The categories with a negative signal, and those with a confirmed one."""
    if not signals:
        return _NONE, _NONE
    negatives = [s for s in signals if s.polarity is Polarity.NEGATIVE]
    return (
        frozenset(s.category for s in negatives),
        frozenset(s.category for s in negatives if s.confirmed),
    )


def _window_systemic(
    window: Sequence[tuple[date, tuple[Signal, ...]]],
    negatives: Sequence[tuple[frozenset[Category], frozenset[Category]]],
    config: EngineConfig,
) -> tuple[bool, tuple[Category, ...], tuple[Category, ...], bool]:
    """`_systemic` and whether a confirmed problem is corroborated, looking at the
    window's signals one by one only when it can be either.

    `negatives` holds `_negative_categories` of each period of the window. The categories
    that count are a subset of those with a negative signal, so too few of those and no
    confirmed one settle it without the per-signal scan (most windows).
    """
    categories = confirmed = _NONE
    for found, sure in negatives:
        if found:  # most periods have no negative signal
            categories, confirmed = categories | found, confirmed | sure
    can_be_systemic = (
        len(categories) >= config.systemic_min_categories
        and len(confirmed) >= config.systemic_min_confirmed
    )
    if not can_be_systemic and not confirmed:
        return False, (), _in_order(categories), False
    systemic, counted, cluster = _systemic(window, config)
    return systemic, counted, cluster, _corroborated(window, counted)


def triage(
    detections: Iterable[Detection],
    periods: Sequence[date],
    covered: Mapping[Category, tuple[bool, ...]],
    context: Sequence[ContextFactorRecord],
    config: EngineConfig,
) -> tuple[PeriodSignals, ...]:
    """The active signals of every period, in one pass over the periods."""
    grouped = _group(detections)
    notes = _Notes(context, config)
    seasons = _Seasons(grouped, periods, context, config)
    streaks: dict[str, _Streak] = {}  # the active ones
    result: list[PeriodSignals] = []
    # The window: the last `systemic_window_periods` periods (at least this one).
    size = max(config.systemic_window_periods, 1)
    recent: deque[tuple[date, tuple[Signal, ...]]] = deque(maxlen=size)
    recent_negatives: deque[tuple[frozenset[Category], frozenset[Category]]] = deque(maxlen=size)
    active: tuple[Signal, ...] = ()
    negatives = _negative_categories(active)
    for i, period in enumerate(periods):
        if _advance(streaks, grouped.get(period, {}), i, period, covered, seasons, config):
            signals = [_cached(s, notes) for s in streaks.values()]
            if len(signals) > 1:
                signals.sort(key=_order)
            active = tuple(signals)
            negatives = _negative_categories(active)
        # A signal's last_seen tells in which of the window's periods it fired.
        recent.append((period, active))
        recent_negatives.append(negatives)
        systemic, counted, cluster, corroborated = _window_systemic(
            recent, recent_negatives, config
        )
        result.append(
            PeriodSignals(
                period, active, systemic, counted if systemic else (), cluster, corroborated
            )
        )
    return tuple(result)
