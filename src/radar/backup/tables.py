"""Which tables a backup holds, and how their columns and references are written.

Everything the apps store, except what each database rebuilds itself (content
types and permissions: written by natural key where referenced), what is
transient (sessions, sign-in lockouts: emptied on restore) and nothing else —
a model another app adds later is backed up without any change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps.registry import Apps
from django.db import models

NOT_BACKED_UP_APPS = frozenset({"contenttypes", "sessions", "axes"})
NOT_BACKED_UP_MODELS = frozenset({"auth.permission"})
# Transient tables emptied on restore: a session or lockout of the old database
# must not apply to the restored users (a session names a user by id).
EMPTIED_ON_RESTORE = (
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
)
# Written by database triggers while other rows load: loaded last, replacing them.
LOADED_LAST = frozenset({"portfolio.activitystale", "worker.rescoremark"})


def backed_up(registry: Apps) -> list[type[models.Model]]:
    found = [
        model
        for model in registry.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in NOT_BACKED_UP_APPS
        and model._meta.label_lower not in NOT_BACKED_UP_MODELS
    ]
    return sorted(found, key=lambda model: model._meta.label)


def load_order(found: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    listed = list(found)
    return [m for m in listed if m._meta.label_lower not in LOADED_LAST] + [
        m for m in listed if m._meta.label_lower in LOADED_LAST
    ]


def columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    if model._meta.parents:
        raise ValueError(f"{model._meta.label}: multi-table inheritance is not supported")
    return list(model._meta.concrete_fields)


def many_to_many(model: type[models.Model]) -> list[models.ManyToManyField[Any, Any]]:
    """Plain many-to-many fields; those with their own through model are tables of their own."""
    return [field for field in model._meta.many_to_many if link_model(field)._meta.auto_created]


def link_model(field: models.ManyToManyField[Any, Any]) -> type[models.Model]:
    """The model of a many-to-many field's link table (resolved once the apps are loaded)."""
    through = field.remote_field.through
    if through is None:
        raise LookupError(f"{field}: its link table is not resolved yet")
    return through


def is_content_type(model: Any) -> bool:
    return model is not None and model._meta.label_lower == "contenttypes.contenttype"


def is_permission(model: Any) -> bool:
    return model is not None and model._meta.label_lower == "auth.permission"
