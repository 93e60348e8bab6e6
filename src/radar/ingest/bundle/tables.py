"""How each bundle entity maps onto a store model.

A table lists the model fields it writes and where each value comes from:
a bundle column, a reference (resolved by key to a row id), or a small
function of the row. The validator and the writer both work from these
definitions, so what is checked is exactly what is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils.text import slugify

from radar.ingest.bundle import spec
from radar.portfolio import models as m

Row = list[Any]


@dataclass(frozen=True)
class Ref:
    """A reference to another entity by its natural key (bundle columns)."""

    kind: str  # alliance, partner, contact, metric, survey, decision, interaction, user
    columns: tuple[str, ...]
    optional: bool = False  # a blank reference means "none"
    warn_only: bool = False  # unknown → warning and empty (usernames)
    deferred: bool = False  # may point to a row later in the same file (successors)


Source = str | Ref | Callable[[Row, dict[str, int]], Any]


@dataclass
class Table:
    entity: spec.Entity
    model: type[models.Model]
    fields: tuple[tuple[str, Source], ...]  # (model field attname, source)
    key: tuple[str, ...]  # model field attnames forming the natural key
    provides: str = ""  # catalogue kind this entity's rows can be referred to as
    ordinal: bool = False  # identical keys are told apart by order of appearance
    # Rows grow with the history, not with the portfolio (interactions and the
    # like): keys are checked against the database chunk by chunk, never kept.
    streamed: bool = False
    create_only: bool = False  # a row whose key exists is left as it is, never updated
    # Fills derived cells (slug, interaction id); gets the alliance-name map.
    prepare: Callable[[Row, dict[str, int], dict[str, str]], None] | None = None
    ix: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.ix = {name: i for i, name in enumerate(self.entity.column_names)}

    @property
    def name(self) -> str:
        return self.entity.name

    def refs(self) -> list[Ref]:
        return [source for _, source in self.fields if isinstance(source, Ref)]


def ident(value: str) -> str:
    """How a contact is referred to: e-mail (any case) or exact name."""
    return value.lower() if "@" in value else value


def _alliance_slug(row: Row, ix: dict[str, int], names: dict[str, str]) -> None:
    if not row[ix["slug"]]:
        row[ix["slug"]] = slugify(row[ix["name"]])[:220] or "alliance"


def auto_external_id(
    alliance: str, kind: str, occurred_at: Any, direction: str, subject: str
) -> str:
    """A deterministic id from what identifies an interaction (its alliance by name)."""
    text = "\x1f".join([alliance, kind, str(occurred_at), direction, subject])
    return "auto-" + hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _interaction_id(row: Row, ix: dict[str, int], names: dict[str, str]) -> None:
    if not row[ix["external_id"]]:
        alliance: str = row[ix["alliance"]]
        row[ix["external_id"]] = auto_external_id(
            names.get(alliance) or alliance,
            row[ix["kind"]],
            row[ix["occurred_at"]],
            row[ix["direction"]],
            row[ix["subject"]],
        )


def _alliance_ref() -> Ref:
    return Ref("alliance", ("alliance",))


def _no_password(row: Row, ix: dict[str, int]) -> str:
    # Unusable: no sign-in, and no password-reset e-mail, until an administrator sets one.
    return make_password(None)


TABLES: tuple[Table, ...] = (
    Table(
        spec.USERS,
        get_user_model(),
        (
            ("username", "username"),
            ("first_name", "first_name"),
            ("last_name", "last_name"),
            ("email", "email"),
            ("password", _no_password),
        ),
        key=("username",),
        provides="user",
        create_only=True,
    ),
    Table(
        spec.PARTNERS,
        m.Partner,
        (
            ("name", "name"),
            ("website", "website"),
            ("email_domains", "email_domains"),
            ("notes", "notes"),
        ),
        key=("name",),
        provides="partner",
    ),
    Table(
        spec.ALLIANCES,
        m.Alliance,
        (
            ("name", "name"),
            ("slug", "slug"),
            ("partner_id", Ref("partner", ("partner",))),
            ("kind", "kind"),
            ("tier", lambda row, ix: int(row[ix["tier"]])),
            ("owner_name", "owner_name"),
            ("owner_id", Ref("user", ("owner_username",), optional=True, warn_only=True)),
            ("started_on", "started_on"),
            ("declared_phase", "declared_phase"),
            ("description", "description"),
            ("active", "active"),
        ),
        key=("name",),
        provides="alliance",
        prepare=_alliance_slug,
    ),
    Table(
        spec.AGREEMENTS,
        m.Agreement,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.AGREEMENTS.column_names[1:]),
        ),
        key=("alliance_id",),
    ),
    Table(
        spec.GOVERNANCE,
        m.GovernanceBody,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.GOVERNANCE.column_names[1:]),
        ),
        key=("alliance_id", "name"),
    ),
    Table(
        spec.METRICS,
        m.MetricDefinition,
        (("alliance_id", _alliance_ref()), *tuple((c, c) for c in spec.METRICS.column_names[1:])),
        key=("alliance_id", "key"),
        provides="metric",
    ),
    Table(
        spec.GOALS,
        m.Goal,
        (
            ("alliance_id", _alliance_ref()),
            ("title", "title"),
            ("description", "description"),
            ("metric_id", Ref("metric", ("alliance", "metric_key"), optional=True)),
            ("target_value", "target_value"),
            ("target_date", "target_date"),
            ("reviewed_on", "reviewed_on"),
        ),
        key=("alliance_id", "title"),
    ),
    Table(
        spec.CONTACTS,
        m.Contact,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.CONTACTS.column_names[1:] if c != "successor"),
            (
                "successor_id",
                Ref("contact", ("alliance", "successor"), optional=True, deferred=True),
            ),
        ),
        key=("alliance_id", "email|name"),
        provides="contact",
    ),
    Table(
        spec.INTERACTIONS,
        m.Interaction,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.INTERACTIONS.column_names[1:]),
        ),
        key=("alliance_id", "source", "external_id"),
        streamed=True,
        provides="interaction",
        prepare=_interaction_id,
    ),
    Table(
        spec.PARTICIPANTS,
        m.InteractionParticipant,
        (
            ("interaction_id", Ref("interaction", ("alliance", "source", "external_id"))),
            ("contact_id", Ref("contact", ("alliance", "contact"))),
            ("invited", "invited"),
            ("attended", "attended"),
            ("response", "response"),
            ("role", "role"),
            (
                "stands_in_for_id",
                Ref("contact", ("alliance", "stands_in_for"), optional=True),
            ),
        ),
        key=("interaction_id", "contact_id"),
        streamed=True,
    ),
    Table(
        spec.DELIVERABLES,
        m.Deliverable,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.DELIVERABLES.column_names[1:]),
        ),
        key=("alliance_id", "title", "due_on"),
        streamed=True,
    ),
    Table(
        spec.METRIC_VALUES,
        m.MetricValue,
        (
            ("metric_id", Ref("metric", ("alliance", "metric"))),
            ("period", "period"),
            ("value", "value"),
            ("source", "source"),
        ),
        key=("metric_id", "period"),
        streamed=True,
    ),
    Table(
        spec.SURVEYS,
        m.Survey,
        (("alliance_id", _alliance_ref()), *tuple((c, c) for c in spec.SURVEYS.column_names[1:])),
        key=("alliance_id", "kind", "sent_on"),
        provides="survey",
    ),
    Table(
        spec.SURVEY_RESPONSES,
        m.SurveyResponse,
        (
            ("survey_id", Ref("survey", ("alliance", "survey_kind", "survey_sent_on"))),
            ("side", "side"),
            ("respondent", "respondent"),
            ("submitted_on", "submitted_on"),
            ("score", "score"),
            ("contact_id", Ref("contact", ("alliance", "contact"), optional=True)),
            ("comment", "comment"),
        ),
        key=("survey_id", "side", "respondent", "submitted_on"),
        ordinal=True,
    ),
    Table(
        spec.OBSERVATIONS,
        m.Observation,
        (
            ("alliance_id", _alliance_ref()),
            *tuple((c, c) for c in spec.OBSERVATIONS.column_names[1:-1]),
            ("recorded_by_id", Ref("user", ("recorded_by_username",), True, True)),
        ),
        key=("alliance_id", "observed_on", "title"),
    ),
    Table(
        spec.CONTEXT_FACTORS,
        m.ContextFactor,
        (
            ("alliance_id", Ref("alliance", ("alliance",), optional=True)),
            *tuple((c, c) for c in spec.CONTEXT_FACTORS.column_names[1:]),
        ),
        key=("alliance_id", "kind", "starts_on"),
    ),
    Table(
        spec.CHECKINS,
        m.CheckIn,
        (
            ("alliance_id", _alliance_ref()),
            ("held_on", "held_on"),
            ("reviewer_name", "reviewer_name"),
            ("reviewer_id", Ref("user", ("reviewer_username",), True, True)),
            *tuple((c, c) for c in spec.CHECKINS.column_names[4:]),
        ),
        key=("alliance_id", "held_on"),
    ),
    Table(
        spec.DECISIONS,
        m.Decision,
        (
            ("alliance_id", _alliance_ref()),
            ("decided_on", "decided_on"),
            ("kind", "kind"),
            ("rationale", "rationale"),
            ("decided_by_id", Ref("user", ("decided_by_username",), True, True)),
        ),
        key=("alliance_id", "decided_on", "kind"),
        provides="decision",
    ),
    Table(
        spec.ACTION_ITEMS,
        m.ActionItem,
        (
            ("decision_id", Ref("decision", ("alliance", "decided_on", "decision_kind"))),
            ("title", "title"),
            ("owner", "owner"),
            ("due_on", "due_on"),
            ("done_on", "done_on"),
        ),
        key=("decision_id", "title"),
    ),
)
BY_NAME = {table.name: table for table in TABLES}
