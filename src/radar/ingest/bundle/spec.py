"""The portfolio bundle format, version 1: entities, their columns and keys.

This module is the single source of truth: the reader validates against it,
the writer writes its columns in this order, and docs/bundle-format.md lists
the same columns (a test checks the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from radar.engine import vocab

FORMAT_NAME = "alliance-radar-bundle"
FORMAT_VERSION = "1"
MANIFEST_FILE = "manifest.json"
JSON_FILE = "portfolio.json"

# Column types (see docs/bundle-format.md, "Cell types").
TEXT = "text"
DATE = "date"
DATETIME = "datetime"
MONTH = "month"
BOOL = "bool"
INT = "integer"
NUMBER = "number"
ENUM = "enum"
JSON = "json"
URL = "url"


@dataclass(frozen=True)
class Column:
    name: str
    type: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""  # the value a blank cell means ("" = empty / null)
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class Entity:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    help: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


# The largest whole number the store keeps in a counting column (a 32-bit
# integer on every supported database); larger ones are refused by the reader.
MAX_INT = 2_147_483_647
END_REASONS = ("left", "reassigned", "role_change")
PARTICIPANT_ROLES = ("organizer", "chair", "required", "optional")
TIERS = ("1", "2", "3")


def _alliance(required: bool = True) -> Column:
    return Column(
        "alliance",
        required=required,
        help="Alliance name (or slug) from alliances.csv or already in the store.",
        example="Acme Cloud co-sell",
    )


def _user(name: str) -> Column:
    return Column(
        name,
        max_length=150,
        help=(
            "Username of a Radar user or of users.csv; unknown usernames are left empty (warning)."
        ),
        example="maria",
    )


USERS = Entity(
    "users",
    (
        Column("username", required=True, max_length=150, example="maria"),
        Column("first_name", max_length=150, example="Maria"),
        Column("last_name", max_length=150, example="Lopez"),
        Column("email", max_length=254, example="maria@ours.example"),
    ),
    key=("username",),
    help=(
        "The people other files name as owner, reviewer, recorder or decider. An import "
        "creates those it does not know, without a password and without a role (an "
        "administrator gives them both); it never changes a user who exists."
    ),
)

PARTNERS = Entity(
    "partners",
    (
        Column("name", required=True, max_length=200, example="Acme Cloud"),
        Column("website", URL, max_length=200, example="https://acme.example"),
        Column(
            "email_domains",
            max_length=500,
            help="Comma-separated e-mail domains of the partner's people.",
            example="acme.example, acme-cloud.example",
        ),
        Column("notes", example="Global SI partner"),
    ),
    key=("name",),
    help="Partner organisations.",
)

ALLIANCES = Entity(
    "alliances",
    (
        Column("name", required=True, max_length=200, example="Acme Cloud co-sell"),
        Column(
            "slug",
            max_length=220,
            help="URL name; blank = made from the name.",
            example="acme-cloud-co-sell",
        ),
        Column(
            "partner", required=True, max_length=200, help="A partner name.", example="Acme Cloud"
        ),
        Column("kind", ENUM, choices=values(vocab.AllianceKind), default="other"),
        Column(
            "tier",
            ENUM,
            choices=TIERS,
            default="2",
            help="1 = strategic (monthly review), 2 = core, 3 = emerging (quarterly).",
        ),
        Column("owner_name", max_length=200, example="Maria Lopez"),
        _user("owner_username"),
        Column("started_on", DATE, example="2023-04-01"),
        Column("declared_phase", ENUM, choices=values(vocab.Phase)),
        Column("description"),
        Column("active", BOOL, default="true"),
    ),
    key=("name",),
    help="One row per alliance. Every other file refers to alliances by name or slug.",
)

AGREEMENTS = Entity(
    "agreements",
    (
        _alliance(),
        Column("signed_on", DATE),
        Column("renewal_on", DATE),
        Column("review_clause"),
        Column("review_interval_months", INT, minimum=0, maximum=32767, example="6"),
        Column("next_review_on", DATE),
        Column("last_reviewed_on", DATE),
        Column("renegotiation_clause"),
        Column("renegotiation_on", DATE),
        Column("exit_clause", example="Either side, 90 days' notice"),
        Column("exit_notice_days", INT, minimum=0, maximum=MAX_INT, example="90"),
        Column("document_url", URL, max_length=200),
    ),
    key=("alliance",),
    help="At most one agreement per alliance.",
)

GOVERNANCE = Entity(
    "governance",
    (
        _alliance(),
        Column("name", required=True, max_length=200, example="Joint steering committee"),
        Column("tier", ENUM, required=True, choices=values(vocab.GovernanceTier)),
        Column("ritual", ENUM, required=True, choices=values(vocab.Ritual)),
        Column("cadence_days", INT, required=True, minimum=0, maximum=MAX_INT, example="90"),
    ),
    key=("alliance", "name"),
    help="Governance bodies and how often they should meet.",
)

METRICS = Entity(
    "metrics",
    (
        _alliance(),
        Column(
            "key", required=True, max_length=60, help="Letters, digits, _ or -.", example="leads"
        ),
        Column("name", required=True, max_length=200, example="Qualified leads"),
        Column("unit", max_length=30, example="EUR"),
        Column("kind", ENUM, choices=values(vocab.MetricKind), default="lagging"),
        Column("higher_is_better", BOOL, default="true"),
        Column("target", NUMBER, help="Target per month.", example="40"),
        Column(
            "supplied_by",
            ENUM,
            choices=values(vocab.Side),
            default="ours",
            help="Who reports the values: partner values that stop coming are a signal.",
        ),
    ),
    key=("alliance", "key"),
    help="Metric definitions (the series themselves are in metric_values.csv).",
)

GOALS = Entity(
    "goals",
    (
        _alliance(),
        Column("title", required=True, max_length=200, example="Grow joint pipeline"),
        Column("description"),
        Column("metric_key", max_length=60, help="A metric key of the same alliance."),
        Column("target_value", NUMBER, example="500000"),
        Column("target_date", DATE),
        Column("reviewed_on", DATE, help="Last reviewed with the partner."),
    ),
    key=("alliance", "title"),
)

CONTACTS = Entity(
    "contacts",
    (
        _alliance(),
        Column("side", ENUM, required=True, choices=values(vocab.Side)),
        Column("name", required=True, max_length=200, example="Jürgen Weiß"),
        Column("email", max_length=254, example="jurgen@acme.example"),
        Column("title", max_length=200, example="VP Partnerships"),
        Column("role", ENUM, choices=values(vocab.ContactRole), default="other"),
        Column("started_on", DATE),
        Column("ended_on", DATE),
        Column("end_reason", ENUM, choices=END_REASONS),
        Column(
            "successor",
            max_length=254,
            help="E-mail (or name) of the contact who took over, in the same alliance.",
        ),
        Column("first_seen", DATETIME),
        Column("last_seen", DATETIME),
        Column("notes"),
    ),
    key=("alliance", "email|name"),
    help="People on both sides. Key: alliance + e-mail, or alliance + name when no e-mail.",
)

INTERACTIONS = Entity(
    "interactions",
    (
        _alliance(),
        Column("kind", ENUM, required=True, choices=values(vocab.InteractionKind)),
        Column("occurred_at", DATETIME, required=True, example="2024-03-05T14:00:00+01:00"),
        Column("ritual", ENUM, choices=values(vocab.Ritual), default="none"),
        Column("direction", ENUM, choices=values(vocab.Direction), default="mutual"),
        Column("subject", max_length=500),
        Column("duration_minutes", INT, minimum=0, maximum=MAX_INT, example="45"),
        Column("word_count", INT, minimum=0, maximum=MAX_INT),
        Column("reply_hours", NUMBER, minimum=0, help="Hours to reply (e-mail threads)."),
        Column("cancelled", BOOL, default="false"),
        Column("partner_invited", INT, minimum=0, maximum=MAX_INT, default="0"),
        Column("partner_attended", INT, minimum=0, maximum=MAX_INT, default="0"),
        Column("ours_invited", INT, minimum=0, maximum=MAX_INT, default="0"),
        Column("ours_attended", INT, minimum=0, maximum=MAX_INT, default="0"),
        Column("tone", NUMBER, minimum=-1, maximum=1, help="-1 hostile … +1 warm."),
        Column("blaming", BOOL, default="false"),
        Column("defensive", BOOL, default="false"),
        Column("notes"),
        Column("body", help="Message text; usually left empty."),
        Column("source", max_length=30, help="Where the row came from.", example="crm"),
        Column(
            "external_id",
            max_length=500,
            help="Stable id in the source; blank = derived from the row's content.",
            example="evt-2024-0042",
        ),
        Column("thread_id", max_length=500),
    ),
    key=("alliance", "source", "external_id"),
    help="Meetings, calls, e-mails and messages.",
)

PARTICIPANTS = Entity(
    "interaction_participants",
    (
        _alliance(),
        Column("source", max_length=30, help="The interaction's source."),
        Column("external_id", required=True, max_length=500, help="The interaction's id."),
        Column("contact", required=True, max_length=254, help="Contact e-mail (or name)."),
        Column("invited", BOOL, default="true"),
        Column("attended", BOOL, default="true"),
        Column("response", max_length=30, example="ACCEPTED"),
        Column(
            "role",
            ENUM,
            choices=PARTICIPANT_ROLES,
            help="On the invitation: organizer, chair, required or optional (blank: unknown).",
        ),
        Column(
            "stands_in_for",
            max_length=254,
            help="E-mail (or name) of the invited contact this person came in place of.",
        ),
    ),
    key=("alliance", "source", "external_id", "contact"),
    help="Who was invited to / attended an interaction (needs the interaction's external_id).",
)

DELIVERABLES = Entity(
    "deliverables",
    (
        _alliance(),
        Column("title", required=True, max_length=300, example="Joint reference architecture"),
        Column("due_on", DATE, required=True),
        Column("side", ENUM, required=True, choices=values(vocab.Side), help="Who owes it."),
        Column("done_on", DATE),
        Column("status", ENUM, choices=values(vocab.DeliverableStatus), default="open"),
        Column("notes"),
        Column("external_id", max_length=200),
    ),
    key=("alliance", "title", "due_on"),
)

METRIC_VALUES = Entity(
    "metric_values",
    (
        _alliance(),
        Column("metric", required=True, max_length=60, help="The metric key."),
        Column("period", MONTH, required=True, example="2024-03"),
        Column("value", NUMBER, required=True, example="37"),
        Column("source", max_length=30),
    ),
    key=("alliance", "metric", "period"),
    help="One value per metric and month.",
)

SURVEYS = Entity(
    "surveys",
    (
        _alliance(),
        Column("kind", ENUM, required=True, choices=values(vocab.SurveyKind)),
        Column("sent_on", DATE, required=True),
        Column("title", required=True, max_length=200, example="Q1 pulse"),
        Column("scale_max", INT, minimum=1, maximum=100, default="5"),
    ),
    key=("alliance", "kind", "sent_on"),
)

SURVEY_RESPONSES = Entity(
    "survey_responses",
    (
        _alliance(),
        Column("survey_kind", ENUM, required=True, choices=values(vocab.SurveyKind)),
        Column("survey_sent_on", DATE, required=True),
        Column("side", ENUM, required=True, choices=values(vocab.Side)),
        Column("respondent", max_length=200),
        Column("submitted_on", DATE, required=True),
        Column("score", NUMBER, required=True, minimum=0, example="4"),
        Column("contact", max_length=254, help="Contact e-mail (or name), optional."),
        Column("comment"),
    ),
    key=("alliance", "survey_kind", "survey_sent_on", "side", "respondent", "submitted_on", "#"),
    help="Answers to a survey. Identical keys are told apart by their order in the file (#).",
)

OBSERVATIONS = Entity(
    "observations",
    (
        _alliance(),
        Column("observed_on", DATE, required=True),
        Column(
            "title", required=True, max_length=300, example="Partner hiring for a rival program"
        ),
        Column("category", ENUM, choices=values(vocab.Category)),
        Column("polarity", ENUM, choices=values(vocab.Polarity), default="negative"),
        Column("kind", ENUM, choices=values(vocab.ObservationKind), default="other"),
        Column("source", ENUM, choices=values(vocab.ObservationSource), default="internal"),
        Column("detail"),
        Column("url", URL, max_length=200),
        Column(
            "resolved_on", DATE, help="When the situation ended (a durable fact stays until then)."
        ),
        _user("recorded_by_username"),
    ),
    key=("alliance", "observed_on", "title"),
)

CONTEXT_FACTORS = Entity(
    "context_factors",
    (
        _alliance(required=False),
        Column("kind", ENUM, required=True, choices=values(vocab.ContextKind)),
        Column("starts_on", DATE, required=True),
        Column("ends_on", DATE),
        Column("note", example="Partner announced a merger"),
    ),
    key=("alliance", "kind", "starts_on"),
    help="Outside forces. A blank alliance means the whole portfolio.",
)

CHECKINS = Entity(
    "checkins",
    (
        _alliance(),
        Column("held_on", DATE, required=True),
        Column("reviewer_name", max_length=200),
        _user("reviewer_username"),
        Column("neutral_reviewer", BOOL, default="false"),
        Column("manual_score", INT, minimum=1, maximum=5),
        Column("computed_score", NUMBER),
        Column("spoke_with_partner", BOOL),
        Column("team_changes"),
        Column("priorities_shifted", BOOL),
        Column("we_are_delivering", BOOL),
        Column("agreement_reviewed", BOOL),
        Column(
            "category_notes",
            JSON,
            help="JSON object, signal category -> note.",
            example='{"communication": "slower replies"}',
        ),
        Column("notes"),
    ),
    key=("alliance", "held_on"),
    help="Health reviews (check-ins) with the debugging checklist answers.",
)

DECISIONS = Entity(
    "decisions",
    (
        _alliance(),
        Column("decided_on", DATE, required=True),
        Column("kind", ENUM, required=True, choices=values(vocab.DecisionKind)),
        Column("rationale", required=True),
        _user("decided_by_username"),
    ),
    key=("alliance", "decided_on", "kind"),
)

ACTION_ITEMS = Entity(
    "action_items",
    (
        _alliance(),
        Column("decided_on", DATE, required=True, help="The decision's date."),
        Column("decision_kind", ENUM, required=True, choices=values(vocab.DecisionKind)),
        Column("title", required=True, max_length=300),
        Column("owner", required=True, max_length=200),
        Column("due_on", DATE, required=True),
        Column("done_on", DATE),
    ),
    key=("alliance", "decided_on", "decision_kind", "title"),
    help="Follow-ups of a decision (the decision is alliance + decided_on + decision_kind).",
)

# In dependency order: a file only refers to files listed before it.
ENTITIES: tuple[Entity, ...] = (
    USERS,
    PARTNERS,
    ALLIANCES,
    AGREEMENTS,
    GOVERNANCE,
    METRICS,
    GOALS,
    CONTACTS,
    INTERACTIONS,
    PARTICIPANTS,
    DELIVERABLES,
    METRIC_VALUES,
    SURVEYS,
    SURVEY_RESPONSES,
    OBSERVATIONS,
    CONTEXT_FACTORS,
    CHECKINS,
    DECISIONS,
    ACTION_ITEMS,
)
BY_NAME = {entity.name: entity for entity in ENTITIES}
BY_FILE = {entity.file: entity for entity in ENTITIES}
