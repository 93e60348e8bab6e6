"""Changes to records in people's words: "Person changed: Ada Lovelace — by Robin: role
Champion → Other". Read from django-auditlog's log (radar.portfolio.audit)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from radar.portfolio.audit import TRACKED
from radar.portfolio.hand_changes import BY_HAND
from radar.web.days import day_after

ACTIONS = {
    LogEntry.Action.CREATE: "added",
    LogEntry.Action.UPDATE: "changed",
    LogEntry.Action.DELETE: "deleted",
}
# What people call the records (a model's own name otherwise).
RECORD_NAMES = {
    "contact": "Person",
    "actionitem": "Action item",
    "metricdefinition": "Metric",
    "governancebody": "Governance body",
    "checkin": "Health review",
    "metricvalue": "Metric value",
    "surveyresponse": "Survey response",
    "reviewcomment": "Neutral review",
    "contextfactor": "Context factor",
    "playbookstep": "Playbook step",
    "user": "User",
}
SHOWN_FIELDS = 3
LONGEST_VALUE = 40


@dataclass(frozen=True)
class Change:
    when: Any  # datetime
    title: str
    detail: str
    who: str


def record_name(content_type: ContentType) -> str:
    model = content_type.model_class()
    default = str(model._meta.verbose_name).capitalize() if model else content_type.model
    return RECORD_NAMES.get(content_type.model, default)


def _value(field: Any, raw: Any) -> str:
    if raw in (None, "None", ""):
        return "—"
    if field is not None and getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(raw, raw))
    text = str(raw)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _changes(entry: LogEntry) -> str:
    model = entry.content_type.model_class()
    # In the model's field order: PostgreSQL's jsonb does not keep the keys' order.
    order = {f.name: i for i, f in enumerate(model._meta.fields)} if model else {}
    changes = sorted(entry.changes_dict.items(), key=lambda item: order.get(item[0], len(order)))
    parts = []
    for name, values in changes:
        try:
            field = model._meta.get_field(name) if model else None
        except Exception:  # a field that no longer exists
            field = None
        label = str(getattr(field, "verbose_name", name.replace("_", " ")))
        if field is not None and field.is_relation:
            parts.append(f"{label} changed")  # a related record (named in its own entries)
        elif entry.action == LogEntry.Action.UPDATE and len(values) == 2:
            parts.append(f"{label} {_value(field, values[0])} → {_value(field, values[1])}")
    shown = "; ".join(parts[:SHOWN_FIELDS])
    more = len(parts) - SHOWN_FIELDS
    return shown + (f"; {more} more" if more > 0 else "")


def describe(entry: LogEntry) -> Change:
    action = ACTIONS.get(entry.action, "changed")
    title = f"{record_name(entry.content_type)} {action}: {entry.object_repr}"
    who = (entry.actor.get_full_name() or entry.actor.get_username()) if entry.actor else ""
    changes = _changes(entry) if entry.action == LogEntry.Action.UPDATE else ""
    detail = f"by {who or 'the system'}" + (f": {changes}" if changes else "")
    return Change(entry.timestamp, title, detail, who)


def alliance_changes(alliance_id: int, cutoff: date, limit: int) -> QuerySet[LogEntry]:
    """The newest changes to an alliance's records up to `cutoff` (one query)."""
    return (
        LogEntry.objects.filter(
            additional_data__alliance_id=alliance_id, timestamp__lt=day_after(cutoff)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )


def tracked_types() -> list[ContentType]:
    types = ContentType.objects.get_for_models(*TRACKED, *BY_HAND).values()
    return sorted(types, key=record_name)


@dataclass(frozen=True)
class HistoryFilters:
    alliance: str = ""  # slug
    actor: str = ""  # user id
    record: str = ""  # content type id
    action: str = ""  # "0", "1" or "2"
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> HistoryFilters:
        raw_page = query.get("page", "1")
        digits = {
            k: query.get(k, "") if query.get(k, "").isdigit() else "" for k in ("actor", "record")
        }
        return cls(
            alliance=query.get("alliance", "")[:220],
            action=query.get("action", "") if query.get("action") in {"0", "1", "2"} else "",
            page=int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 100_000 else 1,
            **digits,
        )
