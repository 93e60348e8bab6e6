"""A small portfolio that uses every entity, awkward text and empty values,
and a canonical dump of the store that does not depend on row ids."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from radar.portfolio import models as m

AWKWARD = 'Größe, "quoted"\nsecond line; tab\there — ✓'
SKIPPED = {"id", "created_at", "updated_at", "computed_at"}
DUMPED = (
    m.Partner,
    m.Alliance,
    m.Agreement,
    m.GovernanceBody,
    m.MetricDefinition,
    m.Goal,
    m.Contact,
    m.Interaction,
    m.InteractionParticipant,
    m.Deliverable,
    m.MetricValue,
    m.Survey,
    m.SurveyResponse,
    m.Observation,
    m.ContextFactor,
    m.CheckIn,
    m.Decision,
    m.ActionItem,
)


def build_portfolio() -> None:
    user = get_user_model().objects.create(username="maria")
    acme = m.Partner.objects.create(
        name="Acme Cloud",
        website="https://acme.example",
        email_domains="acme.example",
        notes=AWKWARD,
    )
    globex = m.Partner.objects.create(name="Globex, Inc.")
    a = m.Alliance.objects.create(
        name="Acme co-sell",
        partner=acme,
        kind="co_selling",
        tier=1,
        owner=user,
        owner_name="Maria",
        started_on=date(2023, 1, 1),
        declared_phase="growth",
        description=AWKWARD,
    )
    b = m.Alliance.objects.create(name="Globex R&D ü", partner=globex, active=False)
    m.Agreement.objects.create(
        alliance=a,
        signed_on=date(2023, 1, 1),
        review_interval_months=6,
        exit_clause='90 days, "written"',
        exit_notice_days=90,
    )
    m.GovernanceBody.objects.create(
        alliance=a, tier="steering", name="JSC", ritual="steering_committee", cadence_days=90
    )
    leads = m.MetricDefinition.objects.create(
        alliance=a, key="leads", name="Leads", kind="leading", target=40.5
    )
    m.MetricDefinition.objects.create(alliance=b, key="revenue", name="Revenue", unit="EUR")
    m.Goal.objects.create(alliance=a, title="Pipeline", metric=leads, target_value=1e6)
    m.Goal.objects.create(alliance=b, title="No metric")
    anna = m.Contact.objects.create(
        alliance=a, side="partner", name="Anna", email="anna@acme.example", role="champion"
    )
    jurgen = m.Contact.objects.create(
        alliance=a,
        side="partner",
        name="Jürgen Weiß",
        email="jurgen@acme.example",
        role="technical_lead",
        ended_on=date(2024, 5, 1),
        end_reason="reassigned",
        successor=anna,
        first_seen=datetime(2023, 2, 1, 9, 30, tzinfo=UTC),
        notes=AWKWARD,
    )
    nomail = m.Contact.objects.create(alliance=b, side="ours", name="No Mail")
    meeting = m.Interaction.objects.create(
        alliance=a,
        kind="meeting",
        ritual="qbr",
        occurred_at=datetime(2024, 3, 5, 13, tzinfo=UTC),
        subject=AWKWARD,
        duration_minutes=60,
        partner_invited=3,
        partner_attended=2,
        tone=-0.25,
        blaming=True,
        source="ics",
        external_id="uid-1@acme",
    )
    m.Interaction.objects.create(
        alliance=a,
        kind="email",
        occurred_at=datetime(2024, 3, 6, 8, 1, 2, 345678, tzinfo=UTC),
        direction="inbound",
        word_count=120,
        reply_hours=30.25,
        source="mbox",
        external_id="<msg-1@acme.example>",
        thread_id="<t@acme>",
        body="Hi,\r\nThanks",
    )
    m.Interaction.objects.create(
        alliance=b,
        kind="call",
        occurred_at=datetime(2024, 4, 1, tzinfo=UTC),
        cancelled=True,
        source="bundle",
        external_id="call-1",
    )
    m.InteractionParticipant.objects.create(
        interaction=meeting, contact=jurgen, attended=False, response="DECLINED"
    )
    m.InteractionParticipant.objects.create(interaction=meeting, contact=anna)
    m.Deliverable.objects.create(
        alliance=a,
        title="Reference architecture",
        side="ours",
        due_on=date(2024, 2, 1),
        done_on=date(2024, 2, 20),
        status="done",
        notes=AWKWARD,
    )
    m.MetricValue.objects.create(metric=leads, period=date(2024, 1, 1), value=37)
    m.MetricValue.objects.create(metric=leads, period=date(2024, 2, 1), value=0.1)
    survey = m.Survey.objects.create(alliance=a, kind="pulse", title="Q1", sent_on=date(2024, 3, 1))
    for score in (4, 4, 2.5):  # two identical anonymous answers on purpose
        m.SurveyResponse.objects.create(
            survey=survey, side="partner", submitted_on=date(2024, 3, 3), score=score
        )
    m.SurveyResponse.objects.create(
        survey=survey,
        side="partner",
        contact=anna,
        respondent="Anna",
        submitted_on=date(2024, 3, 4),
        score=5,
        comment=AWKWARD,
    )
    m.Observation.objects.create(
        alliance=a,
        observed_on=date(2024, 4, 2),
        title="Hiring for a rival",
        category="priority",
        kind="job_posting",
        source="external",
        url="https://jobs.example/1",
        recorded_by=user,
    )
    m.ContextFactor.objects.create(kind="downturn", starts_on=date(2024, 1, 1), note="market")
    m.ContextFactor.objects.create(
        alliance=b, kind="merger_acquisition", starts_on=date(2024, 2, 1), ends_on=date(2024, 6, 30)
    )
    m.CheckIn.objects.create(
        alliance=a,
        held_on=date(2024, 3, 31),
        reviewer=user,
        manual_score=3,
        spoke_with_partner=True,
        priorities_shifted=False,
        category_notes={"communication": 'slower, "much"', "culture": "ok"},
    )
    decision = m.Decision.objects.create(
        alliance=a, decided_on=date(2024, 4, 5), kind="reset", rationale=AWKWARD, decided_by=user
    )
    m.ActionItem.objects.create(
        decision=decision, title="Call the sponsor", owner="Maria", due_on=date(2024, 4, 30)
    )
    del nomail


USER_FIELDS = ("username", "first_name", "last_name", "email")


def _label(obj: models.Model | None) -> Any:
    if obj is None:
        return None
    if isinstance(obj, get_user_model()):
        # What a bundle carries of a user (users.csv): never a password or sign-in times.
        return tuple(getattr(obj, name) for name in USER_FIELDS)
    return tuple(_value(obj, f) for f in obj._meta.concrete_fields if f.name not in SKIPPED)


def _value(obj: models.Model, field: models.Field[Any, Any]) -> Any:
    if field.is_relation:
        return _label(getattr(obj, field.name))
    return getattr(obj, field.attname)


def dump() -> dict[str, list[str]]:
    """Every row of every bundle model, ids replaced by what they point to."""
    return {
        model.__name__: sorted(repr(_label(obj)) for obj in model._default_manager.all())
        for model in DUMPED
    }


def wipe() -> None:
    """An empty store, users included: as a new database the bundle is imported into."""
    for model in reversed(DUMPED):
        model._default_manager.all().delete()
    get_user_model().objects.all().delete()
