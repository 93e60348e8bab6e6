"""Jobs: run, report progress, fail with a message, give up after too many starts."""

from __future__ import annotations

from typing import Any

import pytest

from radar.worker import jobs
from radar.worker.kinds import RUNNERS
from radar.worker.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Stand in for what the evaluate kind does, to watch the job machinery itself."""
    seen: dict[str, Any] = {}

    def work(job: Job, report: jobs.Reporter) -> dict[str, Any]:
        seen["attempt"] = job.attempts
        report(0, 3)
        report(3, 3)
        behaviour = seen.get("raise")
        if behaviour is not None:
            raise behaviour
        return {"alliances": 3}

    monkeypatch.setitem(RUNNERS, Job.Kind.EVALUATE, work)
    return seen


def test_it_runs_an_inline_job_and_keeps_its_result(runner: dict[str, Any]) -> None:
    job = jobs.enqueue(Job.Kind.EVALUATE, "Assess")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result == {"alliances": 3}
    assert (job.done, job.total, job.attempts) == (3, 3, 1)
    assert job.started_at is not None and job.finished_at is not None


def test_a_failure_with_a_message_keeps_its_result(runner: dict[str, Any]) -> None:
    runner["raise"] = jobs.JobFailed("Nothing was written.", result={"next": "/why/"})
    job = jobs.enqueue(Job.Kind.EVALUATE, "Assess")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "Nothing was written." and job.result == {"next": "/why/"}


def test_an_unexpected_error_fails_the_job_with_a_plain_message(
    runner: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    runner["raise"] = ZeroDivisionError("boom")
    job = jobs.enqueue(Job.Kind.EVALUATE, "Assess")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "worker's log" in job.message and "ZeroDivisionError" in job.error
    assert "boom" in caplog.text


def test_a_job_whose_worker_died_is_retried_then_reported(
    runner: dict[str, Any], settings: Any
) -> None:
    settings.RADAR_JOB_ATTEMPTS = 2
    job = Job.objects.create(kind=Job.Kind.EVALUATE, label="Assess")
    # A worker claimed it and died: the row says running, one attempt made.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1)
    assert jobs.run_job(job.pk) == Job.Status.DONE
    assert runner["attempt"] == 2

    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=2)
    runner.clear()
    assert jobs.run_job(job.pk) == "skipped"
    job.refresh_from_db()
    assert "attempt" not in runner, "not run a third time"
    assert job.status == Job.Status.FAILED and "stopped during this job 2 times" in job.message


def test_a_finished_job_delivered_again_does_not_run_again(runner: dict[str, Any]) -> None:
    job = jobs.enqueue(Job.Kind.EVALUATE, "Assess")
    runner.clear()
    assert jobs.run_job(job.pk) == "skipped" and runner == {}


def test_a_queued_job_goes_to_the_database_queue_once_committed(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_q.models import OrmQ

    settings.RADAR_JOBS_INLINE = False
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = jobs.enqueue(Job.Kind.EVALUATE, "Assess")
    assert OrmQ.objects.count() == 0, "nothing queued before the commit"
    for callback in callbacks:
        callback()
    (queued,) = OrmQ.objects.all()
    assert queued.task["func"] == jobs.TASK and queued.task["args"] == (job.pk,)
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED


def test_the_reporter_writes_progress_at_most_twice_a_second() -> None:
    job = Job.objects.create(kind=Job.Kind.EVALUATE, label="Assess")
    now = [100.0]
    report = jobs.Reporter(job, clock=lambda: now[0])
    report(0, 10)
    report(4, None)  # same instant: kept in memory only
    assert Job.objects.get(pk=job.pk).done == 0
    now[0] += 0.6
    report(1, None)
    stored = Job.objects.get(pk=job.pk)
    assert (stored.done, stored.total) == (5, 10)
    report.say("Almost there")
    assert Job.objects.get(pk=job.pk).message == "Almost there"


def test_a_scheduled_run_makes_one_job_however_often_it_is_started(
    runner: dict[str, Any],
) -> None:
    assert jobs.scheduled("evaluate", "2026-03-02T02:30:00+00:00") == Job.Status.DONE
    assert jobs.scheduled("evaluate", "2026-03-02T02:30:00+00:00") == "skipped"
    assert jobs.scheduled("evaluate", "2026-03-03T02:30:00+00:00") == Job.Status.DONE
    assert Job.objects.filter(kind=Job.Kind.EVALUATE).count() == 2


def test_jobs_running_long_past_their_lease_are_reported(settings: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    lease = settings.Q_CLUSTER["retry"]
    now = timezone.now()
    orphan = Job.objects.create(
        kind=Job.Kind.RESCORE,
        label="Re-assess",
        status="running",
        started_at=now - timedelta(seconds=lease + 5),
    )
    alive = Job.objects.create(
        kind=Job.Kind.IMPORT,
        label="Import",
        status="running",
        started_at=now - timedelta(seconds=lease - 5),
    )
    assert jobs.report_orphans() == 1
    orphan.refresh_from_db()
    alive.refresh_from_db()
    assert orphan.status == Job.Status.FAILED and "not run again" in orphan.message
    assert alive.status == Job.Status.RUNNING
