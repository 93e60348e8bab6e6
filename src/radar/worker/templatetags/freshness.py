"""How fresh the scores on a page are: "assessed 4 minutes ago".

`portfolio_assessed_at` is when the worker last finished re-assessing (the
latest nightly, full or change-driven run), which says how far behind the data
the dashboard can be. An alliance's page reads when its own latest assessment
was computed together with the assessment (radar.web.alliance.data).
"""

from __future__ import annotations

from datetime import datetime

from django import template
from django.db.models import Q

from radar.worker.models import Job

register = template.Library()

REFRESHING = (Job.Kind.NIGHTLY, Job.Kind.EVALUATE, Job.Kind.RESCORE)


@register.simple_tag
def portfolio_assessed_at() -> datetime | None:
    # A run that assessed everything but whose mail was refused failed only to deliver:
    # it keeps its count of alliances, and its scores are as fresh as a run that was done.
    assessed = Q(status=Job.Status.DONE) | Q(status=Job.Status.FAILED, result__has_key="alliances")
    done = Job.objects.filter(assessed, kind__in=REFRESHING)
    return done.order_by("-finished_at").values_list("finished_at", flat=True).first()
