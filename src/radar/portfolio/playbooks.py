"""Turning a decision into its playbook's actions (the templates admins edit)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from radar.portfolio.models import ActionItem, Decision, Playbook


def playbook_for(kind: str) -> Playbook | None:
    return Playbook.objects.filter(response=kind, active=True).first()


def owner_for(decision: Decision, fallback: Any = None) -> Any:
    """Who owns a playbook's actions: the alliance's owner when they are a user of the
    app, else `fallback` (the person recording the decision)."""
    alliance = decision.alliance
    return alliance.owner if alliance.owner_id else fallback


def apply_playbook(decision: Decision, owner: Any = None) -> list[ActionItem]:
    """Add the decision kind's playbook steps as action items; none without a playbook.

    Each step is due its number of days after the decision; all belong to `owner`.
    """
    playbook = playbook_for(decision.kind)
    if playbook is None:
        return []
    name = (owner.get_full_name() or owner.get_username()) if owner is not None else ""
    made = [
        ActionItem(
            decision=decision,
            title=step.title,
            owner_user=owner,
            owner=name,
            due_on=decision.decided_on + timedelta(days=step.due_after_days),
        )
        for step in playbook.steps.all()
    ]
    return ActionItem.objects.bulk_create(made)
