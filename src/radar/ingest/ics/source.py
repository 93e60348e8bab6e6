"""One calendar file as units of work: a UID's events, its people, its occurrences.

Small files are parsed here in one go; large ones in worker processes
(ics.parallel). Either way the plan sees the same `Unit`s: the people come
first (so events without a partner are skipped before any expansion), the
occurrences are computed on demand and raise on broken data.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from radar import gcpause
from radar.ingest.base import Problem
from radar.ingest.ics import parallel
from radar.ingest.ics.reader import (
    Occurrence,
    Person,
    _decode,
    _stamp,
    events_by_uid,
    expand,
    people_of,
)
from radar.progress import Progress


@dataclass
class Unit:
    uid: str
    title: str
    size: int  # calendar entries (VEVENTs) in this unit
    people: list[Person]
    occurrences: Callable[[], list[Occurrence]]


class CalendarFile:
    """The calendars in one file, with the time zone floating times are read in."""

    def __init__(self, name: str, data: bytes, default_tz: tzinfo):
        self.name = name
        self.default_tz = default_tz
        self.problems: list[Problem] = []
        self.calendars: list[icalendar.Calendar] = []
        self.text = _decode(data)
        self.pieces: parallel.Pieces | None = None
        if _may_fork() and self.text.upper().count("BEGIN:VEVENT") >= parallel.PARALLEL_MIN_EVENTS:
            self.pieces = parallel.cut(self.text)
        if self.pieces is not None:
            self.event_count = len(self.pieces.events)
        else:
            self._parse_whole()

    def _parse_whole(self) -> None:
        self.pieces = None
        try:
            with gcpause.paused():
                self.calendars = icalendar.Calendar.from_ical(self.text, multiple=True)
        except Exception as exc:  # icalendar raises ValueError and friends
            message = f"not a readable iCalendar file: {' '.join(str(exc).split())[:300]}"
            self.problems.append(Problem(self.name, "file", message))
        if not self.calendars and not self.problems:
            message = "no calendar found (the file is empty or truncated)"
            self.problems.append(Problem(self.name, "file", message))
        self.event_count = sum(
            1 for cal in self.calendars for c in cal.subcomponents if c.name == "VEVENT"
        )
        self.text = ""  # parsed: the calendars are all that is read from now on

    def zone(self, cal: icalendar.Calendar) -> tzinfo:
        name = str(cal.get("X-WR-TIMEZONE", "")).strip()
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return self.default_tz

    def units(
        self, since: datetime, until: datetime, now: datetime, progress: Progress
    ) -> Iterator[Unit]:
        """Each UID's events; series occurrences an EXDATE removed before `now` come cancelled."""
        if self.pieces is not None:
            header = icalendar.Calendar.from_ical(self.pieces.calendar_text([]))
            zone = self.zone(header)
            done = parallel.parse_in_workers(
                self.pieces, zone, (since, until, now), progress, self.event_count
            )
            if done is not None:
                # The text and its slices are not needed again: free them (about
                # twice the file's size) before the plan and the write fill memory.
                self.text, self.pieces = "", None
                parsed, expanded = done
                done = None
                yield from _units_from(parsed, expanded, since, until)
                return
            self._parse_whole()  # something unusual: parse it all here, precisely
        for cal in self.calendars:
            yield from _calendar_units(cal, self.zone(cal), (since, until, now), progress, self)


def _units_from(
    parsed: list[parallel.Parsed],
    expanded: list[parallel.Expanded],
    since: datetime,
    until: datetime,
) -> Iterator[Unit]:
    series = {e.uid for e in expanded}
    singles: dict[str, list[parallel.Parsed]] = {}
    for item in parsed:
        if item.uid not in series:
            singles.setdefault(item.uid, []).append(item)
    for uid, items in singles.items():
        people = [person for item in items for person in item.people]
        yield Unit(uid, items[0].title, len(items), people, _singles(items, since, until))
    for done in expanded:
        yield Unit(done.uid, done.title, done.size, list(done.people), _expanded(done))


def _expanded(done: parallel.Expanded) -> Callable[[], list[Occurrence]]:
    def compute() -> list[Occurrence]:
        if done.error:
            raise ValueError(done.error)
        return list(done.occurrences)

    return compute


def _may_fork() -> bool:
    """Workers only from the main thread of a multi-core machine.

    A web request runs in a server thread: forking there could copy a lock
    another thread holds, so uploads are parsed in-process.
    """
    return (os.cpu_count() or 1) > 1 and threading.current_thread() is threading.main_thread()


def _calendar_units(
    cal: icalendar.Calendar,
    zone: tzinfo,
    window: tuple[datetime, datetime, datetime],
    progress: Progress,
    source: CalendarFile,
) -> Iterator[Unit]:
    since, until, now = window
    by_uid, timezones = events_by_uid(cal)
    for uid, events in by_uid.items():
        progress(len(events), source.event_count)
        read = [_people(e) for e in events]  # read once: the occurrences reuse them
        people = [p for found in read for p in found or ()]
        title = " ".join(str(events[0].get("SUMMARY", "")).split())[:60]

        def compute(
            events: list[icalendar.Component] = events,
            read: list[tuple[Person, ...] | None] = read,
        ) -> list[Occurrence]:
            return list(expand(cal, events, since, until, zone, timezones, read, now=now))

        yield Unit(uid, title, len(events), people, compute)


def _singles(
    items: list[parallel.Parsed], since: datetime, until: datetime
) -> Callable[[], list[Occurrence]]:
    def compute() -> list[Occurrence]:
        found = []
        for item in items:
            if item.error:
                raise ValueError(item.error)
            occurrence: Occurrence = item.occurrence
            if len(items) > 1:  # the same UID on unrelated events
                occurrence = replace(occurrence, key=f"{item.uid}|{_stamp(occurrence.start)}")
            if since <= occurrence.start < until:
                found.append(occurrence)
        return found

    return compute


def _people(event: icalendar.Component) -> tuple[Person, ...] | None:
    try:
        return people_of(event)
    except Exception:  # unreadable attendee lines: decided when the event is expanded
        return None
