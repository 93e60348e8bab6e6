from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WebConfig(AppConfig):
    name = "radar.web"
    label = "web"
    verbose_name = "Alliance Radar web app"

    def ready(self) -> None:
        from radar.web.roles import ensure_role_groups

        # Every app's post_migrate (and every test flush): cheap and idempotent, and
        # it runs after the permissions of later apps exist.
        post_migrate.connect(ensure_role_groups, dispatch_uid="radar-role-groups")
