"""The import page: upload a file, preview what it would change, then import it.

Managers and admins only. Step 1 saves the upload privately (radar.web.imports.uploads)
and shows a dry run — counts per entity, the mapped columns of a spreadsheet,
or every problem found; step 2 imports for real and re-assesses the alliances
that changed. Nothing a file contains can cause a 500: see radar.web.imports.steps.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from radar.accounts.roles import Ability, requires
from radar.ingest.registry import all_importers
from radar.web.forms.imports import UploadForm
from radar.web.imports.job import SHOWN_WARNINGS, outcome_from, params_for
from radar.web.imports.steps import Outcome, preview
from radar.web.imports.uploads import (
    PendingUpload,
    forget,
    pending_upload,
    remember,
    save_upload,
)
from radar.worker.jobs import enqueue
from radar.worker.models import Job


@requires(Ability.EDIT)
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            file = data["file"]
            path = save_upload(file)
            chosen = data.get("alliance")
            pending = PendingUpload(
                path=str(path),
                name=str(file.name or path.name)[:200],
                size=int(file.size or 0),
                kind=data.get("kind") or "",
                alliance=chosen.slug if chosen else "",
                alliance_name=chosen.name if chosen else "",
                store_bodies=bool(data.get("store_bodies")),
                dayfirst=bool(data.get("dayfirst")),
            )
            remember(request.session, pending)
            return redirect("import_preview")
        return render(
            request, "web/imports/upload.html", _upload_context(request, form), status=400
        )
    return render(request, "web/imports/upload.html", _upload_context(request, UploadForm()))


@requires(Ability.EDIT)
def preview_page(request: HttpRequest) -> HttpResponse:
    pending = pending_upload(request.session)
    if pending is None:
        messages.info(request, "There is no upload waiting for a preview. Choose a file first.")
        return redirect("import_upload")
    failed = _import_job(request, "failed")
    if failed is not None:
        # The queued import stopped (radar.web.imports.job): show why, keep the file.
        context = _preview_context(pending, outcome_from(pending, failed.result or {}))
        context["after_import"] = True
        return render(request, "web/imports/preview.html", context)
    outcome = preview(pending, timezone.localdate())
    return render(request, "web/imports/preview.html", _preview_context(pending, outcome))


@requires(Ability.EDIT)
@require_POST
def run(request: HttpRequest) -> HttpResponse:
    pending = pending_upload(request.session)
    if pending is None:
        messages.info(request, "There is no upload waiting to be imported. Choose a file first.")
        return redirect("import_upload")
    # The worker imports; the job page follows its progress and then shows the result.
    label = f"Import {pending.name}"
    job = enqueue(
        Job.Kind.IMPORT, label, params_for(pending, timezone.localdate()), user=request.user
    )
    return redirect("job", job.pk)


@requires(Ability.EDIT)
@require_POST
def cancel(request: HttpRequest) -> HttpResponse:
    if pending_upload(request.session) is not None:
        messages.info(request, "The upload was discarded; nothing was imported.")
    forget(request.session)
    return redirect("import_upload")


@requires(Ability.EDIT)
def done(request: HttpRequest) -> HttpResponse:
    job = _import_job(request, "done")
    if job is None or not isinstance(job.result, dict):
        return redirect("import_upload")
    return render(request, "web/imports/done.html", {"result": job.result})


def _import_job(request: HttpRequest, status: str) -> Job | None:
    """The import job named by ?job=, when it ended with `status`."""
    job_id = request.GET.get("job", "")
    if not job_id.isdigit():
        return None
    return Job.objects.filter(pk=int(job_id), kind=Job.Kind.IMPORT, status=status).first()


def _upload_context(request: HttpRequest, form: UploadForm) -> dict[str, Any]:
    return {
        "form": form,
        "pending": pending_upload(request.session),
        "importers": all_importers(),
    }


def _preview_context(pending: PendingUpload, outcome: Outcome) -> dict[str, Any]:
    return {"pending": pending, "outcome": outcome, "shown_warnings": SHOWN_WARNINGS}
