from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "radar.portfolio"
    label = "portfolio"
    verbose_name = "Alliance portfolio"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from radar.portfolio.audit import register  # uses models: once apps are ready

        register()  # who changed what and when (django-auditlog)
