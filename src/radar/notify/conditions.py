"""The alert conditions read from a stored assessment payload (docs/assessment-schema.md).

Pure functions of the payload: each returns a `Condition` when it holds. The
payload is read defensively — fields may be added by newer engines (the watch
state) and older payloads may lack them — so a missing field means "no alert".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DROP_POINTS = 1.0  # a fall of at least this much against the recent peak
DROP_LOOKBACK = 3  # months before the latest one that count as "recent"
RESPONSES = {"reset": "a reset", "exit": "an exit"}


@dataclass(frozen=True)
class Condition:
    kind: str
    fingerprint: str  # the same fingerprint = the same change: no second alert
    headline: str  # completes "<alliance> …"
    evidence: tuple[str, ...]


def _confirmed_titles(payload: Mapping[str, Any]) -> list[str]:
    return [
        f"{s.get('title', '')}: {s.get('detail', '')}".strip(": ")
        for s in payload.get("signals", []) or []
        if s.get("confirmed") and s.get("polarity") == "negative"
    ]


def systemic(payload: Mapping[str, Any]) -> Condition | None:
    if not payload.get("systemic"):
        return None
    categories = ", ".join(payload.get("systemic_categories") or []) or "several categories"
    evidence = (f"Signals cluster across {categories}.", *_confirmed_titles(payload)[:5])
    return Condition("systemic", "systemic", "turned systemic", evidence)


def drop(payload: Mapping[str, Any]) -> Condition | None:
    # A month without a score ("not enough data yet") has nothing to fall from or to.
    history = [p for p in payload.get("score_history") or [] if p.get("score") is not None]
    if len(history) < 2:
        return None
    latest = history[-1]
    recent = history[-1 - DROP_LOOKBACK : -1]
    peak = max(recent, key=lambda p: float(p["score"]))
    fall = float(peak["score"]) - float(latest["score"])
    if fall < DROP_POINTS - 1e-9:
        return None
    evidence = (
        f"The score fell from {float(peak['score']):.1f} ({str(peak.get('period', ''))[:7]}) "
        f"to {float(latest['score']):.1f} ({str(latest.get('period', ''))[:7]}).",
        *[str(reason) for reason in payload.get("why_moved") or []][:4],
    )
    return Condition("drop", "drop", f"dropped by {fall:.1f} points", evidence)


def response(payload: Mapping[str, Any]) -> Condition | None:
    recommendation = payload.get("recommendation") or {}
    action = str(recommendation.get("action", ""))
    if action not in RESPONSES:
        return None
    reasons = [str(r) for r in recommendation.get("reasons") or []]
    evidence = (str(recommendation.get("headline", "")), *reasons[:4])
    return Condition(
        "response", action, f"needs {RESPONSES[action]}", tuple(e for e in evidence if e)
    )


def watch(payload: Mapping[str, Any]) -> Condition | None:
    """The early-warning (watch) state, whichever shape the engine gives it: a `watch`
    or `early_warning` field that is true, a non-empty list, or an object with
    `active`/`state`; or a recommendation or phase of "watch"."""
    for name in ("watch", "early_warning"):
        found = _watch_from(payload.get(name))
        if found is not None:
            return Condition("watch", "watch", "is on watch (early warning)", found)
    recommendation = payload.get("recommendation") or {}
    if recommendation.get("action") == "watch":
        headline = str(recommendation.get("headline", ""))
        return Condition("watch", "watch", "is on watch (early warning)", (headline,))
    return None


def _watch_from(value: Any) -> tuple[str, ...] | None:
    if not value:
        return None
    if isinstance(value, Mapping):
        state = value.get("state", value.get("active", True))
        if state in (False, None, "", "none", "clear", "ok"):
            return None
        reasons = value.get("reasons") or value.get("signals") or []
        text = [str(value.get("headline") or value.get("summary") or "")]
        return tuple(t for t in [*text, *_texts(reasons)] if t)
    if isinstance(value, list | tuple):
        return tuple(_texts(value))
    return ("Early warning signals are building up.",)


def _texts(items: Any) -> list[str]:
    out = []
    for item in items or []:
        if isinstance(item, Mapping):
            out.append(str(item.get("title") or item.get("detail") or item.get("rule") or ""))
        else:
            out.append(str(item))
    return [t for t in out if t][:5]


CHECKS = (systemic, drop, response, watch)
KINDS = ("systemic", "drop", "response", "watch")


def conditions(payload: Mapping[str, Any]) -> dict[str, Condition]:
    found = (check(payload) for check in CHECKS)
    return {c.kind: c for c in found if c is not None}
