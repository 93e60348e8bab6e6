"""The history of the records that are also imported by the hundred thousand.

Interactions, metric values and survey responses are not tracked through the model
signals (docs/history.md: an import or an alliance's deletion would log every row).
People also keep them by hand, one at a time, in the web forms and over the API;
those places log the change themselves, in the same log (django-auditlog's
`LogEntry`, with the alliance's id) and signed the same way, so "who changed what"
holds for every record a person touches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditlog.models import LogEntry
from django.db.models import Model

from radar.portfolio import models as m

NOTHING = "None"  # how auditlog writes an empty side of a change


def _direct(instance: Any) -> int | None:
    return instance.alliance_id  # type: ignore[no-any-return]


def _via_metric(instance: Any) -> int | None:
    found = m.MetricDefinition.objects.filter(pk=instance.metric_id)
    return found.values_list("alliance_id", flat=True).first()


def _via_survey(instance: Any) -> int | None:
    found = m.Survey.objects.filter(pk=instance.survey_id)
    return found.values_list("alliance_id", flat=True).first()


# Logged by hand -> how to find its alliance, fields left out (kept by the system).
BY_HAND: dict[type[Model], tuple[Callable[[Any], int | None], tuple[str, ...]]] = {
    m.Interaction: (_direct, ("external_id", "thread_id", "body")),
    m.MetricValue: (_via_metric, ()),
    m.SurveyResponse: (_via_survey, ()),
}


def state(instance: Model) -> dict[str, str]:
    """The record's fields as auditlog writes them (text), to compare before and after."""
    _alliance_of, left_out = BY_HAND[type(instance)]
    return {
        field.name: str(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.name not in left_out
    }


def log_added(instance: Model) -> None:
    _log(instance, LogEntry.Action.CREATE, {k: [NOTHING, v] for k, v in state(instance).items()})


def log_changed(instance: Model, before: dict[str, str]) -> None:
    """Log the fields that differ from `before` (a `state` taken before the change)."""
    after = state(instance)
    changes = {k: [before.get(k, NOTHING), v] for k, v in after.items() if before.get(k) != v}
    if changes:
        _log(instance, LogEntry.Action.UPDATE, changes)


def log_deleted(instance: Model) -> None:
    """Call before deleting: the entry keeps the record's id and its alliance."""
    _log(instance, LogEntry.Action.DELETE, {k: [v, NOTHING] for k, v in state(instance).items()})


def _log(instance: Model, action: int, changes: dict[str, list[str]]) -> None:
    alliance_of, _left_out = BY_HAND[type(instance)]
    alliance_id = alliance_of(instance)
    LogEntry.objects.log_create(
        instance,
        action=action,
        changes=changes,
        additional_data={"alliance_id": alliance_id} if alliance_id is not None else None,
    )
