"""How long work reports how far it got: imports, exports, assessments, digests.

A plain callable, so the command line can pass a progress bar, a background job
its row's counters, and everybody else `no_progress`.
"""

from __future__ import annotations

from collections.abc import Callable

# progress(advance, total) — total may be None when unknown up front.
Progress = Callable[[int, int | None], None]


def no_progress(advance: int, total: int | None) -> None:
    """The progress callback used when nobody is watching."""
