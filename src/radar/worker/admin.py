"""The Django admin shows the worker's schedules and jobs.

django-q2's own pages for queued, successful and failed tasks are left out: its
tasks only say "run job N"; the Job rows (and the Jobs page) say what happened.
"""

from django.contrib import admin
from django_q.models import Failure, OrmQ, Success

from radar.worker.models import Job

for model in (Failure, OrmQ, Success):
    admin.site.unregister(model)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("label", "kind", "status", "attempts", "created_at", "finished_at")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in Job._meta.fields]  # jobs are started from the site
