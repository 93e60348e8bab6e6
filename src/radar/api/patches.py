"""Bodies of PATCH requests: every field optional; only the fields sent are changed.

A field that may not be empty in the store (a name, a kind) refuses an explicit
null with a 422, instead of failing in the database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from ninja import Field
from pydantic import AfterValidator, field_validator, model_validator

from radar.api.bounds import MAX_QUANTITY, Input
from radar.api.schemas import ActionItemSchema, distinct_titles
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
from radar.ingest.bundle.spec import MAX_INT
from radar.security.links import check_link


class PatchSchema(Input):
    # Fields that cannot be set to null; text fields stored blank, which null empties.
    required: ClassVar[frozenset[str]] = frozenset()
    blank: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required(self) -> PatchSchema:
        sent = self.model_fields_set & self.required
        nulls = sorted(k for k in sent if getattr(self, k) is None)
        if nulls:
            raise ValueError(f"{', '.join(nulls)} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        found = self.dict(exclude_unset=True)
        return {k: "" if v is None and k in self.blank else v for k, v in found.items()}


class AlliancePatch(PatchSchema):
    required = frozenset({"name", "slug", "partner", "kind", "tier", "active"})
    blank = frozenset({"owner_name", "declared_phase", "description"})

    name: str | None = Field(None, min_length=1, max_length=200)
    slug: str | None = Field(None, min_length=1, max_length=220, pattern=r"^[-a-zA-Z0-9_]+$")
    partner: str | None = Field(None, min_length=1, max_length=200, description="Partner name")
    kind: AllianceKind | None = None
    tier: int | None = Field(None, ge=1, le=3)
    owner_name: str | None = Field(None, max_length=200)
    started_on: date | None = None
    declared_phase: Phase | None = None
    description: str | None = None
    active: bool | None = Field(None, description="false archives the alliance")


class ContactPatch(PatchSchema):
    required = frozenset({"side", "name", "role"})
    blank = frozenset({"email", "title", "end_reason"})

    side: Side | None = None
    name: str | None = Field(None, min_length=1, max_length=200)
    email: str | None = Field(None, max_length=254)
    title: str | None = Field(None, max_length=200)
    role: ContactRole | None = None
    started_on: date | None = None
    ended_on: date | None = None
    end_reason: str | None = Field(None, pattern=r"^(left|reassigned|role_change)?$")
    successor_id: int | None = Field(
        None, ge=1, le=MAX_INT, description="A contact of the same alliance and side"
    )


class InteractionPatch(PatchSchema):
    required = frozenset({"kind", "occurred_at", "ritual", "direction", "cancelled"})
    blank = frozenset({"subject", "notes"})

    kind: InteractionKind | None = None
    occurred_at: datetime | None = None
    ritual: Ritual | None = None
    direction: Direction | None = None
    subject: str | None = Field(None, max_length=500)
    duration_minutes: int | None = Field(None, ge=0, le=MAX_INT)
    reply_hours: float | None = Field(None, ge=0, le=MAX_QUANTITY)
    cancelled: bool | None = None
    notes: str | None = None


class ObservationPatch(PatchSchema):
    required = frozenset({"observed_on", "title", "polarity", "kind", "source"})
    blank = frozenset({"category", "detail", "url"})

    observed_on: date | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    category: Category | None = None
    polarity: Polarity | None = None
    kind: ObservationKind | None = None
    source: ObservationSource | None = None
    detail: str | None = None
    url: Annotated[str, Field(max_length=200), AfterValidator(check_link)] | None = None


class DecisionPatch(PatchSchema):
    required = frozenset({"decided_on", "kind", "rationale", "actions"})

    decided_on: date | None = None
    kind: DecisionKind | None = None
    rationale: str | None = Field(None, min_length=1)
    actions: list[ActionItemSchema] | None = Field(
        None, description="Replaces every action item of the decision"
    )

    @field_validator("actions")
    @classmethod
    def titles_differ(cls, actions: list[ActionItemSchema] | None) -> list[ActionItemSchema] | None:
        return None if actions is None else distinct_titles(actions)
