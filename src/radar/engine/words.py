"""Small helpers for the engine's plain-English sentences."""

from __future__ import annotations

from collections.abc import Sequence

from radar.engine.vocab import Category


def join_words(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" ("" for none)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def join_names(categories: Sequence[Category]) -> str:
    return join_words([str(c) for c in categories])
