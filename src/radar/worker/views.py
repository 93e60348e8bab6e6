"""Job pages: one job's progress (polled by HTMX, refreshed without it), recent jobs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from radar.accounts.roles import Ability, requires
from radar.web.present import wants_region
from radar.worker.jobs import enqueue
from radar.worker.models import Job

RECENT = 30


@requires(Ability.EDIT)
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    following = isinstance(job.result, dict) and job.result.get("next")
    if job.finished and following:
        target = str(job.result["next"])  # type: ignore[index]
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(status=204, headers={"HX-Redirect": target})
        return redirect(target)
    template = "worker/_job_progress.html" if wants_region(request) else "worker/job.html"
    return render(request, template, {"job": job})


@requires(Ability.EDIT)
def jobs_page(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.select_related("created_by")[:RECENT]
    return render(request, "worker/jobs.html", {"jobs": jobs})


@requires(Ability.EDIT)
@require_POST
def evaluate_now(request: HttpRequest) -> HttpResponse:
    job = enqueue(Job.Kind.EVALUATE, Job.Kind.EVALUATE.label, user=request.user)
    return redirect("job", job.pk)
