"""python -m bench.accuracy.undiagnosed: why a declining alliance was not diagnosed "decline",
and why an alliance ended outside its expected recommendation (dev only).

The benchmark counts a declining alliance as diagnosed when, at some month end
from the erosion's onset to the revenue fall, the assessment was systemic or
its phase "decline". For each that was not, this prints what the phase rules
read at each of those month ends:

    2024-06-30 maturity  easing      conf=communication      cluster=- worse=engagement-31%

the phase and its rule's reason code, the categories with a confirmed negative
signal, whether they made a cluster (`many` categories, `systemic`,
`corroborated`, or `-`), and what falls or stays below its healthy level
(`worse`: falling parts, and degraded parts with their gap from the reference).
The last line groups the misses by what blocked the decline rule in most of
those month ends: *no cluster* (nothing confirmed made a pattern), *not worse*
(a cluster, but nothing falling or below its healthy level), or *other*.

`--final` lists instead every dev alliance whose last recommendation is outside
its class's expected set, with the action, rule, phase, score and signals at
the last month end and the month before.

Hold-out seeds are refused: whoever works on the engine looks at dev seeds only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from datetime import date

from bench.accuracy.backtest import month_ends
from bench.accuracy.declines import declining_lines, histories_before_the_fall
from bench.accuracy.history import full_history, history_as_of
from bench.accuracy.portfolio import Alliance, build_portfolio, split_of
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.coverage import coverage
from radar.engine.evaluate import evaluate
from radar.engine.features import build_frame
from radar.engine.lifecycle import decide_phase
from radar.engine.lifecycle_facts import PhaseFacts, phase_facts
from radar.engine.records import History
from radar.engine.score import score_periods
from radar.engine.signals import detect_all
from radar.engine.triage import triage

GENERIC = frozenset({"age", "engagement_trend", "metrics_trend", "no_metrics", "backs_growth"})


def facts_at(history: History, as_of: date) -> PhaseFacts | None:
    """What the phase rules read at `as_of`: evaluate's own steps up to the diagnosis."""
    config = DEFAULT_CONFIG
    frame = build_frame(history, as_of, config)
    covered = coverage(frame, config)
    triaged = triage(
        detect_all(frame, config), frame.periods, covered.fresh, frame.history.context, config
    )
    if not triaged:
        return None
    scores = score_periods(triaged, covered.held, config)
    return phase_facts(frame, triaged[-1], scores, config)


def _cluster(f: PhaseFacts) -> str:
    if not f.cluster:
        return "-"
    return "corroborated" if f.corroborated else "many/systemic"


def _worse(f: PhaseFacts) -> str:
    parts = [*f.falling_parts, *(f"{name}{gap:+.0%}" for name, gap in f.degraded_parts)]
    return ",".join(parts) or "-"


def _blocker(f: PhaseFacts) -> str:
    if not f.cluster:
        return "no cluster"
    if not f.worse:
        return "not worse"
    return "other"


def phase_line(as_of: date, f: PhaseFacts) -> str:
    phase, codes = decide_phase(f, DEFAULT_CONFIG)
    reasons = ",".join(str(c) for c in codes if str(c) not in GENERIC)
    confirmed = ",".join(sorted(str(c) for c in f.confirmed)) or "-"
    active = ",".join(sorted(str(c) for c in f.active - f.confirmed)) or "-"
    return (
        f"   {as_of} {phase:10} {reasons:28} conf={confirmed:28} seen={active:28} "
        f"cluster={_cluster(f):13} worse={_worse(f)} eng={f.engagement_way} met={f.metrics_way}"
    )


def undiagnosed_lines(alliance: Alliance, last_day: date) -> tuple[str, list[str]]:
    """("diagnosed", []) or (the blocker in most window months, the month lines)."""
    label = alliance.label
    assert label.onset is not None and label.revenue_fall is not None
    lines: list[str] = []
    blockers: Counter[str] = Counter()
    for as_of, history in histories_before_the_fall(alliance, last_day, label.onset):
        assessment = evaluate(history, as_of)
        if assessment.systemic or str(assessment.phase.phase) == "decline":
            return "diagnosed", []
        f = facts_at(history, as_of)
        if f is None:
            continue
        blockers[_blocker(f)] += 1
        lines.append(phase_line(as_of, f))
    if not blockers:
        return "no month end in the window", lines
    return blockers.most_common(1)[0][0], lines


def undiagnosed(seeds: list[int], per_class: int) -> Iterator[str]:
    groups: Counter[str] = Counter()
    yield from declining_lines(seeds, per_class, undiagnosed_lines, "diagnosed", groups)
    yield f"{sum(groups.values())} declining alliances: " + ", ".join(
        f"{n} {g}" for g, n in groups.most_common()
    )


def _final_line(alliance: Alliance, as_of: date) -> str:
    full = full_history(alliance.world, alliance.id)
    history = history_as_of(full, as_of)
    a = evaluate(history, as_of)
    f = facts_at(history, as_of)
    signals = " ".join(
        f"{s.rule}{'*' if s.confirmed else ''}{s.occurrences}"
        for s in a.signals
        if str(s.polarity) == "negative"
    )
    score = "-" if a.score is None else f"{a.score:.1f}"
    phase = phase_line(as_of, f).strip() if f is not None else str(a.phase.phase)
    return (
        f"   {as_of} {a.recommendation.action:8} {a.recommendation.rule:22} {score:>4} "
        f"{signals}\n      {phase}"
    )


def finals(seeds: list[int], per_class: int) -> Iterator[str]:
    groups: Counter[str] = Counter()
    for seed in seeds:
        portfolio = build_portfolio(seed, per_class)
        for alliance in portfolio.alliances:
            ends = month_ends(portfolio.last_day, alliance.world.started)
            full = full_history(alliance.world, alliance.id)
            last = evaluate(history_as_of(full, ends[-1]), ends[-1])
            action = last.recommendation.action
            if action in alliance.label.expected_final:
                continue
            label = alliance.label
            groups[f"{label.cls} -> {action}"] += 1
            yield f"seed {seed} #{alliance.id} {label.cls} ({label.variant}) ends on {action}"
            for as_of in ends[-2:]:
                yield _final_line(alliance, as_of)
    yield "outside the expected set: " + ", ".join(f"{n} {g}" for g, n in groups.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.accuracy.undiagnosed", description=__doc__
    )
    parser.add_argument("--seed", type=int, action="append", help="dev seeds (default 1-3)")
    parser.add_argument("--alliances-per-class", type=int, default=12)
    parser.add_argument(
        "--final", action="store_true", help="list final recommendations outside the expected set"
    )
    args = parser.parse_args(argv)
    seeds = args.seed or [1, 2, 3]
    if any(split_of(seed) != "dev" for seed in seeds):
        parser.error("dev seeds only: the hold-out is only ever seen in totals")
    run = finals if args.final else undiagnosed
    for line in run(seeds, args.alliances_per_class):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
