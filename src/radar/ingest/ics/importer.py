"""`radar import calendar.ics`: validate the whole file, then write in one transaction."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from radar import gcpause
from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem, Progress
from radar.ingest.common import head, load_directory, read_bytes, today
from radar.ingest.ics.plan import CalendarPlan
from radar.ingest.ics.reader import window_bounds
from radar.ingest.ics.rituals import RitualRules
from radar.ingest.ics.source import CalendarFile
from radar.ingest.interactions import IncomingInteraction, InteractionSync
from radar.ingest.mapping import Directory

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
        rules = _rules(path)
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
        _explain_skips(plan, directory, summary, since, until)
        with transaction.atomic():
            plan.contacts.plan(summary)
            sync = InteractionSync(self.kind, {r.alliance_id for r in plan.rows})
            rows = plan.rows + vanished(sync, plan, start, end)
            sync.plan(rows, summary)
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


def vanished(
    sync: InteractionSync, plan: CalendarPlan, start: datetime, end: datetime
) -> list[IncomingInteraction]:
    """Stored occurrences of a series in this file that the file no longer has.

    A newer export drops an occurrence (an EXDATE, or a deleted instance) when
    the meeting was called off, so it is marked cancelled rather than deleted:
    the missed meeting is itself a signal.
    """
    incoming = {(r.alliance_id, r.external_id) for r in plan.rows}
    rows = []
    for (alliance_id, external_id), stored in sync.stored.items():
        uid, bar, _ = external_id.rpartition("|")
        if not bar or (alliance_id, uid) not in plan.series:
            continue
        if (alliance_id, external_id) in incoming or stored.values["cancelled"]:
            continue
        if start <= stored.values["occurred_at"] < end:
            values = {"cancelled": True, "partner_attended": 0, "ours_attended": 0}
            rows.append(IncomingInteraction(alliance_id, external_id, values, None))
    return rows


def _rules(path: Path) -> RitualRules:
    try:
        return RitualRules.from_settings()
    except (ValueError, re.error) as exc:
        problem = Problem(path.name, "setting RADAR_RITUAL_PATTERNS", f"cannot use it: {exc}")
        raise ImportFailed([problem]) from exc


def _explain_skips(
    plan: CalendarPlan, directory: Directory, summary: ImportSummary, since: date, until: date
) -> None:
    summary.warnings.append(f"meetings read from {since} to {until} (--since/--until)")
    if plan.skipped["no_partner"]:
        summary.warnings.append(
            f"{plan.skipped['no_partner']:,} calendar entries have no partner attendee "
            "and are not alliance meetings (skipped)"
        )
    if plan.skipped["outside_window"]:
        summary.warnings.append(
            f"{plan.skipped['outside_window']:,} partner meetings fall outside the window"
        )
    for partner_id, count in plan.ambiguous.items():
        name = directory.partner_names.get(partner_id, "?")
        names = ", ".join(a.name for a in directory.alliances.get(partner_id, []))
        reason = f"{name} has several alliances ({names})" if names else f"{name} has no alliance"
        summary.warnings.append(
            f"{count:,} meetings with {name} skipped: {reason}; import with --alliance NAME"
        )
    if not directory.knows_our_domains:
        summary.warnings.append(
            "RADAR_OUR_DOMAINS is not set: attendees who are not partners count as our side"
        )
