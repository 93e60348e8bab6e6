from django.urls import path

from radar.worker import views

urlpatterns = [
    path("", views.jobs_page, name="jobs"),
    path("<int:pk>/", views.job_page, name="job"),
    path("assess-all/", views.evaluate_now, name="jobs_evaluate"),
]
