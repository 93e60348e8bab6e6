"""The raw upsert of prepared rows stores exactly what Django's ORM would store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from bench.generate import write_bundle
from radar.engine.assessment import Assessment
from radar.ingest.bundle import import_bundle
from radar.portfolio import assessment_rows
from radar.portfolio import models as m
from radar.portfolio.assessments import evaluate_portfolio
from tests.web.pagedata import store

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 10, 31)  # the last day of the generated history


def assessed(tmp_path: Path) -> list[Assessment]:
    write_bundle(tmp_path / "bundle", alliances=4, months=8)
    import_bundle(tmp_path / "bundle")
    found = evaluate_portfolio(AS_OF, store=False)
    assert len(found) == 4
    return found


def stored_columns() -> list[tuple[object, ...]]:
    """Every column as the database holds it, but the id and the time of writing."""
    names = ", ".join(connection.ops.quote_name(n) for n in assessment_rows.COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM portfolio_assessment ORDER BY alliance_id, as_of")
        return cursor.fetchall()


def through_the_orm(found: list[Assessment]) -> None:
    """The reference: one model row per assessment, as the web tests store them."""
    for a in found:
        store(a)


def test_it_stores_what_the_orm_stores(tmp_path):
    found = assessed(tmp_path)
    through_the_orm(found)
    expected = stored_columns()
    m.Assessment.objects.all().delete()

    assert assessment_rows.write([assessment_rows.prepare(a) for a in found]) == 4

    assert stored_columns() == expected
    read_back = m.Assessment.objects.order_by("alliance_id")
    assert [row.payload for row in read_back] == [a.to_dict() for a in found]
    assert all(row.computed_at is not None for row in read_back)


def test_it_replaces_the_same_day_and_keeps_other_days(tmp_path):
    found = assessed(tmp_path)
    through_the_orm(found)
    before = {row.alliance_id: row.computed_at for row in m.Assessment.objects.all()}
    first = found[0]
    rows = [assessment_rows.prepare(a) for a in found]
    other_day = (rows[0][0], date(2026, 9, 30), *rows[0][2:])
    rows[1] = (*rows[1][:2], 12.5, *rows[1][3:])

    assessment_rows.write([*rows, other_day])

    assert m.Assessment.objects.count() == 5
    assert m.Assessment.objects.get(alliance_id=found[1].alliance_id, as_of=AS_OF).score == 12.5
    assert m.Assessment.objects.filter(alliance_id=first.alliance_id).count() == 2
    for row in m.Assessment.objects.filter(as_of=AS_OF):
        assert row.computed_at >= before[row.alliance_id]


def test_it_writes_nothing_for_no_rows():
    assert assessment_rows.write([]) == 0
    assert not m.Assessment.objects.exists()
