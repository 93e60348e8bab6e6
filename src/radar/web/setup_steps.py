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
    """The steps still open; empty once the alliance has people, goals, an agreement,
    governance and a first logged interaction (the page then shows nothing)."""
    slug = [alliance.slug]
    checks = (
        (
            alliance.contacts.filter(side="partner").exists(),
            Step(
                "Add the partner's people",
                "who champions it, who decides",
                reverse("contact_add", args=slug),
            ),
        ),
        (
            alliance.goals.exists(),
            Step(
                "Set its goals",
                "what it is for, measured against a target",
                reverse("goal_add", args=slug),
            ),
        ),
        (
            Agreement.objects.filter(alliance=alliance).exists(),
            Step(
                "Record the agreement",
                "review, renegotiation and exit clauses and dates",
                reverse("edit_agreement", args=slug),
            ),
        ),
        (
            alliance.governance.exists(),
            Step(
                "Name its governance",
                "who steers it and how often they meet",
                reverse("governance_add", args=slug),
            ),
        ),
        (
            alliance.interactions.exists(),
            Step(
                "Log the first meeting",
                "signals start from what happens",
                reverse("log_interaction", args=slug),
            ),
        ),
    )
    return [step for done, step in checks if not done]
