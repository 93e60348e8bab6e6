"""Why the score moved: plain sentences comparing the last two periods.

They name the categories whose contribution changed and the signals behind it:
new sightings, newly confirmed or cleared signals, worse or easing ones, new
positives, categories that lost or regained their data, and a systemic cluster
forming or breaking up.
"""

from __future__ import annotations

from radar.engine.assessment import CategoryScore, Signal
from radar.engine.score import PeriodScore, round_score
from radar.engine.triage import PeriodSignals
from radar.engine.vocab import Category, Polarity
from radar.engine.words import join_names

_CATEGORIES = tuple(Category)


def _changes(category: Category, before: dict[str, Signal], after: dict[str, Signal]) -> list[str]:
    """What happened to the signals of one category between two periods."""
    found: list[str] = []
    for rule, s in after.items():
        if s.category is not category:
            continue
        old = before.get(rule)
        if s.polarity is Polarity.NEGATIVE:
            if old is None:
                suffix = " (confirmed at once)" if s.confirmed else " (first sighting)"
                found.append(f"new signal “{s.title}”{suffix}")
            elif s.confirmed and not old.confirmed:
                found.append(f"“{s.title}” is now confirmed, {s.consecutive} periods in a row")
            elif s.severity >= old.severity + 0.1:
                found.append(f"“{s.title}” got worse")
            elif s.severity <= old.severity - 0.1:
                found.append(f"“{s.title}” eased")
        elif s.polarity is Polarity.POSITIVE and old is None:
            found.append(f"new positive signal “{s.title}”")
    for rule, old in before.items():
        if old.category is category and rule not in after:
            kind = "positive signal" if old.polarity is Polarity.POSITIVE else "signal"
            found.append(f"{kind} “{old.title}” has cleared")
    return found


def _category_sentence(
    category: Category, old: CategoryScore, new: CategoryScore, reasons: list[str]
) -> str | None:
    if new.imputed and not old.imputed:
        reasons.append(f"no data this period, counted as {new.counted_as:.1f}")
    elif old.imputed and not new.imputed:
        reasons.append("data is available again")
    was, now = old.counted_as or 0.0, new.counted_as or 0.0
    if not reasons and abs(now - was) < 0.1:
        return None
    verb = "fell" if now < was - 0.05 else "rose" if now > was + 0.05 else "held"
    move = f"held at {now:.1f}" if verb == "held" else f"{verb} from {was:.1f} to {now:.1f}"
    tail = ": " + "; ".join(reasons) if reasons else ""
    return f"{str(category).capitalize()} {move}{tail}."


def _first(score: float | None, month: str) -> str:
    if score is None:
        return f"First period assessed ({month}): not enough data yet for a score."
    return f"First period assessed ({month}): the score starts at {score:.1f}."


def _moved(old: float | None, new: float | None, month: str) -> str:
    """The headline sentence: how the score moved (or appeared, or went) this month."""
    if new is None:
        return f"Not enough data yet for a score in {month}."
    if old is None:
        return f"The first score, {new:.1f}, in {month}: enough data to score the alliance."
    change = round_score(new - old)
    if abs(change) < 0.05:
        return f"The score held at {new:.1f} in {month}."
    verb = "rose" if change > 0 else "fell"
    return f"The score {verb} from {old:.1f} to {new:.1f} in {month}."


def why_moved(
    previous: tuple[PeriodSignals, PeriodScore] | None,
    current: tuple[PeriodSignals, PeriodScore],
) -> tuple[str, ...]:
    """Plain sentences naming the categories and signals behind the latest move."""
    signals, score = current
    month = score.period.strftime("%B %Y")
    if previous is None:
        first = [_first(score.score, month)]
        first += [f"“{s.title}” is confirmed." for s in signals.signals if s.confirmed]
        return tuple(first)
    old_signals, old_score = previous
    sentences = [_moved(old_score.score, score.score, month)]
    before, after = old_signals.by_rule(), signals.by_rule()
    for category in _CATEGORIES:
        sentence = _category_sentence(
            category,
            old_score.category(category),
            score.category(category),
            _changes(category, before, after),
        )
        if sentence:
            sentences.append(sentence)
    if signals.systemic and not old_signals.systemic:
        sentences.append(
            f"Negative signals now cluster in {join_names(signals.systemic_categories)}: "
            "a systemic pattern, not a one-off."
        )
    elif old_signals.systemic and not signals.systemic:
        sentences.append("The cross-category cluster has broken up.")
    return tuple(sentences)
