"""Unsaved model instances, collected in the order they must be written.

The generator links instances by object (e.g. `Contact(alliance=alliance)`)
before anything has a primary key; bulk_create fills the keys in, and Django
copies a saved parent's key into the child when the child is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Write order: parents before children.
ORDER = (
    "partners",
    "alliances",
    "contexts",
    "contacts",
    "agreements",
    "governance",
    "metrics",
    "goals",
    "metric_values",
    "interactions",
    "participants",
    "deliverables",
    "surveys",
    "responses",
    "observations",
    "checkins",
    "decisions",
    "actions",
)


@dataclass
class Batch:
    rows: dict[str, list[Any]] = field(default_factory=lambda: {name: [] for name in ORDER})
    # (contact, successor) pairs, linked once both have keys.
    successors: list[tuple[Any, Any]] = field(default_factory=list)

    def add(self, kind: str, obj: Any) -> Any:
        self.rows[kind].append(obj)
        return obj

    def count(self, kind: str) -> int:
        return len(self.rows[kind])
