"""Writes mark alliances for re-scoring (database triggers), and the re-score consumes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection

from radar.portfolio.models import (
    ActionItem,
    Alliance,
    Assessment,
    Contact,
    Decision,
    Deliverable,
    Interaction,
    MetricDefinition,
    MetricValue,
    Partner,
)
from radar.worker import rescore
from radar.worker.models import RescoreMark

pytestmark = pytest.mark.django_db


@pytest.fixture
def two() -> tuple[Alliance, Alliance]:
    partner = Partner.objects.create(name="Northwind")
    first = Alliance.objects.create(name="First", partner=partner, started_on=date(2024, 1, 1))
    second = Alliance.objects.create(name="Second", partner=partner, started_on=date(2024, 1, 1))
    RescoreMark.objects.all().delete()
    return first, second


def marked() -> set[int]:
    return set(RescoreMark.objects.values_list("alliance_id", flat=True))


def test_a_direct_row_marks_its_alliance_only(two: tuple[Alliance, Alliance]) -> None:
    first, _second = two
    Deliverable.objects.create(alliance=first, title="Pilot", side="ours", due_on=date(2025, 1, 1))
    assert marked() == {first.pk}


def test_rows_that_hang_off_a_parent_mark_the_parents_alliance(
    two: tuple[Alliance, Alliance],
) -> None:
    first, second = two
    metric = MetricDefinition.objects.create(alliance=second, key="leads", name="Leads")
    decision = Decision.objects.create(alliance=first, decided_on=date(2025, 1, 1), kind="reset")
    RescoreMark.objects.all().delete()
    MetricValue.objects.bulk_create(
        [MetricValue(metric=metric, period=date(2025, m, 1), value=m) for m in (1, 2, 3)]
    )
    assert marked() == {second.pk}, "a bulk insert marks too"
    ActionItem.objects.create(decision=decision, title="Call", owner="Bo", due_on=date(2025, 2, 1))
    assert marked() == {first.pk, second.pk}


def test_raw_sql_updates_and_deletes_mark_old_and_new_alliance(
    two: tuple[Alliance, Alliance],
) -> None:
    first, second = two
    item = Deliverable.objects.create(
        alliance=first, title="Pilot", side="ours", due_on=date(2025, 1, 1)
    )
    RescoreMark.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE portfolio_deliverable SET alliance_id = %s WHERE id = %s", [second.pk, item.pk]
        )
    assert marked() == {first.pk, second.pk}
    RescoreMark.objects.all().delete()
    Deliverable.objects.filter(pk=item.pk).delete()
    assert marked() == {second.pk}


def test_interactions_mark_through_the_monthly_totals_marks(
    two: tuple[Alliance, Alliance],
) -> None:
    _first, second = two
    when = datetime(2025, 3, 4, 10, tzinfo=UTC)
    Interaction.objects.bulk_create(
        [
            Interaction(alliance=second, kind="call", occurred_at=when + timedelta(i))
            for i in range(5)
        ]
    )
    assert marked() == {second.pk}


def test_a_contact_change_and_an_alliance_change_mark(two: tuple[Alliance, Alliance]) -> None:
    first, second = two
    champion = Contact.objects.create(alliance=first, side="partner", name="Ada")
    RescoreMark.objects.all().delete()
    Contact.objects.filter(pk=champion.pk).update(ended_on=date(2025, 5, 1))
    Alliance.objects.filter(pk=second.pk).update(tier=1)
    assert marked() == {first.pk, second.pk}


def test_a_second_write_keeps_one_mark_and_sets_it_pending_again(
    two: tuple[Alliance, Alliance],
) -> None:
    first, _ = two
    Deliverable.objects.create(alliance=first, title="A", side="ours", due_on=date(2025, 1, 1))
    RescoreMark.objects.update(pending=False)  # claimed by a re-score in progress
    Deliverable.objects.create(alliance=first, title="B", side="ours", due_on=date(2025, 2, 1))
    assert list(RescoreMark.objects.values_list("alliance_id", "pending")) == [(first.pk, True)]


def test_rescoring_assesses_the_marked_and_keeps_marks_written_meanwhile(
    two: tuple[Alliance, Alliance], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two
    for alliance in two:
        Deliverable.objects.create(
            alliance=alliance, title="A", side="ours", due_on=date(2025, 1, 1)
        )
    real = rescore.evaluate_portfolio

    def evaluate_while_someone_writes(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        Deliverable.objects.get_or_create(
            alliance=second, title="B", side="ours", due_on=date(2025, 2, 1)
        )
        return found

    monkeypatch.setattr(rescore, "evaluate_portfolio", evaluate_while_someone_writes)
    today = date(2025, 6, 30)
    assert rescore.rescore_marked(today) == [first.pk, second.pk]
    assert set(Assessment.objects.values_list("alliance_id", flat=True)) == {first.pk, second.pk}
    assert marked() == {second.pk}, "the write during the re-score is not forgotten"
    assert rescore.rescore_marked(today) == [second.pk]
    assert marked() == set()


def test_a_mark_of_a_deleted_alliance_is_simply_cleared(two: tuple[Alliance, Alliance]) -> None:
    first, _ = two
    Deliverable.objects.create(alliance=first, title="A", side="ours", due_on=date(2025, 1, 1))
    first.delete()
    rescore.rescore_marked(date(2025, 6, 30))
    assert marked() == set()
