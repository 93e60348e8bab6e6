"""Calendar exports as Google Calendar and Outlook/Exchange write them.

A recurring meeting is a master VEVENT with an RRULE (and an UNTIL once it
ends or changes). When the invitees change (someone leaves, a junior is sent
in the sponsor's place) the series is split, as "this and following events"
does. An occurrence whose answers differ from the series' usual ones is an
override (RECURRENCE-ID). A cancelled occurrence is an EXDATE on the master in
Google's export (it simply vanishes) and a `STATUS:CANCELLED` override titled
"Canceled: …" in Outlook's. Single meetings are plain VEVENTs; Google writes
their times in UTC, Outlook in the organiser's zone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.accuracy.e2e.zones import tzid, vtimezone
from bench.accuracy.world import Meeting, Partstat, SeriesDef, World

STAMP = "20260101T000000Z"  # fixed, so an export is reproduced byte for byte


def fold(line: str) -> list[str]:
    """RFC 5545 folding: at most 75 octets a line, continuations start with a space."""
    parts, rest, limit = [], line, 75
    while len(rest.encode()) > limit:
        cut = limit
        while len(rest[:cut].encode()) > limit:
            cut -= 1
        parts.append(rest[:cut])
        rest, limit = rest[cut:], 74
    parts.append(rest)
    return [parts[0], *(" " + p for p in parts[1:])]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


class CalendarWriter:
    def __init__(self, client: str):
        self.client = client
        self.lines: list[str] = []
        self.events = 0

    def _local(self, when: datetime, zone: str) -> str:
        return f";TZID={tzid(zone, self.client)}:{when.astimezone(ZoneInfo(zone)):%Y%m%dT%H%M%S}"

    def _time(self, name: str, when: datetime, zone: str, utc: bool = False) -> str:
        if utc:
            return f"{name}:{when.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return name + self._local(when, zone)

    def _people(
        self, world: World, meeting: Meeting, answers: Sequence[tuple[str, Partstat]]
    ) -> list[str]:
        organizer = world.person(meeting.organizer)
        lines = [f"ORGANIZER;CN={organizer.name}:mailto:{organizer.email}"]
        for email, answer in answers:
            if self.client == "outlook" and email == meeting.organizer:
                continue  # Outlook leaves the organiser out of the attendees
            person = world.person(email)
            if self.client == "google":
                lines.append(
                    f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={answer.value};"
                    f"CN={person.name};X-NUM-GUESTS=0:mailto:{email}"
                )
            else:
                lines.append(
                    f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT={answer.value};RSVP=TRUE;"
                    f"CN={person.name}:mailto:{email}"
                )
        return lines

    def _event(self, body: list[str], cancelled: bool, title: str, instance: str) -> None:
        summary = f"Canceled: {title}" if cancelled and self.client == "outlook" else title
        lines = ["BEGIN:VEVENT", *body, f"DTSTAMP:{STAMP}", f"SUMMARY:{_escape(summary)}",
                 f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}", "SEQUENCE:0"]  # fmt: skip
        if self.client == "outlook":
            lines += [
                f"X-MICROSOFT-CDO-BUSYSTATUS:{'FREE' if cancelled else 'BUSY'}",
                f"X-MICROSOFT-CDO-INSTTYPE:{instance}",
                "LOCATION:Microsoft Teams Meeting",
            ]
        else:
            lines += ["TRANSP:OPAQUE", "LOCATION:"]
        self.lines += [*lines, "END:VEVENT"]
        self.events += 1

    def single(self, world: World, meeting: Meeting) -> None:
        end = meeting.start + timedelta(minutes=meeting.minutes)
        utc = self.client == "google"
        body = [
            f"UID:{meeting.uid}",
            self._time("DTSTART", meeting.start, world.zone, utc),
            self._time("DTEND", end, world.zone, utc),
            *self._people(world, meeting, meeting.responses),
        ]
        self._event(body, meeting.cancelled, meeting.title, "0")

    def series(self, world: World, series: SeriesDef, occurrences: list[Meeting]) -> None:
        for n, segment in enumerate(_segments(occurrences)):
            uid = series.uid if n == 0 else _split_uid(series.uid, segment[0].start, self.client, n)
            self._segment(world, series, uid, segment)

    def _segment(self, world: World, series: SeriesDef, uid: str, segment: list[Meeting]) -> None:
        zone, first = world.zone, segment[0]
        usual = _usual_answers(segment)
        until = f"{segment[-1].start.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        body = [
            f"UID:{uid}",
            self._time("DTSTART", first.start, zone),
            self._time("DTEND", first.start + timedelta(minutes=series.minutes), zone),
            f"RRULE:{series.rule};UNTIL={until}",
        ]
        cancelled = [m for m in segment if m.cancelled]
        if self.client == "google" and cancelled:
            days = ",".join(
                f"{m.start.astimezone(ZoneInfo(zone)):%Y%m%dT%H%M%S}" for m in cancelled
            )
            body.append(f"EXDATE;TZID={tzid(zone, self.client)}:{days}")
        self._event([*body, *self._people(world, first, usual)], False, series.title, "1")
        for m in segment:
            if m.cancelled and self.client == "google":
                continue  # gone from the export: only the EXDATE says it existed
            if m.cancelled or dict(m.responses) != dict(usual):
                self._override(world, series, uid, m, usual)

    def _override(
        self,
        world: World,
        series: SeriesDef,
        uid: str,
        m: Meeting,
        usual: Sequence[tuple[str, Partstat]],
    ) -> None:
        zone = world.zone
        body = [
            f"UID:{uid}",
            self._time("RECURRENCE-ID", m.start, zone),
            self._time("DTSTART", m.start, zone),
            self._time("DTEND", m.start + timedelta(minutes=m.minutes), zone),
            *self._people(world, m, m.responses if not m.cancelled else usual),
        ]
        self._event(body, m.cancelled, series.title, "3")

    def write(self, path: Path, worlds: Iterable[World]) -> int:
        worlds = list(worlds)
        zones = sorted({w.zone for w in worlds})
        head = ["BEGIN:VCALENDAR", "VERSION:2.0"]
        if self.client == "google":
            head += [
                "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Alliances", "X-WR-TIMEZONE:Europe/Berlin",
            ]  # fmt: skip
        else:
            head += [
                "METHOD:PUBLISH",
                "PRODID:Microsoft Exchange Server 2010",
                "X-WR-CALNAME:Calendar",
            ]
        self.lines = [*head, *(line for z in zones for line in vtimezone(z, self.client))]
        for world in worlds:
            by_series = {s.uid: s for s in world.series}
            grouped: dict[str, list[Meeting]] = {}
            for meeting in world.meetings:
                if meeting.series is None:
                    self.single(world, meeting)
                else:
                    grouped.setdefault(meeting.series, []).append(meeting)
            for uid, occurrences in grouped.items():
                self.series(world, by_series[uid], sorted(occurrences, key=lambda m: m.start))
        self.lines.append("END:VCALENDAR")
        text = "\r\n".join(folded for line in self.lines for folded in fold(line)) + "\r\n"
        path.write_text(text, encoding="utf-8", newline="")
        return self.events


def _segments(occurrences: list[Meeting]) -> list[list[Meeting]]:
    """Runs of occurrences with the same invitees: a change of invitees splits the series."""
    segments: list[list[Meeting]] = []
    for m in occurrences:
        invited = {e for e, _ in m.responses}
        if segments and {e for e, _ in segments[-1][0].responses} == invited:
            segments[-1].append(m)
        else:
            segments.append([m])
    return segments


def _usual_answers(segment: list[Meeting]) -> tuple[tuple[str, Partstat], ...]:
    """Each invitee's most frequent answer over the segment: what the master carries."""
    held = [m for m in segment if not m.cancelled] or segment
    order = [e for e, _ in held[0].responses]
    counts = {e: Counter(dict(m.responses)[e] for m in held) for e in order}
    return tuple((e, counts[e].most_common(1)[0][0]) for e in order)


def _split_uid(uid: str, start: datetime, client: str, n: int) -> str:
    if client == "google":
        base = uid.removesuffix("@google.com")
        return f"{base}_R{start.astimezone(UTC):%Y%m%dT%H%M%S}@google.com"
    return f"{uid[:-8]}{n:08X}"
