"""One rule everywhere: each bundle key is a unique constraint of the database."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, models, transaction

from radar.ingest.bundle.tables import TABLES
from radar.portfolio import models as m

pytestmark = pytest.mark.django_db


def _unique_field_sets(model: type[models.Model]) -> list[set[str]]:
    found = [
        {model._meta.get_field(f).attname for f in c.fields}
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    found += [{f.attname} for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    return found


def test_every_bundle_key_is_a_database_constraint() -> None:
    for table in TABLES:
        if table.ordinal:
            continue  # survey responses: identical answers are told apart by their order
        key = set(table.key)
        if "email|name" in key:  # contacts: two conditional constraints, tested below
            continue
        assert any(key == unique or unique <= key for unique in _unique_field_sets(table.model)), (
            f"{table.name}: key {sorted(key)} is not enforced by the database"
        )


def _refused(make: object) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()  # type: ignore[operator]


def test_the_database_refuses_repeated_keys(alliance: m.Alliance) -> None:
    day = date(2026, 5, 4)
    m.Observation.objects.create(alliance=alliance, observed_on=day, title="Rival")
    _refused(
        lambda: m.Observation.objects.create(alliance=alliance, observed_on=day, title="Rival")
    )
    m.CheckIn.objects.create(alliance=alliance, held_on=day)
    _refused(lambda: m.CheckIn.objects.create(alliance=alliance, held_on=day))
    decision = m.Decision.objects.create(
        alliance=alliance, decided_on=day, kind="reset", rationale="r"
    )
    _refused(lambda: m.Decision.objects.create(alliance=alliance, decided_on=day, kind="reset"))
    m.ActionItem.objects.create(decision=decision, title="Call", owner="A", due_on=day)
    _refused(
        lambda: m.ActionItem.objects.create(decision=decision, title="Call", owner="B", due_on=day)
    )
    m.ContextFactor.objects.create(alliance=None, kind="downturn", starts_on=day)
    _refused(lambda: m.ContextFactor.objects.create(alliance=None, kind="downturn", starts_on=day))
    m.ContextFactor.objects.create(alliance=alliance, kind="downturn", starts_on=day)  # other scope
    _refused(
        lambda: m.ContextFactor.objects.create(alliance=alliance, kind="downturn", starts_on=day)
    )


def test_contacts_are_one_per_email_in_any_case_or_per_name_without_email(
    alliance: m.Alliance,
) -> None:
    m.Contact.objects.create(alliance=alliance, side="partner", name="Cy", email="Cy@x.example")
    _refused(
        lambda: m.Contact.objects.create(
            alliance=alliance, side="partner", name="Cy 2", email="cy@X.example"
        )
    )
    # "Ada Partner" (no e-mail) is in the fixture: a second one needs an e-mail.
    _refused(
        lambda: m.Contact.objects.create(alliance=alliance, side="partner", name="Ada Partner")
    )
    m.Contact.objects.create(
        alliance=alliance, side="partner", name="Ada Partner", email="ada2@x.example"
    )


def test_two_alike_interactions_logged_here_stay_two(alliance: m.Alliance) -> None:
    from django.utils import timezone

    at = timezone.now()
    one = m.Interaction.objects.create(alliance=alliance, kind="call", occurred_at=at)
    two = m.Interaction.objects.create(alliance=alliance, kind="call", occurred_at=at)
    assert one.external_id.startswith("radar-") and one.external_id != two.external_id


def test_alliances_whose_names_make_the_same_slug_get_their_own(db: None) -> None:
    partner = m.Partner.objects.create(name="Acme")
    first = m.Alliance.objects.create(name="Acme & Co", partner=partner)
    second = m.Alliance.objects.create(name="Acme Co", partner=partner)
    assert (first.slug, second.slug) == ("acme-co", "acme-co-2")
