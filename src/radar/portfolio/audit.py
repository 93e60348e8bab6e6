"""Who changed what and when: the records people keep by hand are tracked with
django-auditlog (docs/history.md says what is tracked, what is not, and why).

Each tracked change becomes one `auditlog.LogEntry` row (the fields that changed,
old and new, the user, the time). Entries of records that belong to an alliance
carry its id in `additional_data["alliance_id"]`, so the alliance's timeline
finds them in one query, deletions included.

Bulk writes (importers' bulk inserts of interactions and contacts, raw SQL,
fixtures) are not tracked: auditlog follows the model signals, which bulk
operations do not send.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditlog.registry import auditlog
from django.contrib.auth import get_user_model

from radar.portfolio import models as m


def _own(instance: Any) -> int | None:
    return instance.pk  # type: ignore[no-any-return]


def _direct(instance: Any) -> int | None:
    return instance.alliance_id  # type: ignore[no-any-return]


def _via_decision(instance: Any) -> int | None:
    return (
        m.Decision.objects.filter(pk=instance.decision_id)
        .values_list("alliance_id", flat=True)
        .first()
    )


def _via_checkin(instance: Any) -> int | None:
    return (
        m.CheckIn.objects.filter(pk=instance.checkin_id)
        .values_list("alliance_id", flat=True)
        .first()
    )


# Tracked model -> (how to find its alliance, fields left out of the log).
TRACKED: dict[type[Any], tuple[Callable[[Any], int | None] | None, tuple[str, ...]]] = {
    m.Partner: (None, ()),
    m.Alliance: (_own, ("updated_at", "created_at")),
    m.Agreement: (_direct, ()),
    m.Goal: (_direct, ()),
    m.GovernanceBody: (_direct, ()),
    m.Contact: (_direct, ("first_seen", "last_seen")),
    m.Deliverable: (_direct, ()),
    m.MetricDefinition: (_direct, ()),
    m.Survey: (_direct, ()),
    m.Observation: (_direct, ("created_at",)),
    m.ContextFactor: (_direct, ()),
    m.CheckIn: (_direct, ("created_at", "computed_score")),
    m.Decision: (_direct, ("created_at",)),
    m.ActionItem: (_via_decision, ()),
    m.ReviewComment: (_via_checkin, ("created_at",)),
    m.Playbook: (None, ()),
    m.PlaybookStep: (None, ()),
}


def _additional_data(alliance_of: Callable[[Any], int | None]) -> Callable[[Any], Any]:
    def get_additional_data(self: Any) -> dict[str, int] | None:
        alliance_id = alliance_of(self)
        return {"alliance_id": alliance_id} if alliance_id is not None else None

    return get_additional_data


def register() -> None:
    """Track the models above and users (never their password); called once at start-up."""
    for model, (alliance_of, excluded) in TRACKED.items():
        if alliance_of is not None:
            # auditlog asks each instance for its extra data through this method name.
            model.get_additional_data = _additional_data(alliance_of)
        auditlog.register(model, exclude_fields=list(excluded))
    auditlog.register(get_user_model(), exclude_fields=["password", "last_login"])
