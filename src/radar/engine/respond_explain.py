"""The headline and sentences of a recommendation (radar.engine.respond)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from radar.engine.assessment import Signal
from radar.engine.config import EngineConfig
from radar.engine.respond_facts import ActionFacts, ActionReason
from radar.engine.vocab import Category
from radar.engine.words import join_names, join_words


def headline(rule: str, f: ActionFacts) -> str:
    """One line to act on, per decision-table rule."""
    if rule == "exit_before_deadline" and f.deadline is not None:
        name, day = f.deadline
        return f"Decide before the {name} on {day}: prepare a graceful exit."
    if rule == "monitor_task":
        return f"Monitor, and {_tasks(f)[0]}."
    if rule == "watch_sightings":
        return (
            f"Watch: early warning — sightings in {len(f.sighted)} categories at once; "
            "look closer before they confirm."
        )
    return _HEADLINES[rule]


_RESET = "Reset: have a candid conversation and realign expectations."
_HEADLINES = {
    "exit_after_failed_reset": (
        "Prepare a graceful exit: the decline is sustained and a reset did not help."
    ),
    "monitor_external": (
        "Monitor: an outside force explains the falling results; the relationship is fine."
    ),
    "reset_systemic": _RESET,
    "reset_pattern": _RESET,
    "reset_our_delivery": "Reset, starting with our own delivery: we are missing commitments.",
    "reset_fact": "Reset: something has changed the alliance; realign with the partner now.",
    "reset_lasting_loss": (
        "Reset: the results have stayed far below their healthy level; have the candid "
        "conversation about why."
    ),
    "watch_uncorroborated": (
        "Watch: one problem is confirmed but nothing corroborates it yet; ask the partner "
        "before it spreads."
    ),
    "monitor_outside_force": (
        "Monitor: the alliance is healthy, but an outside force is on record; hold new "
        "investment until it has passed."
    ),
    "reinvest": "Reinvest: the alliance is healthy; explore new joint opportunities.",
    "monitor": "Monitor: nothing is confirmed; keep the regular check-ins.",
}


def _tasks(f: ActionFacts) -> list[str]:
    """What to build for each standing risk, in plain words."""
    found = []
    for s in f.structural:
        if s.rule == "resource.single_contact":
            found.append("build more connections: the relationship hangs on one person")
        else:
            found.append(f"get to know who took over: {s.title.lower()}")
    return found


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
    R.HEALTHY: lambda f, c: [
        f"Score {_score(f)} with nothing confirmed against it"
        + (" but a standing risk." if f.structural else ".")
    ],
    R.POSITIVE_SIGNALS: lambda f, c: [f"Positive signal: “{s.title}”." for s in f.positives],
    R.GROWING: lambda f, c: ["Engagement or results are rising."],
    R.OPEN_SIGNALS: _open,
    R.QUIET: lambda f, c: [
        f"Score {_score(f)}; no active negative signal."
        if f.score is not None
        else "Not enough data yet for a score; no active negative signal."
    ],
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
    R.CORROBORATED: lambda f, c: [
        f"Confirmed problems in {join_names(_ordered(f.problem_categories))}: a pattern."
        if len(f.problem_categories) > 1
        else f"Confirmed: {join_words(_quoted(f.problems))}, two signs of the same trouble: "
        "a pattern."
        if len({s.rule for s in f.problems}) > 1
        else "A confirmed problem, and repeated sightings in another category: a pattern."
    ],
    R.DURABLE_FACT: lambda f, c: [f"Unresolved: {s.detail}" for s in f.durable],
    R.EXTERNAL_EXPLAINS: lambda f, c: [
        f"Confirmed: {join_words(_quoted(f.problems))} — in the results, not the relationship, "
        "and an outside force on record may explain it: monitor with that caveat."
    ],
    R.STRUCTURAL_TASK: lambda f, c: [f"Task: {task}." for task in _tasks(f)],
    R.UNCORROBORATED: lambda f, c: [
        f"Confirmed: {join_words(_quoted(f.problems))}; nothing in another category "
        "corroborates it yet."
    ],
    R.OUTSIDE_FORCE: lambda f, c: [
        f"Score {_score(f)} with nothing confirmed against it, but "
        f"{_lower_first(note.removesuffix(' — may be external.'))}: results move with it, "
        "so this is no time to judge the alliance's growth or to invest more."
        for note in f.outside
    ],
    R.LASTING_LOSS: lambda f, c: [
        f"Confirmed: {join_words(_quoted(_results(f)))}; the results have stayed "
        f"{-(f.results_loss or 0.0):.0%} below their healthy level for months. Revenue is a "
        "lagging indicator: by now the cause is entrenched, whether or not the relationship "
        "still shows it."
    ],
    R.SIGHTINGS: lambda f, c: [
        f"Unconfirmed sightings this month in {join_names(_ordered(f.sighted))}: together "
        "they may be the start of a pattern."
    ],
}


def _results(f: ActionFacts) -> list[Signal]:
    return [s for s in f.problems if s.category is Category.METRICS]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _score(f: ActionFacts) -> str:
    return "not known yet" if f.score is None else f"{f.score:.1f}"


def _ordered(categories: frozenset[Category]) -> list[Category]:
    return [c for c in Category if c in categories]


def explain_action(
    codes: tuple[ActionReason, ...], facts: ActionFacts, config: EngineConfig
) -> tuple[str, ...]:
    """The plain sentences of the reason codes, in their order."""
    return tuple(sentence for code in codes for sentence in _SENTENCES[code](facts, config))
