"""Django choices built from the engine's vocabulary (one source of truth).

Labels are what people read in forms and pages: most come from the value
("steering_committee" -> "Steering committee"); the few a user would not
recognise that way (acronyms, directions, our side) are spelled out here.
"""

from __future__ import annotations

from enum import StrEnum

LABELS: dict[str, dict[str, str]] = {
    "Side": {"ours": "Our side", "partner": "Partner side"},
    "AllianceKind": {"co_selling": "Co-selling", "co_marketing": "Co-marketing"},
    "Ritual": {
        "none": "Not a governance meeting",
        "qbr": "QBR (quarterly business review)",
        "check_in": "Check-in",
        "off_site": "Off-site",
    },
    "InteractionKind": {"email": "E-mail"},
    "Direction": {"inbound": "From the partner", "outbound": "From us", "mutual": "Both sides"},
    "ContextKind": {"merger_acquisition": "Merger or acquisition"},
    "SurveyKind": {
        "pulse": "Pulse survey",
        "health": "Health survey",
        "alignment": "Strategic alignment survey",
        "customer_nps": "Joint customers' NPS",
    },
    "ObservationKind": {"program_tier_change": "Partner programme tier change"},
    "DeliverableStatus": {"partial": "Partly done"},
}


def label_of(enum: type[StrEnum], value: str) -> str:
    override = LABELS.get(enum.__name__, {}).get(value)
    return override or value.replace("_", " ").capitalize()


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, label_of(enum, member.value)) for member in enum]
