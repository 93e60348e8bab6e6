"""Drop the event properties the importer never reads before icalendar parses them.

icalendar spends about 30 microseconds on each content line (it splits every
line character by character and decodes its value), and exports carry lines
the importer never looks at: DTSTAMP on every event, DESCRIPTION bodies,
X-ALT-DESC, ATTACH, CREATED, LAST-MODIFIED... Only the worker's single-event
path uses this (ics.parallel): it reads nothing but the properties in `READ`
(see reader.uid_of, is_series, _occurrence and people_of). Series are parsed
again from the untouched text, so the recurrence expander still sees every
line.

Only lines that are plainly a property of a VEVENT itself are dropped (with
their folded continuations); BEGIN/END lines, the calendar's header, time
zones, nested components (VALARM) and anything that does not look like a
plain `NAME:` or `NAME;` line pass through unchanged, so icalendar sees the
same structure and reports the same errors on what is left. icalendar never
raises for a broken property inside an event (it records it and moves on),
so dropping an unread one cannot hide a problem the import would report.
"""

from __future__ import annotations

import re

# Every property the single-event path reads; everything else is dropped.
READ = frozenset(
    {
        "UID",
        "SUMMARY",
        "DTSTART",
        "DTEND",
        "DURATION",
        "STATUS",
        "ORGANIZER",
        "ATTENDEE",
        "RRULE",
        "RDATE",
        "EXDATE",
        "EXRULE",
        "RECURRENCE-ID",
    }
)
_NAME = re.compile(r"([A-Za-z0-9-]+)[;:]")


def unread_lines_dropped(text: str) -> str:
    """The calendar text without the VEVENT properties nobody reads."""
    out: list[str] = []
    stack: list[str] = []  # the components we are inside, innermost last
    keep = True  # decides the current property's continuation lines too
    for line in text.split("\n"):
        first = line[:1]
        if first in (" ", "\t") or not line.strip("\r"):
            # A folded continuation (or a blank line icalendar unfolds away):
            # it belongs to the property before it.
            if keep:
                out.append(line)
            continue
        match = _NAME.match(line)
        name = match.group(1).upper() if match else ""
        if name == "BEGIN":
            stack.append(line[6:].strip().upper())
            keep = True
        elif name == "END":
            if stack:
                stack.pop()
            keep = True
        else:
            keep = not (name and stack and stack[-1] == "VEVENT" and name not in READ)
        if keep:
            out.append(line)
    return "\n".join(out)
