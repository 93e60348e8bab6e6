"""Create-or-update one row by its natural key, counting what changed.

For small imports (sheets, CRM account lists) one query per record is fine
and keeps the code obvious. On a dry run nothing is saved; a record whose
parent would only be created by the import is counted as created.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from radar.ingest.base import ImportSummary

M = TypeVar("M", bound=models.Model)


def upsert(
    model: type[M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    summary: ImportSummary,
    label: str,
    dry_run: bool,
) -> M | None:
    """The stored (or new) row; None only on a dry run for a row not yet stored."""
    if any(v is None for v in lookup.values()):
        summary.created[label] += 1  # its parent is new on this dry run
        return None
    found = model._default_manager.filter(**lookup).first()
    if found is None:
        summary.created[label] += 1
        if dry_run:
            return None
        return model._default_manager.create(**lookup, **values)
    changed = {k: v for k, v in values.items() if getattr(found, k) != v}
    if not changed:
        summary.unchanged[label] += 1
        return found
    summary.updated[label] += 1
    if not dry_run:
        for key, value in changed.items():
            setattr(found, key, value)
        found.save(update_fields=list(changed))
    return found
