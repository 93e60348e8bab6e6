"""The playbooks a fresh install starts with; admins edit them in the admin.

Written for this project from the practitioners' advice: act within a month of a
confirmed pattern, talk before writing, re-agree goals and governance, give notice
properly, hand over, and learn from it. A migration creates them on a new install.
"""

from __future__ import annotations

from typing import Any

# Decision kind -> (name, intro, ((action, due this many days after the decision), ...)).
DEFAULT_PLAYBOOKS: dict[str, tuple[str, str, tuple[tuple[str, int], ...]]] = {
    "reset": (
        "Reset playbook",
        "A reset is a plan, not a mood: these actions follow the decision unless you untick them.",
        (
            ("Book a candid talk with the partner's champion on how the alliance is going", 7),
            ("Work through the debugging checklist with our team, our own delivery included", 14),
            ("Agree refreshed goals and success measures with the partner", 30),
            ("Confirm who sits on each governance body; put the next meetings in the calendar", 30),
            ("Name a second contact for each key person, on both sides", 45),
            ("Ask a neutral colleague to challenge the score at the next monthly review", 60),
        ),
    ),
    "exit": (
        "Exit playbook",
        "Leave well: proper notice, nothing dropped, the door left open for later.",
        (
            ("Read the exit clause and note the last day to give notice", 7),
            ("Tell the partner's sponsor in a conversation before anything is written", 14),
            ("Agree a wind-down plan for open deliverables, joint customers and shared assets", 30),
            ("Hand over what we know and who does what; archive the shared workspace", 60),
            ("Move the team's time and budget to the alliances that need it", 60),
            ("Hold a blameless look-back and record what we learned", 90),
        ),
    ),
}


def add_defaults(playbook_model: Any, step_model: Any) -> int:
    """Create the default playbooks that do not exist yet; returns how many were made.

    Takes the model classes so the migration can pass its historical ones."""
    made = 0
    for response, (name, intro, steps) in DEFAULT_PLAYBOOKS.items():
        playbook, created = playbook_model.objects.get_or_create(
            response=response, defaults={"name": name, "intro": intro}
        )
        if created:
            made += 1
            step_model.objects.bulk_create(
                step_model(playbook=playbook, order=i, title=title, due_after_days=days)
                for i, (title, days) in enumerate(steps)
            )
    return made
