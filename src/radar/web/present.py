"""Small presentation helpers shared by views and template tags: bands, labels, dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest

BAND_LABELS = {
    1: "Critical",
    2: "At risk",
    3: "Watch",
    4: "Healthy",
    5: "Thriving",
    0: "Not assessed",
}

# Friendly names for the engine's cadence flag codes; unknown codes show their message.
CADENCE_LABELS = {
    "no_direct_contact": "No direct contact",
    "review_overdue": "Review overdue",
    "decision_overdue": "Decision pending",
    "score_divergence": "Score divergence",
    "ritual_overdue": "Governance ritual overdue",
    "agreement_review_overdue": "Agreement review overdue",
    "agreement_no_review_clause": "No review clause in the agreement",
    "agreement_no_exit_clause": "No exit clause in the agreement",
    "agreement_renegotiation_due": "Renegotiation coming up",
    "agreement_renewal_due": "Renewal coming up",
    "agreement_exit_notice_due": "Exit notice deadline coming up",
}


def band_of(score: float | None) -> int:
    """1..5 colour band of a score (0 = no score). Half points round up: 2.5 -> 3."""
    if score is None:
        return 0
    return max(1, min(5, int(float(score) + 0.5)))


def band_label(score: float | None, assessed: bool = False) -> str:
    """The band's name; an assessment without a score has not enough data yet."""
    if score is None and assessed:
        return NOT_ENOUGH_DATA
    return BAND_LABELS[band_of(score)]


NOT_ENOUGH_DATA = "Not enough data yet"


def parse_date(value: Any) -> date | None:
    """Dates in payloads are ISO strings; accept date objects too."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def humanize_code(code: str) -> str:
    """'communication.reply_slower' -> 'Reply slower'; 'no_contact_30_days' -> label."""
    if code in CADENCE_LABELS:
        return CADENCE_LABELS[code]
    tail = code.rsplit(".", 1)[-1]
    return tail.replace("_", " ").capitalize()


RITUAL_LABELS = {
    "qbr": "QBR",
    "steering_committee": "Steering committee",
    "operating_committee": "Operating committee",
    "working_group": "Working group",
    "check_in": "Check-in",
    "off_site": "Off-site",
    "workshop": "Workshop",
}


def ritual_label(ritual: str) -> str:
    return RITUAL_LABELS.get(ritual, ritual.replace("_", " ").capitalize())


def wants_region(request: HttpRequest) -> bool:
    """An HTMX request for a page region; not a history restore, which needs the page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
