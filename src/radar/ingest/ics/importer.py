"""`radar import calendar.ics`: validate the whole file, then write in one transaction."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from radar import gcpause
from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.common import head, load_directory, read_bytes, today
from radar.ingest.ics.explain import explain
from radar.ingest.ics.plan import CalendarPlan
from radar.ingest.ics.reader import window_bounds
from radar.ingest.ics.rituals import RitualRules
from radar.ingest.ics.source import CalendarFile
from radar.ingest.ics.vanished import vanished
from radar.ingest.interactions import InteractionSync
from radar.ingest.mapping import Directory
from radar.progress import Progress

SUFFIXES = {".ics", ".ical", ".icalendar", ".ifb", ".vcs"}
# How far the default window reaches when no alliance start date is known.
DEFAULT_LOOKBACK_DAYS = 3 * 365
DEFAULT_LOOKAHEAD_DAYS = 90


class IcsImporter:
    kind = "ics"
    description = "Calendar export (.ics) from Google, Outlook/Exchange, Apple or Thunderbird"

    def detect(self, path: Path) -> bool:
        if not path.is_file():
            return False
        start = head(path, 512).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
        return path.suffix.lower() in SUFFIXES or start.startswith(b"BEGIN:VCALENDAR")

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        # Reading, mapping and writing a large calendar keep every row alive to
        # the end: each full pass of the cycle collector would re-scan them all
        # (nine passes on the 50,000-event benchmark, a fifth of this process's
        # CPU). Reference counting still frees the rest.
        with gcpause.paused():
            return self._run(path, options, progress)

    def _run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        data = read_bytes(path)
        directory = load_directory(path, options)
        rules = _rules(path, options)
        since, until = default_window(options, directory)
        if since > until:
            message = f"the window starts ({since}) after it ends ({until})"
            raise ImportFailed([Problem(path.name, "options --since/--until", message)])
        cal_file = CalendarFile(path.name, data, ZoneInfo(settings.TIME_ZONE))
        if cal_file.problems:
            raise ImportFailed(cal_file.problems)
        start, end = window_bounds(since, until)
        now = window_bounds(today(options), today(options))[1]  # the end of today, UTC
        plan = CalendarPlan(directory, rules, start, end, now)
        plan.read(cal_file, progress)
        if plan.problems:
            raise ImportFailed(plan.problems)
        summary = ImportSummary(kind=self.kind, source=str(path), dry_run=options.dry_run)
        explain(plan, summary, options, (since, until))
        with transaction.atomic():
            plan.contacts.plan(summary)
            sync = InteractionSync(self.kind, {r.alliance_id for r in plan.rows})
            cancelled, removed = vanished(sync, plan, (start, end))
            sync.plan(plan.rows + cancelled, summary)
            sync.remove(removed, summary)
            if not options.dry_run:
                sync.apply(plan.contacts.write())
        return summary


def default_window(options: ImportOptions, directory: Directory) -> tuple[date, date]:
    """--since/--until, else from the alliance's start (or 3 years back) to today + 90 days."""
    now = today(options)
    until = options.until or now + timedelta(days=DEFAULT_LOOKAHEAD_DAYS)
    if options.since:
        return options.since, until
    if directory.forced is not None:
        starts = [directory.forced.started_on]
    else:
        starts = [a.started_on for group in directory.alliances.values() for a in group]
    known = [d for d in starts if d is not None]
    return (min(known) if known else now - timedelta(days=DEFAULT_LOOKBACK_DAYS)), until


def _rules(path: Path, options: ImportOptions) -> RitualRules:
    try:
        return RitualRules.from_settings()
    except (ValueError, re.error) as exc:
        where = options.say("setting RADAR_RITUAL_PATTERNS", "the server's meeting-title patterns")
        message = options.say(
            f"cannot use it: {exc}", f"they cannot be used ({exc}); ask your administrator"
        )
        raise ImportFailed([Problem(path.name, where, message)]) from exc
