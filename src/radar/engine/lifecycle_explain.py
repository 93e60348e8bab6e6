"""The sentences of a phase diagnosis, one per reason code (radar.engine.lifecycle)."""

from __future__ import annotations

from collections.abc import Callable

from radar.engine.config import EngineConfig
from radar.engine.lifecycle_facts import PhaseFacts, PhaseReason
from radar.engine.vocab import Category, Phase
from radar.engine.words import join_names, join_words


def age_words(months: int) -> str:
    years, rest = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if rest or not parts:
        parts.append(f"{rest} month{'s' * (rest != 1)}")
    return " and ".join(parts)


def _trend(what: str, verb: str, change: float | None, way: str | None) -> str:
    if change is None or way is None:
        return f"Not enough history to read a trend in {what.lower()}."
    return f"{what} {verb} {way} over the last year ({change:+.0%} a year)."


def _not_turned_round(f: PhaseFacts, config: EngineConfig) -> str:
    stalled = f.stalled
    if stalled is None:
        return ""
    head = f"{stalled.event.said}, but it has not turned things round yet"
    if stalled.before is None or stalled.now is None:
        return f"{head}: the confirmed problems persist."
    (count_then, score_then), (count_now, score_now) = stalled.before, stalled.now
    return (
        f"{head}: {count_then} confirmed problem(s) and a score of {_shown(score_then)} "
        f"before it, {count_now} and {_shown(score_now)} now."
    )


def _shown(score: float | None) -> str:
    return "none yet" if score is None else f"{score:.1f}"


def _names(f: PhaseFacts) -> str:
    names = join_names([c for c in Category if c in f.confirmed]) or "several categories"
    return f"{names}, corroborated by other signals," if f.corroborated else names


def _confirmed_while_falling(f: PhaseFacts, config: EngineConfig) -> str:
    clauses = []
    if f.falling_parts:
        parts = list(f.falling_parts)
        verb = "falls" if parts in (["engagement"], ["the score"]) else "fall"
        clauses.append(f"{join_words(parts)} {verb}")
    for name, gap in f.degraded_parts:
        if name in f.falling_parts:
            continue  # "engagement falls" says it already
        verb = "is" if name == "engagement" else "are"
        clauses.append(f"{name} {verb} {-gap:.0%} below {_healthy(name)} healthy level")
    return f"Confirmed problems in {_names(f)} while {join_words(clauses)}."


def _healthy(name: str) -> str:
    return "its" if name == "engagement" else "their"


def _backs_growth(f: PhaseFacts, config: EngineConfig) -> str:
    return f"{f.backed_growth.said} to back its growth." if f.backed_growth else ""


def _renewing(f: PhaseFacts, config: EngineConfig) -> str:
    said = f.event.said if f.event else "A renewal event"
    return said + ". The alliance is being renewed; watch that it keeps responding."


R = PhaseReason
_SENTENCES: dict[PhaseReason, Callable[[PhaseFacts, EngineConfig], str]] = {
    R.AGE: lambda f, c: f"The alliance is {age_words(f.age)} old.",
    R.ENGAGEMENT_TREND: lambda f, c: _trend(
        "Engagement (meetings, calls, partner e-mails)", "is", f.engagement, f.engagement_way
    ),
    R.METRICS_TREND: lambda f, c: _trend("Metrics", "are", f.metrics, f.metrics_way),
    R.NO_METRICS: lambda f, c: "No metrics are tracked.",
    R.BACKS_GROWTH: _backs_growth,
    R.RENEWING: _renewing,
    R.NOT_TURNED_ROUND: _not_turned_round,
    R.CONFIRMED_WHILE_FALLING: _confirmed_while_falling,
    R.CONFIRMED_PERSIST: lambda f, c: f"Confirmed problems in {_names(f)} persist.",
    R.DEGRADED_PROBLEM: lambda f, c: (
        f"A confirmed problem in {_names(f)} while engagement has stayed well below its "
        "healthy level for months: a degraded, stalled alliance declines too."
    ),
    R.EARLY_PATTERN: lambda f, c: (
        f"Confirmed problems in {_names(f)} make a pattern before any number falls: "
        "revenue is a lagging indicator, and a decline shows first in the relationship."
    ),
    R.SUSTAINED_LOW: lambda f, c: f"The score has stayed at or below {c.exit_score_max:.1f}.",
    R.YOUNG: lambda f, c: f"Younger than {c.formation_months} months: still forming.",
    R.RISING: lambda f, c: "Engagement or results are still rising: the alliance is growing.",
    R.HEALTHY_PLATEAU: lambda f, c: (
        "Engagement and results are flat, communication is stable and deliverables "
        "arrive as planned: a healthy plateau, not a decline."
    ),
    R.EASING: lambda f, c: (
        "Engagement or results are easing, or below their healthy level, without a "
        "confirmed pattern yet: watch it."
    ),
    R.ROUTINE: lambda f, c: "Settled into routine, with some open signals to watch.",
}


def explain_phase(
    phase: Phase, codes: tuple[PhaseReason, ...], facts: PhaseFacts, config: EngineConfig
) -> tuple[str, ...]:
    """One plain sentence per reason code, in the order of the codes."""
    sentences = []
    for code in codes:
        if code is R.DECLARED_DIFFERS:
            sentences.append(f"Declared phase is {facts.declared}, but the data points to {phase}.")
        else:
            sentences.append(_SENTENCES[code](facts, config))
    return tuple(s for s in sentences if s)
