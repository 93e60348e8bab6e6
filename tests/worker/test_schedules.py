"""Schedules: kept from the settings, queued by django-q2's scheduler at the right times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django_q.models import OrmQ, Schedule
from django_q.scheduler import scheduler

from radar.worker.schedules import ensure_schedules

pytestmark = pytest.mark.django_db

NIGHTLY = "Nightly re-assessment"


def queued() -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    found = []
    for row in OrmQ.objects.order_by("id"):
        task = row.task
        kwargs = {k: v for k, v in task["kwargs"].items() if k != "q_options"}
        found.append((task["func"], task["args"], kwargs))
    return found


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-q2's scheduler closes the database connection of a long-running worker
    first; here that connection holds the test's transaction."""
    import django_q.scheduler

    monkeypatch.setattr(django_q.scheduler, "close_old_django_connections", lambda: None)


@pytest.fixture
def clock(settings: Any) -> None:
    settings.TIME_ZONE = "UTC"
    settings.RADAR_NIGHTLY_CRON = "30 2 * * *"
    settings.RADAR_DIGEST_CRON = "0 7 * * *"
    settings.RADAR_RESCORE_CRON = "* * * * *"


def test_it_keeps_one_schedule_per_entry_and_follows_the_settings(
    clock: None, settings: Any
) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False):
        ensure_schedules()
        ensure_schedules()
        assert Schedule.objects.count() == 3
        nightly = Schedule.objects.get(name=NIGHTLY)
        assert nightly.next_run == datetime(2026, 3, 3, 2, 30, tzinfo=UTC)
        settings.RADAR_NIGHTLY_CRON = "0 1 * * *"
        ensure_schedules()
        assert Schedule.objects.get(name=NIGHTLY).next_run == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)


def test_the_nightly_run_is_queued_once_when_due_and_moves_to_the_next_night(
    clock: None,
) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False):
        ensure_schedules()
    Schedule.objects.exclude(name=NIGHTLY).delete()  # watch the nightly one alone
    with time_machine.travel(datetime(2026, 3, 3, 2, 29, tzinfo=UTC), tick=False):
        scheduler()
        assert queued() == []
    with time_machine.travel(datetime(2026, 3, 3, 2, 31, tzinfo=UTC), tick=False):
        scheduler()
        scheduler()  # a second worker's scheduler in the same minute
    intended = "2026-03-03T02:30:00+00:00"
    assert queued() == [("radar.worker.jobs.scheduled", ("nightly",), {"intended": intended})]
    assert Schedule.objects.get(name=NIGHTLY).next_run == datetime(2026, 3, 4, 2, 30, tzinfo=UTC)


def test_digests_run_daily_and_the_rescore_every_minute(clock: None) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 6, 58, 30, tzinfo=UTC), tick=False):
        ensure_schedules()
    for minute in (59, 60, 61):
        hour, rest = divmod(minute, 60)
        with time_machine.travel(datetime(2026, 3, 2, 6 + hour, rest, 5, tzinfo=UTC), tick=False):
            scheduler()
    funcs = [func for func, args, _ in queued()]
    assert funcs.count("radar.worker.kinds.rescore_if_marked") == 3
    assert [args for func, args, _ in queued() if func.endswith("scheduled")] == [("digests",)]
