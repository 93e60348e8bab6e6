"""Load a backup's rows into the database, all or nothing.

Every backed-up table is emptied and refilled in one transaction: rows keep
their primary keys, foreign keys are checked when it commits (both engines
defer them), and the sequences are moved past the restored keys. Rows are
inserted in raw mode, as Django's loaddata does, so "last changed" timestamps
stay as they were instead of becoming the time of the restore.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.apps.registry import Apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

from radar.backup import tables
from radar.backup.archive import BackupError
from radar.backup.codec import decode, to_python

BATCH = 500
Lines = Callable[[str], Iterator[bytes]]


class KeyCache:
    """Content types and permissions by natural key, in the schema being restored."""

    def __init__(self, registry: Apps) -> None:
        self.content_type = registry.get_model("contenttypes", "ContentType")
        self.permission = registry.get_model("auth", "Permission")
        self._types: dict[tuple[str, str], int] = {}
        self._permissions: dict[tuple[str, str, str], int] = {}

    def type_id(self, key: list[str]) -> int:
        app, model = key
        if (app, model) not in self._types:
            found, _ = self.content_type.objects.get_or_create(app_label=app, model=model)
            self._types[(app, model)] = found.pk
        return self._types[(app, model)]

    def permission_id(self, key: list[str]) -> int:
        codename, app, model = key
        if (codename, app, model) not in self._permissions:
            found, _ = self.permission.objects.get_or_create(
                codename=codename,
                content_type_id=self.type_id([app, model]),
                defaults={"name": codename},
            )
            self._permissions[(codename, app, model)] = found.pk
        return self._permissions[(codename, app, model)]


def _insert(model: type[models.Model], fields: list[Any], batch: list[models.Model]) -> None:
    if batch:
        size = connection.ops.bulk_batch_size(fields, batch) or len(batch)
        for start in range(0, len(batch), size):
            # raw=True: the values as given (no auto_now), as Model.save_base(raw=True) does.
            model._base_manager._insert(batch[start : start + size], fields=fields, raw=True)  # type: ignore[attr-defined]


def _load_model(model: type[models.Model], lines: Iterable[bytes], keys: KeyCache) -> int:
    fields = tables.columns(model)
    by_type = {f.attname for f in fields if tables.is_content_type(f.related_model)}
    m2m = tables.many_to_many(model)
    links: dict[models.ManyToManyField[Any, Any], list[tuple[Any, Any]]] = {f: [] for f in m2m}
    batch: list[models.Model] = []
    count = 0
    for line in lines:
        row = decode(line)
        values = {}
        for field in fields:
            value = row[field.attname]
            if field.attname in by_type and value is not None:
                value = keys.type_id(value)
            values[field.attname] = to_python(field, value)
        batch.append(model(**values))
        for field in m2m:
            for other in row.get(field.name, []):
                target = (
                    keys.permission_id(other)
                    if tables.is_permission(field.related_model)
                    else other
                )
                links[field].append((values[model._meta.pk.attname], target))  # type: ignore[union-attr]
        count += 1
        if len(batch) >= BATCH:
            _insert(model, fields, batch)
            batch = []
    _insert(model, fields, batch)
    for field, pairs in links.items():
        through = tables.link_model(field)
        source, target = field.m2m_column_name(), field.m2m_reverse_name()
        # _default_manager: a link table's only manager (`objects` is unknown to type[Model]).
        through._default_manager.bulk_create(through(**{source: s, target: t}) for s, t in pairs)
    return count


def _empty(models_: Iterable[type[models.Model]]) -> None:
    """Delete every row of these tables and of their many-to-many link tables."""
    table_names = []
    for model in models_:
        table_names.append(model._meta.db_table)
        table_names += [tables.link_model(f)._meta.db_table for f in tables.many_to_many(model)]
    with connection.cursor() as cursor:
        for name in table_names:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(name)}")


def _emptied_on_restore(registry: Apps) -> list[type[models.Model]]:
    found = []
    for label in tables.EMPTIED_ON_RESTORE:
        app, name = label.split(".")
        try:
            found.append(registry.get_model(app, name))
        except LookupError:
            continue
    return found


def _model(registry: Apps, label: str) -> type[models.Model]:
    try:
        return registry.get_model(label)
    except LookupError:
        # A backup lists the tables of the schema it records; one that schema lacks
        # means the manifest was edited or put together from two backups.
        raise BackupError(
            f"This backup holds rows for {label}, which its own schema does not have: "
            "the backup is damaged (or its manifest was edited). Nothing was restored."
        ) from None


def load_all(registry: Apps, labels: list[str], lines: Lines) -> dict[str, int]:
    """Replace every backed-up table's rows with the backup's; counts per label."""
    chosen = tables.load_order(_model(registry, label) for label in labels)
    every = tables.backed_up(registry)
    keys = KeyCache(registry)
    counts: dict[str, int] = {}
    with transaction.atomic():
        _empty([*_emptied_on_restore(registry), *every])
        for model in chosen:
            if model._meta.label_lower in tables.LOADED_LAST:
                _empty([model])  # what triggers wrote while the other tables loaded
            counts[model._meta.label] = _load_model(model, lines(model._meta.label), keys)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), every):
                cursor.execute(statement)
    return counts
