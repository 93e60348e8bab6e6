"""Bulk work with Python's cycle collector paused.

Parsing a large calendar or judging a whole portfolio allocates millions of
small objects that all stay alive until the batch ends, so every collection
pass during the batch re-scans them in vain (measured: about a tenth of an ICS
parse, about 13% of a 1,000-alliance evaluation; docs/performance.md).
Reference counting still frees everything that is not a cycle, so memory does
not grow; the collector's previous state is restored even when the batch fails.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the previous state comes back after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
