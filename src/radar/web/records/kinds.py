"""Every kind of record a manager keeps on an alliance, described once.

A `Kind` says which model and form it uses, how its list page reads, and what a
deletion would take with it; the generic views in radar.web.views.records do the
rest. URL names follow the key: `<key>_add`, `<key>_edit`, `<key>_delete`, and
`list_name` for the list page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Model, QuerySet

from radar.portfolio.models import (
    ActionItem,
    Alliance,
    Contact,
    Goal,
    GovernanceBody,
    InteractionParticipant,
    MetricDefinition,
    Survey,
    SurveyResponse,
)
from radar.web.forms.action_items import ActionItemEditForm
from radar.web.forms.base import RecordForm
from radar.web.forms.contacts import ContactForm
from radar.web.forms.goals import GoalForm, MetricDefinitionForm
from radar.web.forms.governance import GovernanceBodyForm
from radar.web.forms.surveys import SurveyForm, SurveyResponseForm


def _day(value: date | None) -> str:
    return f"{value:%-d %b %Y}" if value else "—"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:,.10g}"


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Any], str]
    numeric: bool = False


Dependents = Callable[[Any], list[tuple[str, int]]]


def label_of(record: Any) -> str:
    """How a record is named to people: its name or title, else its description."""
    return str(getattr(record, "name", "") or getattr(record, "title", "") or record)


def _none(_obj: Any) -> list[tuple[str, int]]:
    return []


@dataclass(frozen=True)
class Kind:
    key: str  # URL names <key>_add, <key>_edit, <key>_delete
    path: str  # URL segment under /alliances/<slug>/
    list_name: str  # URL name of the page that lists them
    model: type[Model]
    form: type[RecordForm]
    noun: str  # "person": "Add a person", "Delete this person?"
    title: str  # the list page's heading
    intro: str
    scope: Callable[[Alliance], QuerySet[Any]]
    columns: tuple[Column, ...] = ()
    # What would go with a deletion: (what, how many). Anything there asks the user
    # to type the record's name first.
    dependents: Dependents = _none
    # Said on the delete page, e.g. "record that they left instead".
    instead: str = ""
    muted: Callable[[Any], bool] = field(default=lambda _obj: False)
    list_template: str = "web/records/_table.html"
    has_list: bool = True

    @property
    def a_noun(self) -> str:
        return f"{'an' if self.noun[0] in 'aeiou' else 'a'} {self.noun}"

    @property
    def add_name(self) -> str:
        return f"{self.key}_add"

    @property
    def edit_name(self) -> str:
        return f"{self.key}_edit"

    @property
    def delete_name(self) -> str:
        return f"{self.key}_delete"


def _contact_dependents(contact: Contact) -> list[tuple[str, int]]:
    return [
        (
            "interactions they took part in",
            InteractionParticipant.objects.filter(contact=contact).count(),
        ),
        ("survey answers", SurveyResponse.objects.filter(contact=contact).count()),
    ]


def _left(contact: Contact) -> str:
    if contact.ended_on is None:
        return "in role"
    reason = contact.get_end_reason_display().lower() if contact.end_reason else "left"
    successor = contact.successor  # no query when there is none
    after = f"; {successor.name} took over" if successor is not None else ""
    return f"{reason} {_day(contact.ended_on)}{after}"


CONTACTS = Kind(
    key="contact",
    path="people",
    list_name="contacts",
    model=Contact,
    form=ContactForm,
    noun="person",
    title="People",
    intro="Everyone on both sides: their role in the alliance, since when, and who took over"
    " when someone moved on.",
    scope=lambda a: (
        Contact.objects.filter(alliance=a)
        .select_related("successor")
        .order_by("side", "ended_on", "name")
    ),
    columns=(
        Column("Name", lambda c: c.name + (f" — {c.title}" if c.title else "")),
        Column("Side", lambda c: "Us" if c.side == "ours" else "Partner"),
        Column("Role", lambda c: c.get_role_display()),
        Column("Since", lambda c: _day(c.started_on)),
        Column("Now", _left),
    ),
    dependents=_contact_dependents,
    instead="To keep their history, record that they left the role instead (edit them).",
    muted=lambda c: c.ended_on is not None,
)


GOALS = Kind(
    key="goal",
    path="goals",
    list_name="goals",
    model=Goal,
    form=GoalForm,
    noun="goal",
    title="Goals",
    intro="What the alliance is for, each measured by a metric with a target. Review them with"
    " the partner at least once a year.",
    scope=lambda a: Goal.objects.filter(alliance=a).select_related("metric").order_by("title"),
    list_template="web/records/_goals.html",
)


def _metric_dependents(metric: MetricDefinition) -> list[tuple[str, int]]:
    return [
        ("monthly values", metric.values.count()),
        (
            "goals measured by it (they stay, unmeasured)",
            Goal.objects.filter(metric=metric).count(),
        ),
    ]


METRICS = Kind(
    key="metricdef",
    path="metrics",
    list_name="metric_definitions",
    model=MetricDefinition,
    form=MetricDefinitionForm,
    noun="metric",
    title="Metrics",
    intro="The numbers the alliance is judged by. Record their monthly values with"
    " “Metric value” on the alliance page or import them.",
    scope=lambda a: (
        MetricDefinition.objects.filter(alliance=a)
        .annotate(value_count=Count("values"))
        .order_by("name")
    ),
    columns=(
        Column("Metric", lambda m: m.name + (f" ({m.unit})" if m.unit else "")),
        Column("Key", lambda m: m.key),
        Column("Kind", lambda m: m.get_kind_display()),
        Column("Better when", lambda m: "higher" if m.higher_is_better else "lower"),
        Column("Monthly target", lambda m: _number(m.target), numeric=True),
        Column("Values", lambda m: str(m.value_count), numeric=True),
    ),
    dependents=_metric_dependents,
)

GOVERNANCE = Kind(
    key="governance",
    path="governance",
    list_name="governance_bodies",
    model=GovernanceBody,
    form=GovernanceBodyForm,
    noun="governance body",
    title="Governance",
    intro="The bodies that steer the alliance and how often they should meet. Logged meetings"
    " of their type count as them meeting.",
    scope=lambda a: GovernanceBody.objects.filter(alliance=a).order_by("tier", "name"),
    columns=(
        Column("Body", lambda g: g.name),
        Column("Level", lambda g: g.get_tier_display()),
        Column("Its meetings", lambda g: g.get_ritual_display()),
        Column("Meets every", lambda g: f"{g.cadence_days} days", numeric=True),
    ),
)


def _survey_dependents(survey: Survey) -> list[tuple[str, int]]:
    return [("responses", survey.responses.count())]


SURVEYS = Kind(
    key="survey",
    path="surveys",
    list_name="surveys",
    model=Survey,
    form=SurveyForm,
    noun="survey",
    title="Surveys",
    intro="Pulse checks, health and alignment surveys and joint customers' NPS, with the"
    " answers that came back.",
    scope=lambda a: (
        Survey.objects.filter(alliance=a)
        .prefetch_related("responses__contact")
        .order_by("-sent_on")
    ),
    columns=(
        Column("Survey", lambda s: s.title),
        Column("Kind", lambda s: s.get_kind_display()),
        Column("Sent", lambda s: _day(s.sent_on)),
    ),
    dependents=_survey_dependents,
    list_template="web/records/_surveys.html",
)

RESPONSES = Kind(
    key="response",
    path="surveys/responses",
    list_name="surveys",
    model=SurveyResponse,
    form=SurveyResponseForm,
    noun="survey response",
    title="Surveys",  # responses are listed with their survey
    intro="One answer to one of this alliance's surveys.",
    scope=lambda a: SurveyResponse.objects.filter(survey__alliance=a).select_related("survey"),
    has_list=False,
)

ACTIONS = Kind(
    key="actionitem",
    path="actions",
    list_name="action_items",
    model=ActionItem,
    form=ActionItemEditForm,
    noun="action item",
    title="Action items",
    intro="What was agreed to do after each decision, who does it and by when.",
    scope=lambda a: (
        ActionItem.objects.filter(decision__alliance=a)
        .select_related("decision", "owner_user")
        .order_by("done_on", "due_on")
    ),
    columns=(
        Column("Action", lambda i: i.title),
        Column(
            "Decision", lambda i: f"{i.decision.get_kind_display()} {_day(i.decision.decided_on)}"
        ),
        Column("Owner", lambda i: i.owner_label),
        Column("Due", lambda i: _day(i.due_on)),
        Column("Done", lambda i: _day(i.done_on) if i.done_on else "open"),
    ),
    muted=lambda i: i.done_on is not None,
)

KINDS: dict[str, Kind] = {
    k.key: k for k in (CONTACTS, GOALS, METRICS, GOVERNANCE, SURVEYS, RESPONSES, ACTIONS)
}
