"""The schema a backup was made with: the migrations applied, per app.

Restore accepts a backup whose every migration this version knows: it brings
the database to the backup's schema, loads the rows with the models of that
schema, then migrates forward (so data migrations run on restored data). A
backup naming a migration this version does not have was made by a newer
version and is refused.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.core.management.sql import emit_pre_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

Node = tuple[str, str]


class IncompatibleBackup(Exception):
    """The backup cannot be restored by this version; the message says why."""


def applied() -> dict[str, list[str]]:
    """The migrations applied to this database, per app, sorted."""
    found: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        found.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(found.items())}


def current() -> dict[str, list[str]]:
    """The migrations this version's code has, per app (what `radar migrate` applies)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    found: dict[str, list[str]] = {}
    for app, name in loader.graph.nodes:
        found.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(found.items())}


def check_known(recorded: dict[str, list[str]]) -> None:
    known = current()
    unknown = sorted(
        f"{app}.{name}"
        for app, names in recorded.items()
        for name in names
        if name not in known.get(app, [])
    )
    if unknown:
        shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise IncompatibleBackup(
            "This backup was made by a newer version of Alliance Radar (its database has "
            f"migrations this version does not know: {shown}). Upgrade, then restore."
        )


def _leaves(executor: MigrationExecutor, recorded: dict[str, list[str]]) -> list[Node]:
    graph = executor.loader.graph
    nodes = {(app, name) for app, names in recorded.items() for name in names}
    return sorted(
        node
        for node in nodes
        if not any(
            other != node and node in graph.forwards_plan(other)
            for other in nodes
            if other[0] == node[0]
        )
    )


def migrate_to(recorded: dict[str, list[str]]) -> Apps:
    """Bring the database to the backup's schema; returns the models of that schema."""
    executor = MigrationExecutor(connection)
    leaves = _leaves(executor, recorded)
    apps_in_backup = {app for app, _ in leaves}
    others = sorted({app for app, _ in executor.loader.graph.leaf_nodes()} - apps_in_backup)
    targets: list[tuple[str, str | None]] = [*leaves, *((app, None) for app in others)]
    plan = executor.migration_plan(targets)
    # As `migrate` does: apps prepare for the schema change (the worker lifts its
    # SQLite triggers, which would break a table rebuild).
    emit_pre_migrate_signal(
        0, False, connection.alias, apps=executor.loader.project_state().apps, plan=plan
    )
    state = executor.migrate(targets, plan=plan)
    executor.loader.build_graph()
    return executor.loader.project_state(leaves, at_end=True).apps if leaves else state.apps
