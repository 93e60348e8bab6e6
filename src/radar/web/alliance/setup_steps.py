"""Next steps for a new alliance: what the radar needs to read it well, until it has it."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from radar.portfolio.models import Agreement, Alliance


@dataclass(frozen=True)
class Step:
    label: str
    why: str
    url: str


def steps_for(alliance: Alliance) -> list[Step]:
    """The steps still open for a new alliance, shown until its first interaction is
    logged (after that the overview's own next steps lead, and each tab asks for what
    it lacks)."""
    if alliance.interactions.exists():
        return []
    slug = [alliance.slug]
    wanted = (
        (
            alliance.contacts.filter(side="partner").exists(),
            "Add the partner's people",
            "who champions it, who decides",
            "contact_add",
        ),
        (alliance.goals.exists(), "Set its goals", "what it is for, with a target", "goal_add"),
        (
            Agreement.objects.filter(alliance=alliance).exists(),
            "Record the agreement",
            "review, renegotiation and exit clauses and dates",
            "edit_agreement",
        ),
        (
            alliance.governance.exists(),
            "Name its governance",
            "who steers it and how often they meet",
            "governance_add",
        ),
        (False, "Log the first meeting", "signals start from what happens", "log_interaction"),
    )
    return [
        Step(label, why, reverse(name, args=slug)) for done, label, why, name in wanted if not done
    ]
