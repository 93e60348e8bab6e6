"""The worker's schedules, kept in django-q2's Schedule table from the settings.

`ensure_schedules` runs when `radar worker` starts: it creates or updates one
schedule per entry of SCHEDULES (cron expressions in RADAR_TIME_ZONE), so a
changed setting takes effect at the next start and several workers starting
at once converge on the same rows (matched by name). django-q2's scheduler then
turns due schedules into queued tasks, locking the schedule rows, so one run
is queued per due time however many workers there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from croniter import croniter
from django.conf import settings
from django.db import transaction
from django_q.models import Schedule


@dataclass(frozen=True)
class Entry:
    name: str
    func: str
    cron: str
    args: str = ""
    intended: bool = True  # pass the scheduled instant, one Job per run


def entries() -> list[Entry]:
    return [
        Entry(
            "Nightly re-assessment",
            "radar.worker.jobs.scheduled",
            settings.RADAR_NIGHTLY_CRON,
            "'nightly'",
        ),
        Entry(
            "Weekly digests (each user's day)",
            "radar.worker.jobs.scheduled",
            settings.RADAR_DIGEST_CRON,
            "'digests'",
        ),
        Entry(
            "Re-assess changed alliances",
            "radar.worker.kinds.rescore_if_marked",
            settings.RADAR_RESCORE_CRON,
            intended=False,
        ),
    ]


def ensure_schedules() -> list[str]:
    """Create or update the schedules; returns their names with their next run."""
    shown = []
    with transaction.atomic():
        for entry in entries():
            if not croniter.is_valid(entry.cron):
                raise ValueError(f"{entry.name}: {entry.cron!r} is not a cron expression")
            schedule, created = Schedule.objects.select_for_update().get_or_create(
                name=entry.name,
                defaults={"func": entry.func, "schedule_type": Schedule.CRON, "cron": entry.cron},
            )
            changed = created or (schedule.cron, schedule.func, schedule.args) != (
                entry.cron,
                entry.func,
                entry.args,
            )
            schedule.func, schedule.args, schedule.cron = entry.func, entry.args, entry.cron
            schedule.schedule_type = Schedule.CRON
            schedule.repeats = -1
            schedule.intended_date_kwarg = "intended" if entry.intended else None
            if changed:
                schedule.next_run = schedule.calculate_next_run()
            schedule.save()
            shown.append(f"{entry.name}: next {schedule.next_run:%Y-%m-%d %H:%M %Z}")
    return shown
