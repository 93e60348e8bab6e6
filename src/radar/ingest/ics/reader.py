"""From iCalendar bytes to plain occurrences over a window.

Parsing is icalendar's; expanding recurring series (RRULE, RDATE, EXDATE,
RECURRENCE-ID overrides, Google's X-WR-TIMEZONE) is recurring-ical-events'.
Events that are not part of a series skip the expander, which is most of a
real calendar and most of the time it would take.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import icalendar
import recurring_ical_events

EMAIL = re.compile(r"^[^@\s\"'<>(),;:\[\]]+@[^@\s\"'<>(),;:\[\]]+$")
SERIES_PROPERTIES = ("RRULE", "RDATE", "RECURRENCE-ID")
CANCELLED_PREFIXES = ("cancelled:", "canceled:", "abgesagt:", "annulé:")


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    partstat: str  # "" when the file does not say
    organizer: bool = False
    role: str = ""  # the ROLE parameter: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT ("" unsaid)
    # Delegation (RFC 5545 DELEGATED-FROM / DELEGATED-TO): the addresses named.
    delegated_from: tuple[str, ...] = ()
    delegated_to: tuple[str, ...] = ()


# A property object's person, by the object's identity; the object is kept
# with it, so its id cannot be reused by another object while remembered.
Known = dict[tuple[int, bool], tuple[Any, Person | None]]


@dataclass(frozen=True)
class Occurrence:
    key: str  # UID, or UID|original start for a series occurrence
    uid: str
    series: bool
    start: datetime  # aware, UTC
    minutes: int | None
    summary: str
    cancelled: bool
    people: tuple[Person, ...]


def uid_of(event: icalendar.Component) -> str:
    uid = str(event.get("UID", "")).strip()
    if not uid:
        # No UID (rare, hand-made files): a stable stand-in from what identifies it.
        raw = f"{event.get('DTSTART', '')!r}|{event.get('SUMMARY', '')}"
        uid = "nouid-" + hashlib.sha1(raw.encode()).hexdigest()
    # Keys must fit the store's column; very long UIDs are hashed.
    return uid if len(uid) <= 400 else "sha1-" + hashlib.sha1(uid.encode()).hexdigest()


def events_by_uid(
    cal: icalendar.Calendar,
) -> tuple[dict[str, list[icalendar.Component]], list[icalendar.Component]]:
    """VEVENTs grouped by UID (a series with its overrides), and the VTIMEZONEs."""
    by_uid: dict[str, list[icalendar.Component]] = {}
    timezones = []
    for component in cal.subcomponents:
        if component.name == "VEVENT":
            by_uid.setdefault(uid_of(component), []).append(component)
        elif component.name == "VTIMEZONE":
            timezones.append(component)
    return by_uid, timezones


def is_series(events: list[icalendar.Component]) -> bool:
    return any(prop in e for e in events for prop in SERIES_PROPERTIES)


def expand(
    cal: icalendar.Calendar,
    events: list[icalendar.Component],
    since: datetime,
    until: datetime,
    zone: tzinfo,
    timezones: list[icalendar.Component] | None = None,
    people: Sequence[tuple[Person, ...] | None] | None = None,
    known: Known | None = None,
    now: datetime | None = None,
) -> Iterator[Occurrence]:
    """Occurrences of one UID starting in [since, until); raises on broken data.

    `timezones` are the calendar's VTIMEZONEs (found once by the caller: a
    large calendar would otherwise be scanned again for every series).
    `people` are the events' attendees if the caller has read them already
    (None for an event whose attendees could not be read); `known`, see people_of.
    Occurrences of a series that an EXDATE removed come out cancelled when
    they start before `now` (see `_called_off`).
    """
    uid = uid_of(events[0])
    if not is_series(events):
        for n, event in enumerate(events):
            occurrence = _occurrence(event, uid, False, zone, people[n] if people else None)
            if len(events) > 1:
                # The same UID on unrelated events (some exporters reuse them).
                occurrence = replace(occurrence, key=f"{uid}|{_stamp(occurrence.start)}")
            if since <= occurrence.start < until:
                yield occurrence
        return
    if timezones is None:
        timezones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    sub = _series_calendar(cal, events, timezones)
    kept = set()
    for event in recurring_ical_events.of(sub).between(since, until):
        occurrence = _occurrence(event, uid, True, zone, known=known)
        kept.add(occurrence.key)
        yield occurrence
    if now is not None and any("EXDATE" in e for e in events):
        yield from _called_off(cal, events, timezones, zone, (since, until, now), kept, known)


def _series_calendar(
    cal: icalendar.Calendar,
    events: list[icalendar.Component],
    timezones: list[icalendar.Component],
) -> icalendar.Calendar:
    """A calendar of one series (with the file's time zones) for the expander."""
    sub = icalendar.Calendar()
    for name in ("X-WR-TIMEZONE", "METHOD"):
        if name in cal:
            sub.add(name, cal[name])
    for component in timezones:
        sub.add_component(component)
    for event in events:
        sub.add_component(event)
    return sub


def _called_off(
    cal: icalendar.Calendar,
    events: list[icalendar.Component],
    timezones: list[icalendar.Component],
    zone: tzinfo,
    window: tuple[datetime, datetime, datetime],
    kept: set[str],
    known: Known | None,
) -> Iterator[Occurrence]:
    """The occurrences an EXDATE took out of the series, as cancelled meetings.

    Google and Outlook export a called-off occurrence of a series as an
    EXDATE on the series: without this it would vanish, and a missed meeting
    is itself a signal. The series is expanded again without its EXDATEs
    around the excluded dates; what appears only then was removed. An
    override of the same occurrence (RECURRENCE-ID) means it was moved, not
    called off: it is kept as the meeting it is. EXDATEs from `now` on (the
    end of the import's today) are plans, not yet missed meetings: a later
    export of the calendar records them once their day has passed.
    """
    since, until, now = window
    uid = uid_of(events[0])
    for event in events:
        if "RECURRENCE-ID" in event:  # an override the EXDATE hid from the expander
            occurrence = _occurrence(event, uid, True, zone, known=known)
            if occurrence.key not in kept and since <= occurrence.start < until:
                kept.add(occurrence.key)
                yield occurrence
    end = min(until, now)
    moments = [_aware(day, zone) for e in events for day in _exdates(e)]
    moments = [m for m in moments if since - _MARGIN <= m < end + _MARGIN]
    if not moments or end <= since:
        return
    plain = [_without_exdate(e) for e in events]
    low, high = max(since, min(moments) - _MARGIN), min(end, max(moments) + _MARGIN)
    for event in recurring_ical_events.of(_series_calendar(cal, plain, timezones)).between(
        low, high
    ):
        occurrence = _occurrence(event, uid, True, zone, known=known)
        if occurrence.key not in kept and since <= occurrence.start < end:
            yield replace(occurrence, cancelled=True)


# EXDATEs and the occurrences they remove may differ by a time zone's offset
# (an EXDATE written in UTC, or as a date, for a series in local time).
_MARGIN = timedelta(days=1)


def _exdates(event: icalendar.Component) -> Iterator[date | datetime]:
    values = event.get("EXDATE", [])
    for value in values if isinstance(values, list) else [values]:
        for item in getattr(value, "dts", ()):
            if isinstance(item.dt, date):
                yield item.dt


def _without_exdate(event: icalendar.Component) -> icalendar.Component:
    if "EXDATE" not in event:
        return event
    plain = copy.copy(event)  # the same properties, but its own dictionary
    del plain["EXDATE"]
    return plain


def _occurrence(
    event: icalendar.Component,
    uid: str,
    series: bool,
    zone: tzinfo,
    people: tuple[Person, ...] | None = None,
    known: Known | None = None,
) -> Occurrence:
    """The occurrence an (expanded) event stands for.

    `people` are the event's attendees when the caller has read them already
    (reading them is a third of the cost of a single event).
    """
    start_value = _dt(event, "DTSTART")
    if start_value is None:
        raise ValueError("the event has no start (DTSTART)")
    start = _aware(start_value, zone)
    end_value = _dt(event, "DTEND")
    minutes: int | None = None
    if end_value is not None:
        minutes = int((_aware(end_value, zone) - start).total_seconds() // 60)
    else:
        duration = getattr(event.get("DURATION"), "dt", None)
        if isinstance(duration, timedelta):
            minutes = int(duration.total_seconds() // 60)
    if minutes is not None and not 0 <= minutes <= 60 * 24 * 31:
        minutes = None  # end before start or absurd length: unknown duration
    summary = " ".join(str(event.get("SUMMARY", "")).split())
    cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
    if summary.casefold().startswith(CANCELLED_PREFIXES):
        # Outlook and Exchange keep cancelled meetings with a "Canceled:" title.
        cancelled = True
        summary = summary.partition(":")[2].strip()
    key = uid
    if series:
        rid = _dt(event, "RECURRENCE-ID") or start_value
        key = f"{uid}|{_stamp(_aware(rid, zone))}"
    if people is None:
        people = people_of(event, known)
    return Occurrence(key, uid, series, start, minutes, summary, cancelled, people)


def people_of(event: icalendar.Component, known: Known | None = None) -> tuple[Person, ...]:
    """The organiser and the attendees who are people, as listed.

    `known` remembers each property object's person: icalendar's parser in
    ics.repeated gives every event with the same ATTENDEE line the same object.
    """
    people: list[Person] = []
    organizer = event.get("ORGANIZER")
    if organizer is not None:
        person = _listed(organizer, True, known)
        if person:
            people.append(person)
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        person = _listed(attendee, False, known)
        if person:
            people.append(person)
    return tuple(people)


def _listed(address: Any, organizer: bool, known: Known | None) -> Person | None:
    if known is not None:
        key = (id(address), organizer)
        if key in known:
            return known[key][1]
    person = None
    params = getattr(address, "params", {})
    if organizer:
        person = _person(address, organizer=True)
    elif str(params.get("CUTYPE", "")).upper() in {"ROOM", "RESOURCE"}:
        pass  # meeting rooms and projectors are not people
    elif str(params.get("ROLE", "")).upper() != "NON-PARTICIPANT":
        person = _person(address)
    if known is not None:
        known[key] = (address, person)
    return person


def _person(address: Any, organizer: bool = False) -> Person | None:
    text = str(address).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    email = text.strip().lower()
    params = getattr(address, "params", {})
    if not EMAIL.match(email):
        # iCloud writes "urn:uuid:…" with the address in the EMAIL parameter (RFC 7986).
        email = str(params.get("EMAIL", "")).strip().lower().removeprefix("mailto:")
    if not EMAIL.match(email) or len(email) > 254:
        return None  # not an address we could store or match (e.g. a broken export)
    name = str(params.get("CN", "")).strip()
    partstat = str(params.get("PARTSTAT", "")).strip().upper()
    role = "" if organizer else str(params.get("ROLE", "")).strip().upper()
    return Person(
        email,
        name,
        partstat,
        organizer,
        role,
        _addresses(params.get("DELEGATED-FROM")),
        _addresses(params.get("DELEGATED-TO")),
    )


def _addresses(value: Any) -> tuple[str, ...]:
    """The e-mail addresses of a DELEGATED-FROM/-TO parameter ("mailto:a@x","mailto:b@y")."""
    if not value:
        return ()
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    found = (str(item).strip().strip('"').lower().removeprefix("mailto:") for item in items)
    return tuple(a for a in found if EMAIL.match(a))


def _dt(event: icalendar.Component, name: str) -> date | datetime | None:
    value = event.get(name)
    if value is None:
        return None
    inner = getattr(value, "dt", None)
    if not isinstance(inner, date):
        raise ValueError(f"{name} is not a date or time ({str(value)[:40]!r})")
    return inner


def _aware(value: date | datetime, zone: tzinfo) -> datetime:
    """UTC instant; floating times and all-day dates are read in the calendar's zone."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _decode(data: bytes) -> str:
    """UTF-8 as the standard says; older Outlook exports are Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def window_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """[since 00:00 UTC, the day after until 00:00 UTC)."""
    start = datetime.combine(since, time(), UTC)
    end = datetime.combine(until + timedelta(days=1), time(), UTC)
    return start, end
