from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "radar.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from radar.accounts.roles import ensure_role_groups  # uses models: once apps are ready

        # Every app's post_migrate (and every test flush): cheap and idempotent, and
        # it runs after the permissions of later apps exist.
        post_migrate.connect(ensure_role_groups, dispatch_uid="radar-role-groups")
