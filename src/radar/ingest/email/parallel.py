"""Read messages on every core, in order, with a bounded number in flight.

Parsing MIME and scoring tone cost about a millisecond a message on one core;
a 100,000-message mailbox would take minutes. Messages are sent to worker
processes in chunks as the reader produces them; at most a few chunks are in
flight, so memory stays flat however large the mailbox. A small mailbox (one
chunk) never starts a worker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from radar.ingest.email.facts import Mail, Sides, read_mail
from radar.ingest.email.readers import Raw

CHUNK = 400
MAX_WORKERS = 4

_worker_sides: Sides | None = None
_worker_bodies = False


def _init(sides: Sides, store_bodies: bool) -> None:
    global _worker_sides, _worker_bodies
    _worker_sides, _worker_bodies = sides, store_bodies


def _read_chunk(chunk: list[Raw]) -> list[Mail]:
    assert _worker_sides is not None
    return [read_mail(raw, where, _worker_sides, _worker_bodies) for where, raw in chunk]


def read_messages(
    messages: Iterable[Raw],
    sides: Sides,
    store_bodies: bool,
    take: Callable[[Mail], None],
) -> None:
    """Call `take` with every message's facts, in mailbox order."""
    chunks = _chunks(messages)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        for where, raw in first:
            take(read_mail(raw, where, sides, store_bodies))
        return
    workers = max(1, min(os.cpu_count() or 1, MAX_WORKERS))
    context = multiprocessing.get_context("fork")
    pending: deque[tuple[list[Raw], Future[list[Mail]]]] = deque()
    with ProcessPoolExecutor(workers, context, _init, (sides, store_bodies)) as pool:
        for chunk in _chain(first, second, chunks):
            pending.append((chunk, pool.submit(_read_chunk, chunk)))
            if len(pending) >= workers * 2:
                _drain_one(pending, sides, store_bodies, take)
        while pending:
            _drain_one(pending, sides, store_bodies, take)


def _drain_one(
    pending: deque[tuple[list[Raw], Future[list[Mail]]]],
    sides: Sides,
    store_bodies: bool,
    take: Callable[[Mail], None],
) -> None:
    chunk, job = pending.popleft()
    try:
        mails = job.result()
    except BrokenProcessPool:  # a worker died (e.g. out of memory): finish here
        mails = [read_mail(raw, where, sides, store_bodies) for where, raw in chunk]
    for mail in mails:
        take(mail)


def _chunks(messages: Iterable[Raw]):  # type: ignore[no-untyped-def]
    chunk: list[Raw] = []
    for item in messages:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chain(first: list[Raw], second: list[Raw], rest: Iterable[list[Raw]]):  # type: ignore[no-untyped-def]
    yield first
    yield second
    yield from rest
