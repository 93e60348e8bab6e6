"""Evaluate a large portfolio on several cores.

The engine is pure Python and holds the GIL, so threads would not help: forked
processes do. Each worker loads its own share of the alliances through its own
database connection, runs the engine on them and sends the assessments back
(pickled), with the rows to store already prepared when they are to be stored
(radar.portfolio.assessment_rows: the JSON payloads are most of a store's
cost, and the parent is the one serial part); the parent writes every row in
one transaction, so a failure anywhere stores nothing.

Workers are used only where they see the same data as the caller:
- the caller has no open transaction (a worker's connection could not see
  rows the caller has not committed yet, so a form save or a test stays in
  one process);
- the database is a file or a server, not SQLite in memory;
- the platform can fork.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date

from django.db import connection, connections

from radar import gcpause
from radar.engine.assessment import Assessment
from radar.engine.config import EngineConfig
from radar.engine.evaluate import evaluate
from radar.portfolio import assessment_rows
from radar.portfolio.errors import EvaluationFailed
from radar.portfolio.loader import load_histories
from radar.progress import Progress

MIN_PER_WORKER = 50  # below this a worker costs more to start than it saves
CHUNKS_PER_WORKER = 4  # several chunks each: a steadier progress bar and even loads
MAX_WORKERS = 8


def cores() -> int:
    """CPUs this process may run on (a container's quota, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """True when forked workers would read exactly what this process would."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    if connection.in_atomic_block:
        return False
    # is_in_memory_db is SQLite's wrapper's own (the stubs type the base wrapper).
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())  # type: ignore[attr-defined]


def worker_count(alliances: int, wanted: int | None) -> int:
    """How many processes to use: `wanted`, or by default one per core for big portfolios."""
    if wanted is None:
        wanted = min(cores(), MAX_WORKERS, alliances // MIN_PER_WORKER)
    wanted = max(1, min(wanted, alliances))
    return wanted if wanted > 1 and can_fork() else 1


@dataclass(frozen=True)
class _Failure:
    alliance_name: str
    error: BaseException


def _chunks(ids: Sequence[int], parts: int) -> list[list[int]]:
    size = -(-len(ids) // parts)  # ceiling division
    return [list(ids[start : start + size]) for start in range(0, len(ids), size)]


Done = tuple[list[Assessment], list[assessment_rows.Row]]


def _run_chunk(
    job: tuple[int, date, list[int], EngineConfig, bool],
) -> tuple[int, Done | _Failure]:
    index, as_of, ids, config, prepare = job
    try:
        with gcpause.paused():
            histories = load_histories(as_of, ids)
            found = []
            for history in histories.values():
                try:
                    found.append(evaluate(history, as_of, config))
                except Exception as exc:
                    return index, _Failure(history.alliance.name, _picklable(exc))
            rows = [assessment_rows.prepare(a) for a in found] if prepare else []
            return index, (found, rows)
    finally:
        connections.close_all()  # this worker's own connection; the parent keeps its own


def _picklable(exc: Exception) -> BaseException:
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def evaluate_in_workers(
    as_of: date,
    ids: Sequence[int],
    config: EngineConfig,
    workers: int,
    progress: Progress,
    prepare: bool = False,
) -> Done:
    """Assess the alliances `ids` (committed data) in `workers` processes, in id order.

    Returns the assessments and, with `prepare`, their rows to store (else none).

    Raises EvaluationFailed naming the first alliance the engine could not assess,
    or saying a worker process stopped (its cause is then the BrokenProcessPool).
    """
    chunks = _chunks(sorted(ids), workers * CHUNKS_PER_WORKER)
    jobs = [(index, as_of, chunk, config, prepare) for index, chunk in enumerate(chunks)]
    done: dict[int, Done] = {}
    connections.close_all()  # a forked child must not share the parent's connection
    # An executor rather than multiprocessing.Pool: when a worker dies (killed for
    # memory, or a task it cannot even unpickle) the pool is marked broken and every
    # pending result raises, where Pool would wait for the lost task forever.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = [pool.submit(_run_chunk, job) for job in jobs]
        try:
            for future in as_completed(pending):
                index, outcome = future.result()
                if isinstance(outcome, _Failure):
                    raise EvaluationFailed(outcome.alliance_name, as_of) from outcome.error
                done[index] = outcome
                progress(len(outcome[0]), len(ids))
        except BrokenProcessPool as exc:
            left = sum(len(chunk) for index, chunk in enumerate(chunks) if index not in done)
            what = f"one of {left} alliances (a worker process stopped unexpectedly)"
            raise EvaluationFailed(what, as_of) from exc
        finally:
            for future in pending:
                future.cancel()  # after a failure: start nothing more
    ordered = [done[index] for index in sorted(done)]
    return [a for found, _ in ordered for a in found], [r for _, rows in ordered for r in rows]
