"""Start jobs, run them, report their progress.

`enqueue` creates the `Job` row people see and hands "run job N" to the task
queue (django-q2 on the database), or runs it at once in this process when
RADAR_JOBS_INLINE is set. `run_job` is what a worker executes: it counts the
attempt, gives up (and says so) after RADAR_JOB_ATTEMPTS starts — a worker that
died mid-job does not retry forever — and turns any exception into a failed job
with a plain message, the traceback going to the log.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_q.tasks import async_task

from radar.worker.models import Job

log = logging.getLogger(__name__)

TASK = "radar.worker.jobs.run_job"
LABELS = {kind.value: kind.label for kind in Job.Kind}
PROGRESS_EVERY_SECONDS = 0.5  # progress writes are throttled: one UPDATE per interval


class JobFailed(Exception):
    """A job ended with a message for the person who started it (no traceback needed),
    and possibly a result to keep (e.g. the problems an import found)."""

    def __init__(self, message: str, result: dict[str, Any] | None = None):
        super().__init__(message)
        self.result = result


def enqueue(
    kind: str,
    label: str,
    params: dict[str, Any] | None = None,
    *,
    user: Any = None,
    key: str | None = None,
) -> Job:
    """Record a job and queue it (or run it now when jobs run inline)."""
    job = Job.objects.create(
        kind=kind,
        label=label[:300],
        params=params or {},
        key=key,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    dispatch(job)
    return job


def dispatch(job: Job) -> None:
    """Queue a recorded job once the surrounding transaction commits (so a worker
    can see its row), or run it here and now when jobs run inline."""
    if settings.RADAR_JOBS_INLINE:
        run_job(job.pk)  # in the caller's transaction, which can see the new row
        return

    transaction.on_commit(lambda: async_task(TASK, job.pk, task_name=f"job-{job.pk}"))


def run_job(job_id: int) -> str:
    """Run one job (what the worker executes). Returns its final status."""
    # radar.worker.kinds imports this module (Reporter, scheduled): the runners are
    # looked up when a job runs, the one place the two meet the other way round.
    from radar.worker.kinds import RUNNERS

    started = _start(job_id)
    if started is None:
        return "skipped"
    job = started
    report = Reporter(job)
    try:
        job.result = RUNNERS[job.kind](job, report)
    except JobFailed as failed:
        job.result = failed.result
        return _finish(job, Job.Status.FAILED, str(failed))
    except Exception as exc:
        log.exception("Job %s (%s) failed", job.pk, job.label)
        message = "Something went wrong; the details are in the worker's log."
        return _finish(job, Job.Status.FAILED, message, error=repr(exc))
    return _finish(job, Job.Status.DONE, job.message or "Finished.")


def _start(job_id: int) -> Job | None:
    """Claim the job for this attempt; None when there is nothing (more) to do."""
    updated = Job.objects.filter(pk=job_id, status__in=[Job.Status.QUEUED, Job.Status.RUNNING])
    if not updated.update(attempts=F("attempts") + 1, status=Job.Status.RUNNING):
        return None  # already finished (a late redelivery) or deleted
    job = Job.objects.get(pk=job_id)
    if job.attempts > settings.RADAR_JOB_ATTEMPTS:
        _finish(
            job,
            Job.Status.FAILED,
            f"The worker stopped during this job {job.attempts - 1} times "
            "(killed, out of memory or timed out); it was not tried again.",
        )
        return None
    job.started_at = timezone.now()
    job.done, job.total = 0, None
    if job.attempts > 1:
        job.message = f"Started again (try {job.attempts}): the worker stopped during the last one."
    job.save(update_fields=["started_at", "done", "total", "message"])
    return job


def _finish(job: Job, status: str, message: str, error: str = "") -> str:
    job.status = status
    job.message = message[:500]
    job.error = error
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "error", "finished_at", "result", "done", "total"])
    return status


class Reporter:
    """The progress callback a job's work is given (the importers' and evaluation's
    `progress(advance, total)`), plus `say(message)`; writes at most twice a second."""

    def __init__(self, job: Job, clock: Callable[[], float] = time.monotonic):
        self.job = job
        self.clock = clock
        self.written = 0.0

    def __call__(self, advance: int, total: int | None) -> None:
        self.job.done += advance
        if total is not None:
            self.job.total = total
        self._write()

    def say(self, message: str) -> None:
        self.job.message = message[:500]
        self._write(force=True)

    def _write(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self.written < PROGRESS_EVERY_SECONDS:
            return
        self.written = now
        Job.objects.filter(pk=self.job.pk).update(
            done=self.job.done, total=self.job.total, message=self.job.message
        )


def scheduled(kind: str, intended: str | None = None) -> str:
    """Entry point of a schedule: one job per scheduled instant (`intended`, which
    django-q2 passes), however many workers or retries start it."""
    key = f"{kind}:{intended}" if intended else None
    if key is not None:
        try:
            with transaction.atomic():
                job = Job.objects.create(kind=kind, label=LABELS[kind], key=key)
        except IntegrityError:
            job = Job.objects.get(key=key)  # a retry of the same scheduled run
    else:
        job = Job.objects.create(kind=kind, label=LABELS[kind])
    return run_job(job.pk)


def report_orphans() -> int:
    """Mark as failed the jobs still "running" long after their lease ended: their
    worker died and nothing will retry them (a change-driven re-score that died is
    simply run again as a new job; its marks are still there). Returns how many."""
    lease = timedelta(seconds=int(settings.Q_CLUSTER["retry"]))
    stale = Job.objects.filter(status=Job.Status.RUNNING, started_at__lt=timezone.now() - lease)
    return stale.update(
        status=Job.Status.FAILED,
        finished_at=timezone.now(),
        message="The worker stopped during this job and it was not run again.",
    )
