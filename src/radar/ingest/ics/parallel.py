"""Large calendars: let icalendar parse slices of the file on every core.

icalendar parses about 3,500 events a second on one core, so a 50,000-event
export would take 15 s. The file is cut at its VEVENT boundaries (a line that
is exactly BEGIN:VEVENT or END:VEVENT: folded lines start with a space, so
this never cuts inside a property); each slice is wrapped in the calendar's
own header and time zones and parsed by icalendar in a worker process. Events
that belong to a series (RRULE, RDATE, RECURRENCE-ID) are parsed again from
their untouched text and expanded, each UID with all its events, so
overrides always meet their series: by the same worker when all of a UID's
events are in its slice, else in a second round once every slice is read.
Anything unusual (several calendars, unbalanced blocks, a slice
icalendar rejects) returns None and the caller parses the whole file itself,
which also gives the precise error.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

import icalendar

from radar import gcpause
from radar.ingest.ics import repeated, trim
from radar.ingest.ics.reader import (
    Known,
    Person,
    _occurrence,
    events_by_uid,
    expand,
    is_series,
    people_of,
    uid_of,
)

# (since, until, now): occurrences start in [since, until); those an EXDATE
# removed count as cancelled when they start before now (reader.expand).
Window = tuple[datetime, datetime, datetime]

# Below this many events one process is quicker than starting workers.
PARALLEL_MIN_EVENTS = 5_000
SLICES_PER_WORKER = 4
# Workers expand the series whose events all lie in their slice (False: every
# series waits for the second round, as before; the tests compare the two).
EXPAND_IN_SLICES = True


@dataclass
class Pieces:
    header: str  # BEGIN:VCALENDAR and the calendar's own properties
    zones: list[str] = field(default_factory=list)  # VTIMEZONE blocks
    events: list[str] = field(default_factory=list)  # VEVENT blocks

    def calendar_text(self, blocks: list[str]) -> str:
        return _calendar(self.header, "".join(self.zones), blocks)


def _calendar(header: str, zones: str, blocks: list[str]) -> str:
    return header + zones + "".join(blocks) + "END:VCALENDAR\r\n"


@dataclass(frozen=True)
class Parsed:
    index: int
    uid: str
    title: str
    series: bool
    people: tuple[Person, ...] = ()
    occurrence: Any = None  # Occurrence for a single event that could be read
    error: str = ""


def cut(text: str) -> Pieces | None:
    """The header, time zones and events of a one-calendar file (None if unusual)."""
    lines = text.splitlines(keepends=True)
    # Only BEGIN:/END: lines matter here; upper-casing the rest (most of the
    # file) would copy it once more for nothing.
    names = {n: line.rstrip("\r\n").upper() for n, line in enumerate(lines) if line[:1] in "bBeE"}
    calendars = list(names.values())
    if calendars.count("BEGIN:VCALENDAR") != 1 or calendars.count("END:VCALENDAR") != 1:
        return None
    pieces = Pieces("")
    header: list[str] = []
    inside = end = ""
    start = done = 0  # where the open block starts; the first line not yet sorted
    # Only the named lines (in file order) are looked at; the lines between
    # them go, whole, to the open block or to the header.
    for n, name in names.items():
        if inside:
            if name == end:
                block = "".join(lines[start : n + 1])
                (pieces.events if inside == "VEVENT" else pieces.zones).append(block)
                inside, done = "", n + 1
            continue
        header += lines[done:n]  # the calendar's own properties
        if name in {"BEGIN:VEVENT", "BEGIN:VTIMEZONE"}:
            inside, end, start = name[6:], "END:" + name[6:], n
        elif name == "BEGIN:VCALENDAR" or not name.startswith(("BEGIN:", "END:")):
            header.append(lines[n])  # (other components' BEGIN/END lines dropped)
        done = n + 1
    if inside:
        return None  # truncated inside a component
    header += lines[done:]
    pieces.header = "".join(header)
    if not pieces.header.upper().startswith("BEGIN:VCALENDAR"):
        return None
    return pieces


@dataclass(frozen=True)
class Expanded:
    """One series (a UID with its overrides), expanded by a worker."""

    uid: str
    title: str
    size: int
    people: tuple[Person, ...]
    occurrences: tuple[Any, ...] = ()
    error: str = ""


def parse_in_workers(
    pieces: Pieces,
    zone: tzinfo,
    window: Window,
    progress: Any,
    total: int,
) -> tuple[list[Parsed], list[Expanded]] | None:
    """Parse every slice; then expand the series, each UID whole, also in workers."""
    workers = max(1, min(os.cpu_count() or 1, 4))
    size = max(1, -(-len(pieces.events) // (workers * SLICES_PER_WORKER)))
    context = multiprocessing.get_context("fork")
    # The parent's objects (Django, the file's text) go to the collector's
    # permanent generation: the workers never re-scan them, nor copy the pages
    # the collector would otherwise write to.
    gc.freeze()
    try:
        return _run_pool(pieces, zone, window, progress, total, workers, size, context)
    finally:
        gc.unfreeze()


def _run_pool(
    pieces: Pieces,
    zone: tzinfo,
    window: Window,
    progress: Any,
    total: int,
    workers: int,
    size: int,
    context: Any,
) -> tuple[list[Parsed], list[Expanded]] | None:
    slices = [(i, pieces.events[i : i + size]) for i in range(0, len(pieces.events), size)]
    frame = (pieces.header, "".join(pieces.zones))
    found: list[Parsed] = []
    # Each worker also expands the series of its own slice: a UID whose
    # events all lie in one slice (most series: Google and Outlook write the
    # overrides next to their series) needs no second round.
    local: dict[str, Expanded] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = [pool.submit(_parse_slice, frame, b, start, zone, window) for start, b in slices]
        for job, (_, blocks) in zip(jobs, slices, strict=True):
            part = job.result()
            if part is None:
                return None
            found.extend(part[0])
            local.update((e.uid, e) for e in part[1])
            progress(len(blocks), total)
        groups: dict[str, list[int]] = {}
        series = {p.uid for p in found if p.series}
        for item in found:
            if item.uid in series:
                groups.setdefault(item.uid, []).append(item.index)
        # The order the series were expanded in before the workers expanded
        # their own (it is the order of the stored rows): groups dealt to
        # workers * 2 batches in turn.
        order = [g for n in range(workers * 2) for g in list(groups)[n :: workers * 2]]
        spread = [
            indexes
            for indexes in groups.values()
            if not EXPAND_IN_SLICES or indexes[0] // size != indexes[-1] // size
        ]
        batches = [spread[n :: workers * 2] for n in range(workers * 2)]
        texts = [
            pieces.calendar_text([pieces.events[i] for group in batch for i in group])
            for batch in batches
            if batch
        ]
        done = {uid: local[uid] for uid in groups if uid in local}
        for expansion in [pool.submit(_expand_slice, text, zone, window) for text in texts]:
            part2 = expansion.result()
            if part2 is None:
                return None
            done.update((e.uid, e) for e in part2)  # replaces a slice's share of the UID
    return found, [done[uid] for uid in order]


def _expand_slice(text: str, zone: tzinfo, window: Window) -> list[Expanded] | None:
    with gcpause.paused():
        return _expand_text(text, zone, window)


def _expand_text(text: str, zone: tzinfo, window: Window) -> list[Expanded] | None:
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception:
        return None
    by_uid, timezones = events_by_uid(cal)
    since, until, now = window
    found = []
    # An occurrence shares its attendee properties with its series' event
    # (the expander copies the event, not its values): each read once.
    known: Known = {}
    for uid, events in by_uid.items():
        people = tuple(p for e in events for p in _people(e))
        title = " ".join(str(events[0].get("SUMMARY", "")).split())[:60]
        try:
            occurrences = tuple(
                expand(cal, events, since, until, zone, timezones, known=known, now=now)
            )
        except Exception as exc:  # reported only if the series concerns a partner
            found.append(Expanded(uid, title, len(events), people, error=_one_line(exc)))
            continue
        found.append(Expanded(uid, title, len(events), people, occurrences))
    return found


def _people(event: icalendar.Component) -> tuple[Person, ...]:
    try:
        return people_of(event)
    except Exception:
        return ()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _parse_slice(
    frame: tuple[str, str],
    blocks: list[str],
    start: int,
    zone: tzinfo,
    window: Window,
) -> tuple[list[Parsed], list[Expanded]] | None:
    """The slice's events read, and the series among them expanded (each UID whole).

    `frame` is the calendar's header and its time zones.
    """
    header, zones = frame
    with gcpause.paused():
        # Unread properties dropped first: about a tenth of icalendar's time
        # on a Google export (DTSTAMP alone), more with long descriptions.
        parsed = _parse_text(
            trim.unread_lines_dropped(_calendar(header, zones, blocks)), start, zone
        )
        if parsed is None:
            return None
        series = {p.uid for p in parsed if p.series}
        if not series or not EXPAND_IN_SLICES:
            return parsed, []
        # Series from the untouched text: the expander sees every line.
        own = [blocks[p.index - start] for p in parsed if p.uid in series]
        expanded = _expand_text(_calendar(header, zones, own), zone, window)
        if expanded is None:
            return None
        return parsed, expanded


def _parse_text(
    text: str,
    start: int,
    zone: tzinfo,
    parse: Callable[[str], icalendar.Component] = repeated.calendar_from_ical,
) -> list[Parsed] | None:
    # `parse` is icalendar's parser asked once per distinct line (ics.repeated);
    # the tests pass icalendar.Calendar.from_ical to compare.
    try:
        cal = parse(text)
    except Exception:  # let the whole-file parse name the problem
        return None
    found = []
    # The same people come to many meetings: one object each pickles (and
    # stays in the parent's memory) once per slice instead of once per event.
    shared: dict[Any, Any] = {}  # each Person, and each tuple of them, once
    # ... and an attendee line repeated on many events is one parsed property
    # (ics.repeated): read once per slice.
    known: Known = {}
    events = [c for c in cal.subcomponents if c.name == "VEVENT"]
    for offset, event in enumerate(events):
        found.append(_read_event(event, start + offset, zone, shared, known))
    return found


def _read_event(
    event: icalendar.Component,
    index: int,
    zone: tzinfo,
    shared: dict[Any, Any],
    known: Known,
) -> Parsed:
    uid = uid_of(event)
    title = " ".join(str(event.get("SUMMARY", "")).split())[:60]
    try:
        listed = tuple(shared.setdefault(p, p) for p in people_of(event, known))
        read: tuple[Person, ...] | None = shared.setdefault(listed, listed)
    except Exception:  # unreadable attendee lines: _occurrence raises again below
        read = None
    people = read or ()
    if is_series([event]):
        return Parsed(index, uid, title, True, people)
    try:
        occurrence = _occurrence(event, uid, False, zone, read)
        return Parsed(index, uid, title, False, people, occurrence)
    except Exception as exc:  # reported only if the event concerns a partner
        return Parsed(index, uid, title, False, people, error=_one_line(exc))
