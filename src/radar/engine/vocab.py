"""The shared vocabulary of the domain.

The Django models use these values as their choices, so the store and the
engine can never disagree on what a "champion" or a "reset" is.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    COMMUNICATION = "communication"
    RESOURCE = "resource"
    PRIORITY = "priority"
    EXECUTION = "execution"
    CULTURE = "culture"
    METRICS = "metrics"


class Polarity(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    NEUTRAL = "neutral"


class Side(StrEnum):
    OURS = "ours"
    PARTNER = "partner"


class AllianceKind(StrEnum):
    TECHNOLOGY = "technology"
    CO_SELLING = "co_selling"
    RESELLER = "reseller"
    CO_MARKETING = "co_marketing"
    JOINT_VENTURE = "joint_venture"
    DISTRIBUTION = "distribution"
    RESEARCH = "research"
    OTHER = "other"


class Phase(StrEnum):
    FORMATION = "formation"
    GROWTH = "growth"
    MATURITY = "maturity"
    DECLINE = "decline"
    RENEWAL = "renewal"


class ContactRole(StrEnum):
    EXECUTIVE_SPONSOR = "executive_sponsor"
    CHAMPION = "champion"
    ALLIANCE_MANAGER = "alliance_manager"
    TECHNICAL_LEAD = "technical_lead"
    SALES_LEAD = "sales_lead"
    MARKETING_LEAD = "marketing_lead"
    OPERATIONS = "operations"
    OTHER = "other"


# Roles whose departure or reassignment puts the alliance at risk.
KEY_ROLES = frozenset(
    {
        ContactRole.EXECUTIVE_SPONSOR,
        ContactRole.CHAMPION,
        ContactRole.ALLIANCE_MANAGER,
        ContactRole.TECHNICAL_LEAD,
    }
)


class InteractionKind(StrEnum):
    MEETING = "meeting"
    EMAIL = "email"
    CALL = "call"
    MESSAGE = "message"


class Ritual(StrEnum):
    NONE = "none"
    QBR = "qbr"
    STEERING_COMMITTEE = "steering_committee"
    OPERATING_COMMITTEE = "operating_committee"
    WORKING_GROUP = "working_group"
    CHECK_IN = "check_in"
    OFF_SITE = "off_site"
    WORKSHOP = "workshop"


class GovernanceTier(StrEnum):
    STEERING = "steering"
    OPERATING = "operating"
    WORKING_GROUP = "working_group"


class Direction(StrEnum):
    INBOUND = "inbound"  # from the partner to us
    OUTBOUND = "outbound"  # from us to the partner
    MUTUAL = "mutual"  # meetings and calls with both sides


class DeliverableStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    PARTIAL = "partial"
    CANCELLED = "cancelled"


class MetricKind(StrEnum):
    LEADING = "leading"
    LAGGING = "lagging"


class ObservationKind(StrEnum):
    COMPETING_INITIATIVE = "competing_initiative"
    ROADMAP_CHANGE = "roadmap_change"
    JOB_POSTING = "job_posting"
    PROGRAM_TIER_CHANGE = "program_tier_change"
    BUDGET_CHANGE = "budget_change"
    TEAM_CHANGE = "team_change"
    FOCUS_SHIFT = "focus_shift"
    QUALITY_ISSUE = "quality_issue"
    ESCALATION = "escalation"
    SPONTANEOUS_IDEA = "spontaneous_idea"
    NEW_CONNECTION = "new_connection"
    JOINT_WIN = "joint_win"
    OTHER = "other"


class ObservationSource(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class ContextKind(StrEnum):
    DOWNTURN = "downturn"
    LEADERSHIP_CHANGE = "leadership_change"
    MERGER_ACQUISITION = "merger_acquisition"
    REGULATION = "regulation"
    QUIET_PERIOD = "quiet_period"  # a declared slow season: holidays, a freeze, August
    OTHER = "other"


class DecisionKind(StrEnum):
    REINVEST = "reinvest"
    RESET = "reset"
    EXIT = "exit"
    MONITOR = "monitor"
    WATCH = "watch"  # an early warning: look closer before it confirms (after monitor)


class SurveyKind(StrEnum):
    PULSE = "pulse"  # quarterly three-question check (satisfaction 1-5)
    HEALTH = "health"  # bi-annual advocacy survey (0-10, NPS style)
    ALIGNMENT = "alignment"  # steering committee strategic alignment (1-5)
    CUSTOMER_NPS = "customer_nps"  # joint customers (0-10)
