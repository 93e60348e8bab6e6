"""What the worker keeps: user-visible jobs with their progress, and alliances to re-score."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class Job(models.Model):
    """One piece of background work, as people see it: what, how far, how it ended.

    The queue itself (django-q2's tables) only carries "run job N"; this row holds
    the progress a page shows and the outcome. `attempts` counts starts, so a job
    whose worker died is retried up to RADAR_JOB_ATTEMPTS times and then reported
    as failed instead of vanishing. `key` makes a scheduled run unique (one nightly
    run per scheduled instant, even when several workers or a retry start it).
    """

    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EVALUATE = "evaluate", "Assess every alliance"
        NIGHTLY = "nightly", "Nightly re-assessment"
        RESCORE = "rescore", "Re-assess changed alliances"
        DIGESTS = "digests", "Weekly digests"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=100, unique=True, null=True, blank=True)
    label = models.CharField(max_length=300)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    message = models.CharField(max_length=500, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="job_status_created")]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))


class RescoreMark(models.Model):
    """An alliance written to since it was last assessed (kept by database triggers).

    Triggers (portfolio migration 0013) insert a mark for every write that
    touches an alliance, whatever wrote it; the re-score job claims the marks
    (`pending` false), assesses those alliances and deletes the marks that are
    still claimed. A write landing meanwhile sets `pending` again, so the mark
    survives and the alliance is assessed once more; a job that dies leaves its
    marks behind for the next run. No foreign key: a mark may outlive its alliance.
    """

    alliance_id = models.BigIntegerField(primary_key=True)
    pending = models.BooleanField(default=True)
    marked_at = models.DateTimeField(db_default=Now())

    def __str__(self) -> str:
        return f"alliance {self.alliance_id}"
