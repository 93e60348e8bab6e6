"""Subject lines and notes, so the demo's timeline reads like a real inbox."""

from __future__ import annotations

import random

RITUAL_SUBJECTS = {
    "steering_committee": "Joint steering committee — {quarter}",
    "qbr": "Quarterly business review — {quarter}",
    "operating_committee": "Operating committee — {month}",
    "working_group": "{wg} — sync",
    "check_in": "Monthly check-in — {month}",
    "off_site": "Annual partnership off-site — {year}",
    "workshop": "Joint innovation workshop — {month}",
}

EMAIL_TOPICS = {
    "technology": [
        "Connector release notes",
        "API rate limits on the sandbox",
        "Certification test results",
        "Joint customer escalation",
        "Roadmap alignment for next release",
        "Security questionnaire for the integration",
        "Beta feedback from pilot customers",
        "Docs for the new webhook events",
    ],
    "co_selling": [
        "Lead hand-off for this month",
        "Pipeline review prep",
        "Joint account plan",
        "Deal registration question",
        "Enablement session for the field team",
        "Co-sell incentives",
        "Win story for the newsletter",
        "Territory mapping",
    ],
    "default": [
        "Follow-up from our last call",
        "Draft plan for next quarter",
        "Joint case study",
        "Updated contact list",
        "Agenda for the next review",
        "Numbers for the scorecard",
        "Campaign calendar",
        "Open items",
    ],
}

CALL_SUBJECTS = ["Quick sync", "Escalation call", "Catch-up", "Prep call for the review"]

CANCEL_NOTES = [
    "Cancelled by the partner on the day.",
    "Partner asked to postpone; no new date proposed.",
    "Cancelled: conflicting internal meeting on their side.",
    "Moved twice, then dropped.",
]

HOLIDAY_CANCEL_NOTES = ["Cancelled for the holidays.", "Skipped: half the team on leave."]

BLAME_NOTES = [
    "Partner said the delays were caused by our late specifications.",
    "Their lead pointed at our support team for the customer escalation.",
    "Tense exchange about who owns the missed milestone.",
]

DEFENSIVE_NOTES = [
    "Questions about the slipped milestone were deflected.",
    "Partner insisted their numbers were fine and the review was unnecessary.",
]

WARM_NOTES = [
    "Good energy; they brought two new ideas for the joint offer.",
    "Constructive session, decisions taken quickly.",
    "Partner volunteered a customer reference.",
    "Clear next steps, owners agreed on both sides.",
]


def email_subject(rng: random.Random, kind: str) -> str:
    topics = EMAIL_TOPICS.get(kind, EMAIL_TOPICS["default"])
    return rng.choice(topics)


def meeting_note(
    rng: random.Random, tone: float, blaming: bool, defensive: bool, holiday: bool
) -> str:
    if blaming:
        return rng.choice(BLAME_NOTES)
    if defensive:
        return rng.choice(DEFENSIVE_NOTES)
    if tone > 0.45 and not holiday:
        return rng.choice(WARM_NOTES)
    return ""
