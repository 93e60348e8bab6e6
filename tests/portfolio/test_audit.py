"""History: hand-kept records are tracked (who, what, when); bulk imports are not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User

from radar.portfolio.models import (
    ActionItem,
    Alliance,
    Contact,
    Decision,
    Interaction,
    Partner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance() -> Alliance:
    partner = Partner.objects.create(name="Northwind Labs")
    return Alliance.objects.create(name="Northwind", partner=partner)


def entries_for(instance: object) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(instance).order_by("pk"))


def test_a_change_is_logged_with_its_fields_and_its_alliance(alliance: Alliance) -> None:
    ada = Contact.objects.create(alliance=alliance, side="partner", name="Ada", role="champion")
    ada.role = "other"
    ada.save()
    created, changed = entries_for(ada)
    assert created.action == LogEntry.Action.CREATE and changed.action == LogEntry.Action.UPDATE
    assert changed.changes_dict == {"role": ["champion", "other"]}
    assert changed.additional_data == {"alliance_id": alliance.pk}


def test_deleting_keeps_a_trace_that_still_names_the_alliance(alliance: Alliance) -> None:
    decision = Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 9, 1), kind="reset", rationale="Why"
    )
    item = ActionItem.objects.create(decision=decision, title="Call", due_on=date(2026, 10, 1))
    pk = item.pk
    item.delete()
    gone = LogEntry.objects.filter(object_id=pk, action=LogEntry.Action.DELETE).get()
    assert gone.additional_data == {"alliance_id": alliance.pk}  # found through its decision


def test_bulk_imports_and_derived_rows_are_not_tracked(alliance: Alliance) -> None:
    before = LogEntry.objects.count()
    Interaction.objects.bulk_create(
        Interaction(alliance=alliance, kind="call", occurred_at=datetime(2026, 9, d, tzinfo=UTC))
        for d in range(1, 20)
    )
    Contact.objects.bulk_create([Contact(alliance=alliance, side="partner", name="Bulk")])
    Interaction.objects.create(
        alliance=alliance, kind="call", occurred_at=datetime(2026, 9, 25, tzinfo=UTC)
    )
    assert LogEntry.objects.count() == before  # interactions are never tracked, even one by one


def test_passwords_never_reach_the_log() -> None:
    user = User.objects.create_user("ann", password="first-password-1")
    user.set_password("second-password-2")
    user.save()
    for entry in entries_for(user):
        assert "password" not in entry.changes_dict and "last_login" not in entry.changes_dict
