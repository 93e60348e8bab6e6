from django.urls import path

from radar.notify import views

urlpatterns = [
    path("", views.inbox, name="notify_inbox"),
    path("<int:pk>/read/", views.mark_read, name="notify_read"),
    path("read-all/", views.mark_all_read, name="notify_read_all"),
    path("settings/", views.preferences, name="notify_preferences"),
]
