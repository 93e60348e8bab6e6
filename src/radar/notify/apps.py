from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "radar.notify"
    label = "notify"
    verbose_name = "Alerts and digests"
    default_auto_field = "django.db.models.BigAutoField"
