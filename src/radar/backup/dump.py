"""Write every backed-up table, in primary-key order, as JSON lines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import IO, Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models

from radar.backup import tables
from radar.backup.codec import encode

CHUNK = 2000


def _content_type_keys() -> dict[int, list[str]]:
    return {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()}


def _permission_keys(content_types: dict[int, list[str]]) -> dict[int, list[str]]:
    return {
        pk: [codename, *content_types[ct]]
        for pk, codename, ct in Permission.objects.values_list("pk", "codename", "content_type")
    }


def _m2m_values(
    field: models.ManyToManyField[Any, Any], permission_keys: dict[int, list[str]]
) -> dict[Any, list[Any]]:
    # _default_manager: a link table's only manager (`objects` is unknown to type[Model]).
    through = tables.link_model(field)._default_manager
    source = field.m2m_column_name()
    target = field.m2m_reverse_name()
    found: dict[Any, list[Any]] = defaultdict(list)
    for owner, other in through.order_by(source, target).values_list(source, target):
        found[owner].append(other)
    if tables.is_permission(field.related_model):
        return {o: sorted(permission_keys[p] for p in ps) for o, ps in found.items()}
    return found


def rows(
    model: type[models.Model], keys: tuple[dict[int, list[str]], dict[int, list[str]]]
) -> Iterator[bytes]:
    content_types, permissions = keys
    fields = tables.columns(model)
    names = [field.attname for field in fields]
    by_type = [f.attname for f in fields if tables.is_content_type(f.related_model)]
    m2m = {field.name: _m2m_values(field, permissions) for field in tables.many_to_many(model)}
    pk = model._meta.pk.attname  # type: ignore[union-attr]
    query = model._base_manager.order_by("pk").values_list(*names)
    for values in query.iterator(chunk_size=CHUNK):
        row = dict(zip(names, values, strict=True))
        for name in by_type:
            if row[name] is not None:
                row[name] = content_types[row[name]]
        for name, related in m2m.items():
            row[name] = related.get(row[pk], [])
        yield encode(row)


def dump_all(open_member: Callable[[str], IO[bytes]]) -> dict[str, int]:
    """Write each table to the member `open_member(label)` returns; counts per label."""
    content_types = _content_type_keys()
    keys = (content_types, _permission_keys(content_types))
    counts: dict[str, int] = {}
    for model in tables.backed_up(apps):
        label = model._meta.label
        with open_member(label) as out:
            count = 0
            for line in rows(model, keys):
                out.write(line)
                count += 1
        counts[label] = count
    return counts
