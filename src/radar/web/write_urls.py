"""URLs of the write side (forms, monthly review, check-ins), included by web/urls.py."""

from django.urls import path

from radar.web.views import forms, review

urlpatterns = [
    path("log/interaction/", forms.log_interaction, name="log_interaction"),
    path("log/deliverable/", forms.edit_deliverable, name="add_deliverable"),
    path("deliverables/<int:pk>/", forms.edit_deliverable, name="edit_deliverable"),
    path("log/metric/", forms.record_metric, name="record_metric"),
    path("log/observation/", forms.add_observation, name="add_observation"),
    path("log/context/", forms.add_context_factor, name="add_context_factor"),
    path("decide/", forms.record_decision, name="record_decision"),
    path("review/", review.monthly_review, name="monthly_review"),
    path("reviews/<int:pk>/", review.checkin_detail, name="checkin"),
]
