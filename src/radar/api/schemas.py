"""Pydantic schemas of the API (input validated, output documented in OpenAPI)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator, field_validator

from radar.api.bounds import Count, Input, Quantity
from radar.engine.vocab import (
    AllianceKind,
    Category,
    ContactRole,
    DecisionKind,
    Direction,
    InteractionKind,
    ObservationKind,
    ObservationSource,
    Phase,
    Polarity,
    Ritual,
    Side,
)
from radar.security.links import check_link

# A web address (http or https) or empty: radar.security.links, as in the forms.
Link = Annotated[str, Field("", max_length=200), AfterValidator(check_link)]


class Problem(Schema):
    detail: Any


class Me(Schema):
    username: str
    roles: list[str]


class AssessmentSummary(Schema):
    as_of: date
    score: float | None  # None: not enough data yet
    baseline_score: float | None
    trend: str
    phase: str
    recommendation: str
    systemic: bool
    confirmed_signals: int


class AssessmentFull(AssessmentSummary):
    payload: dict[str, Any] = Field(description="Assessment.to_dict(): docs/assessment-schema.md")


class AllianceOut(Schema):
    id: int
    slug: str
    name: str
    partner: str = Field(alias="partner.name")
    kind: str
    tier: int
    owner: str = Field(alias="owner_display")
    started_on: date | None
    declared_phase: str
    active: bool


class AllianceDetail(AllianceOut):
    description: str
    latest_assessment: AssessmentSummary | None = None


class AllianceIn(Input):
    name: str = Field(min_length=1, max_length=200)
    partner: str = Field(min_length=1, max_length=200, description="Partner organisation name")
    kind: AllianceKind = AllianceKind.OTHER
    tier: int = Field(2, ge=1, le=3)
    owner_name: str = Field("", max_length=200)
    started_on: date | None = None
    declared_phase: Phase | None = None
    description: str = ""


class ContactOut(Schema):
    id: int
    side: str
    name: str
    email: str
    title: str
    role: str
    started_on: date | None
    ended_on: date | None


class ContactIn(Input):
    side: Side
    name: str = Field(min_length=1, max_length=200)
    email: str = Field("", max_length=254)
    title: str = Field("", max_length=200)
    role: ContactRole = ContactRole.OTHER
    started_on: date | None = None
    ended_on: date | None = None


class InteractionOut(Schema):
    id: int
    kind: str
    ritual: str
    occurred_at: datetime
    direction: str
    subject: str
    duration_minutes: int | None
    cancelled: bool
    notes: str


class InteractionIn(Input):
    kind: InteractionKind
    occurred_at: datetime
    ritual: Ritual = Ritual.NONE
    direction: Direction = Direction.MUTUAL
    subject: str = Field("", max_length=500)
    duration_minutes: Count | None = None
    reply_hours: Quantity | None = None
    cancelled: bool = False
    notes: str = ""


class ObservationOut(Schema):
    id: int
    observed_on: date
    category: str
    polarity: str
    kind: str
    source: str
    title: str
    detail: str
    url: str


class ObservationIn(Input):
    observed_on: date
    title: str = Field(min_length=1, max_length=300)
    category: Category | None = None
    polarity: Polarity = Polarity.NEGATIVE
    kind: ObservationKind = ObservationKind.OTHER
    source: ObservationSource = ObservationSource.INTERNAL
    detail: str = ""
    url: Link = ""


class ActionItemSchema(Input):
    title: str = Field(min_length=1, max_length=300)
    owner: str = Field(min_length=1, max_length=200)
    due_on: date
    done_on: date | None = None


class DecisionOut(Schema):
    id: int
    decided_on: date
    kind: str
    rationale: str
    actions: list[ActionItemSchema]


def distinct_titles(actions: list[ActionItemSchema]) -> list[ActionItemSchema]:
    """A decision's actions are told apart by title (the store's key): no two alike."""
    titles = [action.title for action in actions]
    if len(set(titles)) != len(titles):
        raise ValueError("two actions have the same title; give each its own")
    return actions


class DecisionIn(Input):
    decided_on: date
    kind: DecisionKind
    rationale: str = Field(min_length=1)
    actions: list[ActionItemSchema] = []

    @field_validator("actions")
    @classmethod
    def titles_differ(cls, actions: list[ActionItemSchema]) -> list[ActionItemSchema]:
        return distinct_titles(actions)
