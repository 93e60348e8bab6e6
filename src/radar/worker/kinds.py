"""What each kind of job does. Each runner takes the job and its progress reporter and
returns the result to keep (plain JSON) — or raises `JobFailed` with a message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from radar.notify.alerts import check_alerts
from radar.notify.digest_send import send_due_digests
from radar.portfolio.assessments import evaluate_portfolio
from radar.progress import Progress, no_progress
from radar.web.import_job import run_import_job
from radar.worker import rescore
from radar.worker.jobs import Reporter, report_orphans, scheduled
from radar.worker.models import Job

JOBS_KEPT_DAYS = 30


def _evaluate_everyone(report: Reporter) -> dict[str, Any]:
    """Assess every active alliance (one process per core), then send what changed."""
    today = timezone.localdate()
    claimed = rescore.claim_all()
    report.say("Assessing every alliance…")
    assessments = evaluate_portfolio(today, progress=report, workers=None)
    rescore.clear_claimed(claimed)
    report.say("Checking for alerts…")
    sent = check_alerts([a.alliance_id for a in assessments], today)
    report.say(f"Assessed {len(assessments)} alliances; {sent} alert(s) sent.")
    return {"alliances": len(assessments), "alerts": sent}


def evaluate(job: Job, report: Reporter) -> dict[str, Any]:
    return _evaluate_everyone(report)


def nightly(job: Job, report: Reporter) -> dict[str, Any]:
    result = _evaluate_everyone(report)
    report_orphans()
    old = timezone.now() - timedelta(days=JOBS_KEPT_DAYS)
    Job.objects.filter(finished_at__lt=old).delete()
    return result


def rescore_and_alert(progress: Progress = no_progress) -> tuple[int, int]:
    """Assess the alliances written to since their last assessment, then send what
    changed; returns (alliances, alerts). The job, and `radar import` inline."""
    today = timezone.localdate()
    ids = rescore.rescore_marked(today, progress=progress)
    return len(ids), check_alerts(ids, today)


def rescore_job(job: Job, report: Reporter) -> dict[str, Any]:
    alliances, sent = rescore_and_alert(report)
    report.say(f"Assessed {alliances} changed alliance(s); {sent} alert(s) sent.")
    return {"alliances": alliances, "alerts": sent}


def digests(job: Job, report: Reporter) -> dict[str, Any]:
    sent = send_due_digests(timezone.localdate(), progress=report)
    report.say(f"{sent} digest(s) sent.")
    return {"digests": sent}


def import_file(job: Job, report: Reporter) -> dict[str, Any]:
    return run_import_job(job, report)


RUNNERS: dict[str, Callable[[Job, Reporter], dict[str, Any]]] = {
    Job.Kind.IMPORT: import_file,
    Job.Kind.EVALUATE: evaluate,
    Job.Kind.NIGHTLY: nightly,
    Job.Kind.RESCORE: rescore_job,
    Job.Kind.DIGESTS: digests,
}


def rescore_if_marked() -> str:
    """The frequent schedule: a job only when some alliance was written to."""
    if not rescore.marked():
        return "nothing to do"
    return scheduled(Job.Kind.RESCORE)
