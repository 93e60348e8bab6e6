"""Reading a big table in a second process while this one writes (first imports).

When a big table starts empty the writer only inserts, and reading, parsing,
checking and preparing its rows (about 60% of the work) needs nothing from
the database: the catalogue of alliances, metrics and so on is already in
memory. A forked child does that part and sends the ready query parameters
back through a pipe, chunk by chunk, while this process writes; the pipe's
buffer keeps both sides in step, so memory stays flat. The child never
touches the database connection it inherits and leaves with os._exit.
Where fork is not available the import reads in-process, as for small tables.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterator
from typing import Any

# Below this many rows starting a process costs more than it saves.
FORKED_ROWS = 200_000
_DONE, _ROWS, _FAILED = "done", "rows", "failed"


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def run_forked(produce: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """Yield what `produce()` yields, computed in a forked child.

    An exception in the child is raised again here (as it was, or as a
    RuntimeError carrying its traceback when it cannot be pickled).
    """
    reading, writing = multiprocessing.get_context("fork").Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the child
        reading.close()
        _child(produce, writing)
    writing.close()
    try:
        while True:
            kind, payload = reading.recv()
            if kind == _ROWS:
                yield payload
            elif kind == _FAILED:
                raise payload
            else:
                return
    finally:
        reading.close()
        os.waitpid(pid, 0)


def _child(produce: Callable[[], Iterator[Any]], writing: Any) -> None:
    code = 0
    try:
        for item in produce():
            writing.send((_ROWS, item))
        writing.send((_DONE, None))
    except BaseException as exc:  # everything goes back to the parent, which decides
        code = 1
        try:
            pickle.dumps(exc)
            writing.send((_FAILED, exc))
        except Exception:
            writing.send((_FAILED, RuntimeError(traceback.format_exc())))
    finally:
        writing.close()
        os._exit(code)
