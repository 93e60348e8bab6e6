"""Downloads: the current assessments as a spreadsheet (every reader) and the whole
portfolio as a bundle (managers and admins: it holds every record, e-mail addresses
and notes included, and `radar import` reads it back)."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from radar.accounts.roles import Ability, can, requires
from radar.exports.assessments_xlsx import write_workbook
from radar.ingest.bundle import export_bundle
from radar.portfolio.models import Alliance
from radar.web.dashboard.portfolio import latest_payloads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires(Ability.READ)
def exports(request: HttpRequest) -> HttpResponse:
    context = {
        "can_edit": can(request.user, Ability.EDIT),
        "alliances": Alliance.objects.filter(active=True).count(),
    }
    return render(request, "web/records/exports.html", context)


@requires(Ability.READ)
def assessments_xlsx(request: HttpRequest) -> FileResponse:
    active = Alliance.objects.filter(active=True)
    payloads = latest_payloads(active)
    alliances = active.select_related("partner", "owner").order_by("name")
    out = io.BytesIO()
    now = timezone.localtime()
    write_workbook(out, ((a, payloads.get(a.pk)) for a in alliances), now)
    out.seek(0)
    name = f"alliance-radar-assessments-{now:%Y-%m-%d}.xlsx"
    return FileResponse(out, as_attachment=True, filename=name, content_type=XLSX)


@requires(Ability.EDIT)
def bundle_zip(request: HttpRequest) -> FileResponse:
    now = timezone.localtime()
    handle, path = tempfile.mkstemp(prefix="radar-export-", suffix=".zip")
    os.close(handle)
    try:
        export_bundle(Path(path), as_zip=True, exported_at=now)
        data = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        os.unlink(path)  # the open handle keeps the data readable until it is closed
    name = f"alliance-radar-{now:%Y-%m-%d}.zip"
    return FileResponse(data, as_attachment=True, filename=name, content_type="application/zip")
