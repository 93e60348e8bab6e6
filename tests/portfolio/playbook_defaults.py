"""The default playbooks, as migration 0007 creates them (frozen there).

Transactional tests flush what the migration made: tests that need the defaults
add them again with the migration's own function and data.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_MIGRATION = import_module("radar.portfolio.migrations.0007_action_owners_and_playbooks")

DEFAULT_PLAYBOOKS: dict[str, tuple[str, str, tuple[tuple[str, int], ...]]] = (
    _MIGRATION.DEFAULT_PLAYBOOKS
)


def add_defaults(playbook_model: Any, step_model: Any) -> int:
    made: int = _MIGRATION.add_defaults(playbook_model, step_model)
    return made
