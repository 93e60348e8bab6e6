"""Print the figures of each run (path x split) as tables people can read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.accuracy.backtest import Reading
from bench.accuracy.labels import Label
from bench.accuracy.targets import check


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _num(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _row(reading: str, figure: str, target: str = "", verdict: str = "") -> str:
    return f"  {reading:<74} {figure:>16}  {target:>7}  {verdict}"


def _verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "missed")


def headline(figures: dict[str, Any]) -> list[str]:
    d, q = figures["declining"], figures["quiet"]
    checks = {c["reading"]: c for c in check(figures)}
    lines = [_row("reading", "figure", "target", "")]
    for c in checks.values():
        figure = pct(c["figure"])
        if c["reading"].startswith("declining: reset/exit"):
            figure = f"{figure} (median {_num(d['median_lead_days'], 0)} d)"
        if "multi-category" in c["reading"]:
            figure = f"{figure} of {d['with_pattern']}"
        lines.append(_row(c["reading"], figure, c["target"], _verdict(c["met"])))
    lines += [
        _row("declining: alarmed before the fall at all (any lead)", pct(d["alarmed_before_fall"])),
        _row(
            "declining: alarmed before the erosion began (false alarm)",
            pct(d["alarmed_before_onset"]),
        ),
        _row("declining: scored <= 3.0 at any month end", pct(d["low_any"])),
        _row("declining: mean score at the end", _num(d["mean_final_score"])),
        _row(
            f"alliances: {d['alliances']} declining, {q['alliances']} non-declining "
            f"({q['alliance_months']} alliance-months)",
            "",
        ),
    ]
    return lines


def class_table(figures: dict[str, Any]) -> list[str]:
    head = (
        f"  {'class':<10} {'n':>4} {'final ok':>8} {'phase ok':>8} {'alarmed':>8} "
        f"{'alarm mo':>8}  {'score min/q1/med/q3/max':<26} {'watch':>6}  final actions; phases"
    )
    lines = [head]
    for cls, c in figures["classes"].items():
        s = c["scores"]
        scores = (
            "-" if s is None else "/".join(_num(s[k]) for k in ("min", "q1", "median", "q3", "max"))
        )
        actions = ", ".join(f"{k} {v}" for k, v in c["final_actions"].items())
        phases = ", ".join(f"{k} {v}" for k, v in c["phases"].items())
        shares = " ".join(
            f"{pct(c[k]):>8}" for k in ("final_expected", "phase_months", "alarmed", "alarm_months")
        )
        lines.append(
            f"  {cls:<10} {c['alliances']:>4} {shares}  {scores:<26} "
            f"{pct(c['watch_months']):>6}  {actions}; {phases}"
        )
    if not figures["watch_exposed"]:
        lines.append("  (the assessment exposes no watch / early-warning state yet)")
    return lines


FIDELITY = {
    "meetings_scheduled": "meetings scheduled",
    "meetings_cancelled": "meetings cancelled",
    "partner_invited": "partner invitations to held meetings",
    "partner_attended": "partner attendances",
    "calls": "calls",
    "emails_inbound": "partner e-mails (inbound)",
    "emails_outbound": "our e-mails (outbound)",
    "partner_reply_hours": "partner reply hours (mean of monthly means)",
    "partner_words": "partner words per message (mean)",
    "tone": "tone (mean)",
    "defensive": "texts flagged defensive",
    "blaming": "texts flagged blaming",
    "partner_people": "partner people taking part (sum over months)",
}


def fidelity(found: dict[str, Any]) -> list[str]:
    """Truth (what happened) beside what the store hands the engine after `radar import`."""
    lines = [
        f"  {'import fidelity: month totals over all alliances':<52} {'truth':>10} {'store':>10}"
    ]
    for key, name in FIDELITY.items():
        truth, store = found[key]["truth"], found[key]["store"]
        digits = 0 if key not in ("partner_reply_hours", "partner_words", "tone") else 2
        flag = "" if abs(truth - store) <= 0.02 * max(abs(truth), 1e-9) else "  <- differs"
        lines.append(f"  {name:<52} {truth:>10.{digits}f} {store:>10.{digits}f}{flag}")
    return lines


def details(readings: Sequence[Reading], labels: dict[int, Label]) -> list[str]:
    """One line per alliance and its month ends: score, action, phase (dev seeds only)."""
    groups: dict[int, list[Reading]] = {}
    for r in sorted(readings, key=lambda r: (r.alliance, r.as_of)):
        groups.setdefault(r.alliance, []).append(r)
    lines = []
    for alliance, found in groups.items():
        label = labels[alliance]
        fall = f" fall {label.revenue_fall}" if label.revenue_fall else ""
        onset = f" onset {label.onset}" if label.onset else ""
        lines.append(f"  #{alliance} {label.cls} ({label.variant}){onset}{fall}")
        lines.append(
            "     "
            + " ".join(
                f"{r.as_of:%y-%m}:{_num(r.score)}{r.action[:3]}/{r.phase[:3]}{len(r.confirmed)}"
                for r in found
            )
        )
    return lines


def markdown(runs: Sequence[dict[str, Any]]) -> list[str]:
    """docs/accuracy.md's tables: one column per path and split."""
    heads = [f"{r['path']}, {r['split']}" for r in runs]
    lines = [
        "| reading | target | " + " | ".join(heads) + " |",
        "| --- | --- | " + " | ".join("---" for _ in runs) + " |",
    ]
    checks = [check(r["figures"]) for r in runs]
    for n, first in enumerate(checks[0]):
        cells = []
        for run, found in zip(runs, checks, strict=True):
            cell = pct(found[n]["figure"])
            if n == 0:
                cell += (
                    f" (median lead {_num(run['figures']['declining']['median_lead_days'], 0)} d)"
                )
            if "multi-category" in first["reading"]:
                cell += f" of {run['figures']['declining']['with_pattern']}"
            cells.append(f"{cell}, {_verdict(found[n]['met'])}")
        lines.append(f"| {first['reading']} | {first['target']} | " + " | ".join(cells) + " |")
    extra = (
        ("declining: scored <= 3.0 at any month end", "low_any", pct),
        ("declining: mean score at the end", "mean_final_score", _num),
        ("declining: alarmed before the erosion began", "alarmed_before_onset", pct),
    )
    for reading, key, show in extra:
        cells = [show(r["figures"]["declining"][key]) for r in runs]
        lines.append(f"| {reading} | | " + " | ".join(cells) + " |")
    columns = (
        ("final recommendation in the expected set", lambda c: pct(c["final_expected"])),
        ("phase as expected (alliance-months)", lambda c: pct(c["phase_months"])),
        ("given reset/exit at some point", lambda c: pct(c["alarmed"])),
        ("score min / median / max", _score_span),
    )
    lines += ["", f"Per class ({' · '.join(heads)}):", ""]
    lines.append("| class | " + " | ".join(name for name, _ in columns) + " |")
    lines.append("| --- | " + " | ".join("---" for _ in columns) + " |")
    for cls in runs[0]["figures"]["classes"]:
        cells = [
            " · ".join(show(r["figures"]["classes"][cls]) for r in runs) for _, show in columns
        ]
        lines.append(f"| {cls} | " + " | ".join(cells) + " |")
    return lines + markdown_fidelity(runs)


def markdown_fidelity(runs: Sequence[dict[str, Any]]) -> list[str]:
    """Truth beside store for the end-to-end runs (empty when there are none)."""
    e2e = [r for r in runs if r["fidelity"]]
    if not e2e:
        return []
    heads = " | ".join(f"truth, {r['split']} | store, {r['split']}" for r in e2e)
    lines = ["", f"| month totals over all alliances | {heads} |"]
    lines.append("| --- | " + " | ".join("---" for _ in range(2 * len(e2e))) + " |")
    for key, name in FIDELITY.items():
        digits = 2 if key in ("partner_reply_hours", "partner_words", "tone") else 0
        cells = [
            f"{r['fidelity'][key][side]:.{digits}f}" for r in e2e for side in ("truth", "store")
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _score_span(c: dict[str, Any]) -> str:
    s = c["scores"]
    return "-" if s is None else f"{s['min']:.1f} / {s['median']:.1f} / {s['max']:.1f}"
