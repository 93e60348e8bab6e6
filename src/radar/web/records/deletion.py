"""Deleting with care: what would go with a record, and typing its name when anything would."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from radar.portfolio.models import Agreement, Alliance

# What an alliance's deletion takes with it: (what, related name).
ALLIANCE_RECORDS = (
    ("interactions", "interactions"),
    ("people", "contacts"),
    ("deliverables", "deliverables"),
    ("metrics", "metrics"),
    ("goals", "goals"),
    ("surveys", "surveys"),
    ("observations", "observations"),
    ("health reviews", "checkins"),
    ("decisions", "decisions"),
    ("governance bodies", "governance"),
    ("stored assessments", "assessments"),
)


def _same(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


@dataclass
class Deletion:
    """A pending deletion of `name`. With dependents (rows that would be deleted with it)
    the user must type the name; otherwise the confirming POST is enough."""

    name: str
    dependents: list[tuple[str, int]]
    data: Mapping[str, Any] | None = None
    error: str = field(default="", init=False)

    @property
    def losses(self) -> list[tuple[str, int]]:
        return [(what, n) for what, n in self.dependents if n]

    @property
    def needs_typing(self) -> bool:
        return bool(self.losses)

    def confirmed(self) -> bool:
        if self.data is None:
            return False
        if not self.needs_typing:
            return True
        typed = str(self.data.get("confirm_name", ""))
        if _same(typed, self.name):
            return True
        self.error = (
            f"Type “{self.name}” exactly to confirm." if typed else "Type the name to confirm."
        )
        return False


def alliance_records(alliance: Alliance) -> list[tuple[str, int]]:
    """(what, how many) of every kind of record an alliance's deletion would take."""
    found = [(what, getattr(alliance, name).count()) for what, name in ALLIANCE_RECORDS]
    return [*found, ("agreement", Agreement.objects.filter(alliance=alliance).count())]
