"""Job pages: progress while running (HTMX polling, a refresh without JavaScript), then
the result; the button that assesses every alliance; "assessed N minutes ago"."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from radar.worker.models import Job
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


def test_a_running_job_shows_its_progress_and_polls(users: dict[str, User]) -> None:
    job = Job.objects.create(
        kind=Job.Kind.IMPORT, label="Import crm.csv", status="running", done=30, total=120
    )
    client = client_for(users["manager"])
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert '<progress max="120" value="30">' in page and "30 of 120 (25%)" in page
    assert 'hx-trigger="every 2s"' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    region = client.get(reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert region.lstrip().startswith('<section class="card job job--running"')


def test_a_finished_job_goes_to_its_result(users: dict[str, User]) -> None:
    job = Job.objects.create(
        kind=Job.Kind.IMPORT, label="Import", status="done", result={"next": "/import/done/?job=1"}
    )
    client = client_for(users["manager"])
    response = client.get(reverse("job", args=[job.pk]))
    assert response.status_code == 302 and response["Location"] == "/import/done/?job=1"
    polled = client.get(reverse("job", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert polled.status_code == 204 and polled["HX-Redirect"] == "/import/done/?job=1"


def test_assess_every_alliance_runs_as_a_job(users: dict[str, User], alliance: Any) -> None:
    client = client_for(users["manager"])
    response = client.post(reverse("jobs_evaluate"), follow=True)
    (job,) = Job.objects.all()
    assert job.kind == Job.Kind.EVALUATE and job.status == Job.Status.DONE
    assert job.created_by == users["manager"]
    assert "Assessed 1 alliances" in response.content.decode()
    listing = client.get(reverse("jobs")).content.decode()
    assert "Assess every alliance" in listing and users["manager"].username in listing


def test_pages_say_how_fresh_the_scores_are(users: dict[str, User], alliance: Any) -> None:
    client = client_for(users["manager"])
    client.post(reverse("jobs_evaluate"))
    Job.objects.update(finished_at=timezone.now() - timedelta(minutes=4))
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Scores refreshed" in dashboard and "4\xa0minutes ago" in dashboard
    page = client.get(reverse("alliance", args=[alliance.slug])).content.decode()
    assert '<span class="assessed-ago">Assessed <time' in page


def test_the_first_visit_to_a_new_alliance_assesses_it_and_says_so(
    users: dict[str, User], alliance: Any
) -> None:
    assert not alliance.assessments.exists()
    page = client_for(users["manager"]).get(reverse("alliance", args=[alliance.slug]))
    assert alliance.assessments.exists()
    assert '<span class="assessed-ago">Assessed <time' in page.content.decode()


def test_a_run_that_assessed_but_could_not_mail_still_counts_as_fresh(
    users: dict[str, User], alliance: Any
) -> None:
    client = client_for(users["manager"])
    Job.objects.create(
        kind=Job.Kind.RESCORE,
        status=Job.Status.FAILED,
        result={"alliances": 1, "alerts": 1, "undelivered": 1},
        finished_at=timezone.now() - timedelta(minutes=4),
    )
    Job.objects.create(  # failed before it assessed anything: no result
        kind=Job.Kind.NIGHTLY, status=Job.Status.FAILED, finished_at=timezone.now()
    )
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Scores refreshed" in dashboard and "4\xa0minutes ago" in dashboard
