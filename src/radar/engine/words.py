"""Small helpers for the engine's plain-English sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence

from radar.engine.vocab import Category


def join_words(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" ("" for none)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def join_names(categories: Sequence[Category]) -> str:
    return join_words([str(c) for c in categories])


# Counted things whose one is not the plural less its "s".
_IRREGULAR_SINGULAR = {"people": "person"}


def unit_for(shown: str, unit: str) -> str:
    """The unit agreeing with a number as shown: "1 item", "1 e-mail", "1 day of grace";
    any other number keeps the plural. Only a plain lower-case plural word (or the first
    word of a phrase) is changed: "EUR", "NPS", "process" and "hours/week" stay as typed."""
    if shown.lstrip("+-") != "1":
        return unit
    head, space, rest = unit.partition(" ")
    if head in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[head] + space + rest
    if re.fullmatch(r"[a-z][a-z-]*s", head) and not head.endswith("ss"):
        return head[:-1] + space + rest
    return unit


def days_ago(days: int) -> str:
    """ "today", "yesterday", "12 days ago" (never "1 days ago")."""
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"
