"""icalendar's own parser, asked only once about each distinct content line.

A calendar export repeats most of its lines: the organiser, the attendees
with their answers, STATUS, the recurring titles and the meeting slots of a
day come back on event after event; in the benchmark's export only the UID
is new on every event. icalendar spends about 30 microseconds on each line
(it walks the line character by character, builds a parameter dictionary,
decodes the value), so parsing a distinct line once and handing the same
parsed property to every event that has the line again halves a worker's
parse.

Everything is still icalendar's: `RepeatedLinesParser` is its calendar
parser (icalendar's parsers are template-method classes meant to be refined
in subclasses) and only `parse_content_lines` and `parse_and_add_property`
are refined, to look a line up before parsing it and to remember what
parsing it added. What is shared, and why it is safe here:

- the property objects (and their parameters) of a repeated line are the
  same objects in every event that has the line, so this parser is only for
  readers that never change what they read: the workers' single-event path
  (ics.parallel). Series are parsed with the plain parser: with shared
  lines, recurring-ical-events expands one of its own test calendars
  (issue_173_only_modifications_error.ics) differently;
- a line whose parsing recorded an error (icalendar's tolerant components
  keep a broken property and note the error) or raised is not remembered:
  every event with it is parsed, and reports, as before;
- a property's value can depend on the VTIMEZONEs parsed so far (a TZID is
  looked up in them), so the memory is emptied at the end of every
  VTIMEZONE and whenever parsing starts over (icalendar re-parses a
  calendar whose time zones come after its events);
- BEGIN and END lines are split once each but always handled by icalendar
  (a component is created or closed every time); the calendar's own
  properties go through icalendar as usual.

tests/ingest/ics/test_repeated.py checks that every calendar shipped with
icalendar and recurring-ical-events, and generated ones, parse to equal
components with and without it.
"""

from __future__ import annotations

from typing import Any

import icalendar
from icalendar.parser.ical.calendar import CalendarIcalParser


class RepeatedLinesParser(CalendarIcalParser):
    """CalendarIcalParser that parses each distinct property line once."""

    _known: dict[str, list[tuple[str, Any]]]
    _adding: list[tuple[str, Any]] | None

    def initialize_parsing(self) -> None:
        super().initialize_parsing()
        self._known = {}
        self._adding = None

    def parse_content_lines(self) -> None:
        # icalendar's loop (ComponentIcalParser.parse_content_lines), with the
        # look-up first and the bookkeeping around handle_property.
        known = self._known
        marks: dict[str, tuple[str, str]] = {}  # BEGIN:/END: lines, split once each
        for line in self._content_lines_iterator:
            if not line:
                continue
            added = known.get(line)
            if added is not None:
                component = self._stack[-1]
                for name, value in added:
                    component.add(name, value, encode=False)
                continue
            mark = marks.get(line)
            if mark is not None:
                uname, vals = mark
            else:
                try:
                    name, params, vals = line.parts()
                except ValueError as e:
                    self.handle_line_parse_error(e)
                    continue
                uname = name.upper()
            if uname == "BEGIN":
                self.handle_begin_component(vals)
                marks[line] = (uname, vals)
            elif uname == "END":
                self.handle_end_component(vals)
                marks[line] = (uname, vals)
                if vals.upper() == "VTIMEZONE":
                    known.clear()  # TZIDs may now resolve differently
            else:
                self._remember(uname, params, vals, line)

    def _remember(self, uname: str, params: Any, vals: str, line: Any) -> None:
        component = self.component
        if component is None or len(self._stack) < 2:
            # The calendar's own properties (and a property outside any
            # component, which icalendar rejects): parsed as usual.
            self.handle_property(uname, params, vals, line)
            return
        errors = len(component.errors)
        self._adding = []
        try:
            self.handle_property(uname, params, vals, line)
            adding = self._adding
        finally:
            self._adding = None
        if adding and len(component.errors) == errors:
            self._known[line] = adding

    def parse_and_add_property(
        self, name: str, params: Any, val: str, tzid: str | None, line: Any
    ) -> None:
        # icalendar's method, noting what it added. Any: icalendar annotates the
        # factory as an instance of one of its value types, yet returns the class.
        factory: Any = self.get_factory_for_property(name, params)
        try:
            parsed_val = factory.from_ical(val, tzid) if tzid else factory.from_ical(val)
        except (ValueError, TypeError) as e:
            self._adding = None  # never remembered: the error is recorded each time
            self.handle_property_parse_error(e, name, params, val, line)
        else:
            vals_inst = factory(parsed_val)
            vals_inst.params = params
            self.component.add(name, vals_inst, encode=False)  # type: ignore[union-attr]
            if self._adding is not None:
                self._adding.append((name, vals_inst))


def calendar_from_ical(text: str) -> icalendar.Component:
    """Like icalendar.Calendar.from_ical(text) for one calendar, lines parsed once each."""
    cls = icalendar.Calendar
    parser = RepeatedLinesParser(text, cls._get_component_factory(), cls.types_factory)
    components = parser.parse()
    if len(components) != 1:
        # The same messages as icalendar's from_ical (the caller falls back anyway).
        raise ValueError(f"Found {len(components)} components where exactly one is required")
    return components[0]
