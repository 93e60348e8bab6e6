from __future__ import annotations

import gc
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.engine.assessment import Assessment
from radar.portfolio import assessments as service
from radar.portfolio import models as m
from radar.portfolio.assessments import (
    EvaluationFailed,
    evaluate_portfolio,
    reassess_alliance,
    store_assessments,
)

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 3, 31)


def make_alliance(name: str, **fields: object) -> m.Alliance:
    partner, _ = m.Partner.objects.get_or_create(name=f"{name} Inc")
    return m.Alliance.objects.create(name=name, partner=partner, **fields)


def test_it_stores_one_assessment_per_alliance_and_day():
    one, two = make_alliance("One"), make_alliance("Two")

    found = evaluate_portfolio(AS_OF)

    assert [a.alliance_id for a in found] == [one.id, two.id]
    rows = m.Assessment.objects.order_by("alliance_id")
    assert [(r.alliance_id, r.as_of) for r in rows] == [(one.id, AS_OF), (two.id, AS_OF)]
    stored = rows[0]
    assert stored.score == found[0].score
    assert stored.phase == found[0].phase.phase.value
    assert stored.recommendation == found[0].recommendation.action.value
    assert stored.confirmed_signals == len(found[0].confirmed_signals)
    assert stored.payload == found[0].to_dict()
    assert stored.schema_version == found[0].schema_version


def test_it_updates_the_same_day_in_place_and_keeps_other_days():
    alliance = make_alliance("One")
    evaluate_portfolio(AS_OF)
    evaluate_portfolio(date(2026, 2, 28))
    m.Interaction.objects.create(
        alliance=alliance, kind="meeting", occurred_at="2026-03-03T10:00:00Z"
    )

    again = evaluate_portfolio(AS_OF)

    assert m.Assessment.objects.count() == 2
    stored = m.Assessment.objects.get(alliance=alliance, as_of=AS_OF)
    assert stored.payload == again[0].to_dict()


def test_it_writes_nothing_with_store_off_and_reports_progress():
    make_alliance("One"), make_alliance("Two")
    calls: list[tuple[int, int | None]] = []

    def progress(step: int, total: int | None) -> None:
        calls.append((step, total))

    found = evaluate_portfolio(AS_OF, store=False, progress=progress)

    assert len(found) == 2
    assert not m.Assessment.objects.exists()
    assert calls == [(0, 2), (1, 2), (1, 2)]


def test_it_stores_in_a_constant_number_of_queries():
    assessments = []
    for number in range(5):
        alliance = make_alliance(f"A{number}")
        assessments.extend(evaluate_portfolio(AS_OF, [alliance.id], store=False))

    with CaptureQueriesContext(connection) as queries:
        assert store_assessments(assessments) == 5

    writes = [q["sql"] for q in queries.captured_queries if "INSERT" in q["sql"].upper()]
    # One upsert for the assessments, one for their standings (executemany).
    assert len(writes) == 2
    assert [w for w in writes if "portfolio_standing" in w] == writes[1:]
    assert m.Standing.objects.count() == 5


def test_it_reassesses_one_alliance():
    one, two = make_alliance("One"), make_alliance("Two")

    found = reassess_alliance(one.id, AS_OF)

    assert isinstance(found, Assessment)
    assert found.alliance_id == one.id
    assert list(m.Assessment.objects.values_list("alliance_id", flat=True)) == [one.id]
    assert reassess_alliance(two.id, date(2020, 1, 1)) is not None
    late = make_alliance("Late", started_on=date(2027, 1, 1))
    assert reassess_alliance(late.id, AS_OF) is None


def test_it_names_the_alliance_the_engine_choked_on(monkeypatch):
    make_alliance("Broken")

    def explode(*args: object) -> Assessment:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(service, "evaluate", explode)
    with pytest.raises(EvaluationFailed, match="Broken"):
        evaluate_portfolio(AS_OF)
    assert not m.Assessment.objects.exists()


def test_it_pauses_the_garbage_collector_during_the_batch_and_restores_it(monkeypatch):
    make_alliance("One")
    seen: list[bool] = []
    real = service.evaluate

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "evaluate", spy)
    assert gc.isenabled()

    evaluate_portfolio(AS_OF)

    assert seen == [False]
    assert gc.isenabled()


def test_it_restores_the_garbage_collector_when_the_engine_fails(monkeypatch):
    make_alliance("Broken")

    def explode(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(service, "evaluate", explode)
    with pytest.raises(EvaluationFailed):
        evaluate_portfolio(AS_OF)
    assert gc.isenabled()


def test_it_leaves_a_disabled_collector_disabled():
    make_alliance("One")
    gc.disable()
    try:
        evaluate_portfolio(AS_OF)
        assert not gc.isenabled()
    finally:
        gc.enable()
