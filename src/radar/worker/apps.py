from importlib import import_module

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate

# The migration that declares the re-score triggers' current version, their SQL
# written out (frozen). A later migration that changes them is named here instead.
TRIGGERS_MIGRATION = "radar.portfolio.migrations.0013_rescore_triggers_frozen"


def sqlite_statements(name: str) -> tuple[str, ...]:
    """The migration's SQLITE (create) or SQLITE_DROP statements."""
    statements: tuple[str, ...] = getattr(import_module(TRIGGERS_MIGRATION), name)
    return statements


def _lift_sqlite_triggers(sender: AppConfig, using: str = "default", **kwargs: object) -> None:
    """Take the re-score triggers off while migrations run on SQLite.

    SQLite rebuilds a table to alter it, and renaming the rebuilt table fails while
    a trigger elsewhere still names the table it replaces (an action item's trigger
    reads its decision). Migrations mark nothing worth keeping: the triggers come
    back after every migrate (below), and the nightly run assesses everyone.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in sqlite_statements("SQLITE_DROP"):
            cursor.execute(statement)


def _restore_sqlite_triggers(sender: AppConfig, using: str = "default", **kwargs: object) -> None:
    """Put back re-score triggers a later migration dropped on SQLite.

    SQLite cannot alter most columns in place: Django rebuilds the table, and the
    rebuilt table has no triggers. Their CREATE statements say IF NOT EXISTS, so
    running them after every migrate restores exactly the missing ones.
    """
    from radar.worker.models import RescoreMark  # apps.py loads before the models

    connection = connections[using]
    if connection.vendor != "sqlite":
        return  # PostgreSQL keeps triggers through ALTER TABLE
    if RescoreMark._meta.db_table not in connection.introspection.table_names():
        return  # migrated backwards past the worker's tables
    with connection.cursor() as cursor:
        for statement in sqlite_statements("SQLITE"):
            cursor.execute(statement)


class WorkerConfig(AppConfig):
    name = "radar.worker"
    label = "worker"
    verbose_name = "Background jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        pre_migrate.connect(_lift_sqlite_triggers, sender=self)
        post_migrate.connect(_restore_sqlite_triggers, sender=self)
