"""How faithfully the import hands the engine what happened: truth vs store, month totals.

The truth is the engine-level path's input (bench.accuracy.history: what a
perfect importer would give); the store's are the monthly totals its loader
hands the engine after `radar import`. Differences point at importer problems
(an EXDATE'd meeting vanishing instead of counting as cancelled, automatic
replies counted as replies, a defensive register not flagged).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bench.accuracy.history import period_stats
from bench.accuracy.world import World

SUMS = (
    "meetings_scheduled", "meetings_held", "meetings_cancelled", "partner_invited",
    "partner_attended", "calls", "emails_inbound", "emails_outbound", "toned", "blaming",
    "defensive", "partner_people",
)  # fmt: skip
MEANS = ("partner_reply_hours", "partner_words", "tone")


def _totals(months: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    months = list(months)
    found: dict[str, float] = {name: float(sum(m[name] or 0 for m in months)) for name in SUMS}
    for name in MEANS:
        values = [m[name] for m in months if m[name] is not None]
        found[name] = sum(values) / len(values) if values else 0.0
        found[f"{name}:months"] = len(values)
    return found


def truth_months(world: World) -> list[dict[str, Any]]:
    return [
        {name: getattr(p, name) for name in (*SUMS, *MEANS)} | {"period": str(p.period)}
        for p in period_stats(world)
    ]


def compare(worlds: Iterable[World], stored: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Totals over every alliance-month: {measure: {"truth": x, "store": y}}."""
    truth: list[dict[str, Any]] = []
    store: list[dict[str, Any]] = []
    for world in worlds:
        truth += truth_months(world)
        store += stored.get(world.name, [])
    t, s = _totals(truth), _totals(store)
    return {name: {"truth": t[name], "store": s[name]} for name in (*SUMS, *MEANS)}


def merge(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Several portfolios' comparisons as one (sums add up, means are averaged)."""
    parts = list(parts)
    merged: dict[str, Any] = {}
    for name in (*SUMS, *MEANS):
        values = [p[name] for p in parts if name in p]
        total = {k: sum(v[k] for v in values) for k in ("truth", "store")}
        if name in MEANS and values:
            total = {k: total[k] / len(values) for k in total}
        merged[name] = total
    return merged
