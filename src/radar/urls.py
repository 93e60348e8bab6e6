"""Top-level URL map: admin, API, web app."""

from django.contrib import admin
from django.urls import include, path

from radar.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("radar.web.auth_urls")),
    path("api/", api.urls),
    path("jobs/", include("radar.worker.urls")),
    path("notifications/", include("radar.notify.urls")),
    path("", include("radar.web.urls")),
]
