"""The headline and sentences of a recommendation (radar.engine.respond)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from radar.engine.assessment import Signal
from radar.engine.config import EngineConfig
from radar.engine.respond_facts import ActionFacts, ActionReason
from radar.engine.words import join_names, join_words


def headline(rule: str, f: ActionFacts) -> str:
    """One line to act on, per decision-table rule."""
    if rule == "exit_before_deadline" and f.deadline is not None:
        name, day = f.deadline
        return f"Decide before the {name} on {day}: prepare a graceful exit."
    return _HEADLINES[rule]


_HEADLINES = {
    "exit_after_failed_reset": (
        "Prepare a graceful exit: the decline is sustained and a reset did not help."
    ),
    "reset": "Reset: have a candid conversation and realign expectations.",
    "reinvest": "Reinvest: the alliance is healthy; explore new joint opportunities.",
    "monitor": "Monitor: nothing is confirmed; keep the regular check-ins.",
}


def _quoted(signals: Sequence[Signal]) -> list[str]:
    return [f"“{s.title}”" for s in signals]


def _context(f: ActionFacts, config: EngineConfig) -> list[str]:
    """One sentence per context factor, naming the negative signals it may explain."""
    titles: dict[str, list[str]] = {}
    for s in f.negatives:
        for note in s.context:
            titles.setdefault(note, []).append(f"“{s.title}”")
    suffix = " — may be external."
    return [
        f"{note.removesuffix(suffix)} — so {join_words(names)} may be external."
        for note, names in titles.items()
    ]


def _deadline(f: ActionFacts, config: EngineConfig) -> list[str]:
    if f.deadline is None:
        return []
    name, day = f.deadline
    return [f"The alliance is declining and its {name} is on {day}."]


def _unanswered(f: ActionFacts, config: EngineConfig) -> list[str]:
    if f.unanswered is None:
        return []
    return [f"The reset decided on {f.unanswered.decided} has not lifted the score."]


def _open(f: ActionFacts, config: EngineConfig) -> list[str]:
    return [
        f"{len(f.open)} unconfirmed signal(s) to watch; the rule of three "
        "holds escalation until they repeat."
    ]


def _our_slips(f: ActionFacts, config: EngineConfig) -> list[str]:
    names = join_words(_quoted(f.our_slips))
    return [
        f"Our own side slipped recently ({names}, not yet confirmed): check our "
        "delivery before it becomes a pattern."
    ]


R = ActionReason
_SENTENCES: dict[ActionReason, Callable[[ActionFacts, EngineConfig], list[str]]] = {
    R.SUSTAINED_SYSTEMIC: lambda f, c: [
        f"The score has stayed at or below {c.exit_score_max:.1f} for "
        f"{c.exit_sustained_periods} periods and the decline is systemic."
    ],
    R.RESET_UNANSWERED: _unanswered,
    R.DECLINING_DEADLINE: _deadline,
    R.HEALTHY: lambda f, c: [f"Score {f.score:.1f} with nothing confirmed against it."],
    R.POSITIVE_SIGNALS: lambda f, c: [f"Positive signal: “{s.title}”." for s in f.positives],
    R.GROWING: lambda f, c: ["Engagement or results are rising."],
    R.OPEN_SIGNALS: _open,
    R.QUIET: lambda f, c: [f"Score {f.score:.1f}; no active negative signal."],
    R.CONFIRMED_PATTERN: lambda f, c: [f"Confirmed pattern: {join_words(_quoted(f.confirmed))}."],
    R.SYSTEMIC_CLUSTER: lambda f, c: [
        f"Signals cluster across {join_names(f.systemic_categories)}: the issue is systemic."
    ],
    R.OUR_DELIVERY: lambda f, c: [
        "Our own side is missing commitments: start by fixing our delivery."
    ],
    R.RESET_UNDER_WAY: lambda f, c: [
        f"A reset is already under way (decided {f.recent_reset}): follow it through."
    ],
    R.OUR_SLIPS: _our_slips,
    R.CONTEXT: _context,
}


def explain_action(
    codes: tuple[ActionReason, ...], facts: ActionFacts, config: EngineConfig
) -> tuple[str, ...]:
    """The plain sentences of the reason codes, in their order."""
    return tuple(sentence for code in codes for sentence in _SENTENCES[code](facts, config))
