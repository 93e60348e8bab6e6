"""What each kind of job does. Each runner takes the job and its progress reporter and
returns the result to keep (plain JSON) — or raises `JobFailed` with a message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from radar.notify.alerts import check_alerts
from radar.notify.digest_send import send_due_digests
from radar.portfolio.assessments import evaluate_portfolio
from radar.progress import Progress, no_progress
from radar.web.imports.job import run_import_job
from radar.worker import rescore
from radar.worker.jobs import JobFailed, Reporter, report_orphans, scheduled
from radar.worker.models import Job

if TYPE_CHECKING:
    from radar.notify.alerts import AlertsSent

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
    report.say(f"Assessed {len(assessments)} alliances; {sent.alerts} alert(s) sent.")
    return {"alliances": len(assessments), "alerts": sent.alerts, "undelivered": sent.undelivered}


def _undelivered_fails(result: dict[str, Any], done: str) -> dict[str, Any]:
    """A mail server or chat webhook that refused messages fails the job, with what
    was done, so the Jobs page shows it: the inbox has them, the mail does not."""
    if result.get("undelivered"):
        raise JobFailed(
            f"{done} {result['undelivered']} e-mail(s) or chat post(s) could not be "
            "delivered (their inbox has them); the details are in the worker's log.",
            result=result,
        )
    return result


def evaluate(job: Job, report: Reporter) -> dict[str, Any]:
    result = _evaluate_everyone(report)
    return _undelivered_fails(result, f"Assessed {result['alliances']} alliances, but")


def nightly(job: Job, report: Reporter) -> dict[str, Any]:
    result = _evaluate_everyone(report)
    report_orphans()
    old = timezone.now() - timedelta(days=JOBS_KEPT_DAYS)
    Job.objects.filter(finished_at__lt=old).delete()
    return _undelivered_fails(result, f"Assessed {result['alliances']} alliances, but")


def rescore_and_alert(progress: Progress = no_progress) -> tuple[int, AlertsSent]:
    """Assess the alliances written to since their last assessment, then send what
    changed; returns (alliances, alerts). The job, and `radar import` inline."""
    today = timezone.localdate()
    ids = rescore.rescore_marked(today, progress=progress)
    return len(ids), check_alerts(ids, today)


def rescore_job(job: Job, report: Reporter) -> dict[str, Any]:
    alliances, sent = rescore_and_alert(report)
    report.say(f"Assessed {alliances} changed alliance(s); {sent.alerts} alert(s) sent.")
    result = {"alliances": alliances, "alerts": sent.alerts, "undelivered": sent.undelivered}
    return _undelivered_fails(result, f"Assessed {alliances} changed alliance(s), but")


def digests(job: Job, report: Reporter) -> dict[str, Any]:
    sent = send_due_digests(timezone.localdate(), progress=report)
    report.say(f"{sent.digests} digest(s) sent.")
    result = {"digests": sent.digests, "undelivered": sent.undelivered}
    return _undelivered_fails(result, f"Sent {sent.digests} digest(s), but")


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
