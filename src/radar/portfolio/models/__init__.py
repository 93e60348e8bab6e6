"""The portfolio store. One module per part of the domain."""

from radar.portfolio.models.activity import ActivityMonth, ActivityStale
from radar.portfolio.models.alliance import Agreement, Alliance, Goal, GovernanceBody, Partner
from radar.portfolio.models.deliverables import Deliverable
from radar.portfolio.models.interactions import Interaction, InteractionParticipant
from radar.portfolio.models.measures import MetricDefinition, MetricValue, Survey, SurveyResponse
from radar.portfolio.models.people import Contact
from radar.portfolio.models.playbooks import Playbook, PlaybookStep
from radar.portfolio.models.reviews import (
    ActionItem,
    Assessment,
    CheckIn,
    Decision,
    ReviewComment,
)
from radar.portfolio.models.sightings import ContextFactor, Observation
from radar.portfolio.models.standing import Standing

__all__ = [
    "ActionItem",
    "ActivityMonth",
    "ActivityStale",
    "Agreement",
    "Alliance",
    "Assessment",
    "CheckIn",
    "Contact",
    "ContextFactor",
    "Decision",
    "Deliverable",
    "Goal",
    "GovernanceBody",
    "Interaction",
    "InteractionParticipant",
    "MetricDefinition",
    "MetricValue",
    "Observation",
    "Partner",
    "Playbook",
    "PlaybookStep",
    "ReviewComment",
    "Standing",
    "Survey",
    "SurveyResponse",
]
