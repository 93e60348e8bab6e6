"""The next things to do for one alliance, most pressing first.

Gathered from what is already on the page: open action items (overdue ones
first), the engine's cadence flags (a decision waiting, a divergent score, a
review or a conversation overdue) and the debugging checklist's open points.
The overview shows the first three; the rest are one click away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from radar.portfolio.models import ActionItem, Alliance
from radar.web.present import humanize_code

SOON = timedelta(days=14)


@dataclass(frozen=True)
class Step:
    title: str
    detail: str = ""
    url: str = ""
    link: str = ""  # the link's words, e.g. "Start the review"
    action: ActionItem | None = None  # an action item (ticked off in place)
    urgent: bool = False


# Cadence flag code -> (title, link words, URL name or "#section"), in order of urgency.
FLAG_STEPS: dict[str, tuple[str, str, str]] = {
    "decision_overdue": ("Decide how to respond", "Record a decision", "record_decision"),
    "score_divergence": ("Ask a neutral reviewer", "Open the review", "checkin"),
    "review_overdue": ("Hold the health review", "Start the review", "monthly_review"),
    "no_direct_contact": ("Speak with the partner", "Log a conversation", "log_interaction"),
    "agreement_review_overdue": ("Review the agreement", "See the agreement", "#agreement"),
    "ritual_overdue": ("Hold the governance meeting", "See governance", "#agreement"),
}
# Checklist questions a cadence flag already covers (a word of the question -> flag).
COVERED_BY = {"spoken": "no_direct_contact", "agreement": "agreement_review_overdue"}


def next_steps(
    alliance: Alliance,
    payload: Mapping[str, Any] | None,
    open_actions: Sequence[ActionItem],
    today: date,
    *,
    can_edit: bool,
    latest_checkin: int | None = None,
) -> list[Step]:
    steps = [_action_step(a, today) for a in open_actions if a.due_on < today]
    flags = [f for f in (payload or {}).get("cadence", []) if isinstance(f, Mapping)]
    steps += _flag_steps(alliance, flags, can_edit, latest_checkin)
    steps += [_action_step(a, today) for a in open_actions if today <= a.due_on <= today + SOON]
    codes = {str(f.get("code", "")) for f in flags}
    checklist = (payload or {}).get("recommendation", {}).get("checklist", [])
    steps += _checklist_steps(checklist, codes)
    return steps


def _action_step(action: ActionItem, today: date) -> Step:
    """An action item (drawn, and ticked off, by web/actions/_step.html)."""
    return Step(action.title, action=action, urgent=action.due_on < today)


def _flag_steps(
    alliance: Alliance,
    flags: Iterable[Mapping[str, Any]],
    can_edit: bool,
    latest_checkin: int | None,
) -> list[Step]:
    order = list(FLAG_STEPS)
    known = sorted(
        (f for f in flags if f.get("code") in FLAG_STEPS), key=lambda f: order.index(f["code"])
    )
    steps = [_flag_step(alliance, f, can_edit, latest_checkin) for f in known]
    steps += [
        Step(humanize_code(str(f.get("code", ""))), str(f.get("message", "")))
        for f in flags
        if f.get("code") not in FLAG_STEPS
    ]
    return steps


def _flag_step(
    alliance: Alliance, flag: Mapping[str, Any], can_edit: bool, latest_checkin: int | None
) -> Step:
    title, link, target = FLAG_STEPS[flag["code"]]
    url = ""
    if target.startswith("#"):
        url = reverse("alliance", args=[alliance.slug]) + target
    elif target == "checkin":
        url = reverse(target, args=[alliance.slug, latest_checkin]) if latest_checkin else ""
    elif can_edit:
        url = reverse(target, args=[alliance.slug])
    return Step(title, str(flag.get("message", "")), url, link if url else "", urgent=True)


def _checklist_steps(checklist: Iterable[Mapping[str, Any]], codes: set[str]) -> list[Step]:
    steps = []
    for item in checklist:
        if item.get("status") != "attention":
            continue
        question = str(item.get("question", ""))
        if any(word in question.lower() and code in codes for word, code in COVERED_BY.items()):
            continue
        steps.append(Step(question, str(item.get("finding", ""))))
    return steps
