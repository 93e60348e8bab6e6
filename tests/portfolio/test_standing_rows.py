"""The standing read model: written with each assessment, newest day wins, rebuilt on demand."""

from __future__ import annotations

import importlib
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from radar.portfolio import models as m
from radar.portfolio import standing_rows
from radar.portfolio.assessments import evaluate_portfolio, reassess_alliance
from radar.web.dashboard.summary import latest_summaries, summarize

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 3, 31)


def make_alliance(name: str) -> m.Alliance:
    partner, _ = m.Partner.objects.get_or_create(name=f"{name} Inc")
    alliance = m.Alliance.objects.create(name=name, partner=partner)
    m.Interaction.objects.create(
        alliance=alliance, kind="call", occurred_at="2026-03-02T10:00:00Z", partner_invited=1
    )
    return alliance


def standings() -> dict[int, tuple[object, ...]]:
    fields = ("alliance_id", "as_of", "computed_at", *standing_rows.COLUMNS)
    return {row[0]: row for row in m.Standing.objects.values_list(*fields)}


def test_the_standing_is_written_with_the_assessment():
    one, two = make_alliance("One"), make_alliance("Two")

    found = {a.alliance_id: a for a in evaluate_portfolio(AS_OF)}

    summaries = latest_summaries(m.Alliance.objects.all())
    for alliance in (one, two):
        assert summaries[alliance.pk] == summarize(found[alliance.pk].to_dict())
        stored = m.Assessment.objects.get(alliance=alliance)
        standing = m.Standing.objects.get(alliance=alliance)
        assert (standing.as_of, standing.computed_at) == (AS_OF, stored.computed_at)
        assert standing.score == stored.score and standing.phase == stored.phase


def test_an_older_day_stored_later_does_not_replace_the_newest():
    alliance = make_alliance("One")
    evaluate_portfolio(AS_OF)
    evaluate_portfolio(AS_OF - timedelta(days=40))  # a backtest that stores

    assert m.Assessment.objects.filter(alliance=alliance).count() == 2
    assert m.Standing.objects.get(alliance=alliance).as_of == AS_OF
    evaluate_portfolio(AS_OF + timedelta(days=1))
    assert m.Standing.objects.get(alliance=alliance).as_of == AS_OF + timedelta(days=1)


def test_the_command_rebuilds_every_standing_from_the_assessments():
    make_alliance("One"), make_alliance("Two")
    evaluate_portfolio(AS_OF - timedelta(days=1))
    evaluate_portfolio(AS_OF)
    written = standings()
    m.Standing.objects.all().delete()
    m.Standing.objects.create(  # a stray row of a wrong day is replaced too
        alliance=m.Alliance.objects.first(),
        as_of=date(2030, 1, 1),
        computed_at="2030-01-01T00:00:00Z",
        **{name: value for name, value in _empty().items()},
    )

    call_command("rebuild_standings", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert standings() == written
    assert len(written) == 2 and {row[1] for row in written.values()} == {AS_OF}


def _empty() -> dict[str, object]:
    values = standing_rows.values({})
    return {
        name: json.loads(value) if name in standing_rows.JSON_COLUMNS else value
        for name, value in zip(standing_rows.COLUMNS, values, strict=True)
    }


def test_the_migration_backfill_is_the_live_function_as_it_was():
    frozen = importlib.import_module("radar.portfolio.migrations.0014_standing")
    added = importlib.import_module("radar.portfolio.migrations.0015_standing_attention")
    make_alliance("One")
    payload = evaluate_portfolio(AS_OF, store=False)[0].to_dict()
    payload["signals"] = [
        {"polarity": "negative", "confirmed": True, "category": "resource", "title": "A"},
        {"polarity": "negative", "confirmed": False, "category": "culture", "title": "B"},
        {"polarity": "positive", "confirmed": True, "category": "culture", "title": "C"},
    ]
    payload["cadence"] = [
        {"code": "agreement_review_due", "message": "m", "due": "2026-12-01"},
        {"code": "review_overdue", "message": "m", "due": "2026-10-01"},
        {"code": "review_overdue", "message": "m", "due": "2026-09-01"},
    ]
    live = dict(zip(standing_rows.COLUMNS, standing_rows.values(payload), strict=True))
    for name in standing_rows.JSON_COLUMNS:
        live[name] = json.loads(live[name])
    assert {**frozen._standing(payload), **added._attention(payload["cadence"])} == live
    assert (live["flag_count"], live["flag_kinds"]) == (3, " agreement review ")
    assert live["review_due"] == date(2026, 10, 1)  # the first review flag's
    assert live["signal_categories"] == " culture resource "
    assert (live["confirmed_total"], live["signal_total"]) == (1, 2)


def test_a_rescore_touches_no_other_alliance():
    alliances = [make_alliance(f"A{n}") for n in range(6)]
    evaluate_portfolio(AS_OF)
    before = standings()
    stored = dict(m.Assessment.objects.values_list("alliance_id", "computed_at"))
    target = alliances[2]
    m.Interaction.objects.create(
        alliance=target, kind="call", occurred_at="2026-03-20T10:00:00Z", partner_invited=1
    )

    reassess_alliance(target.pk, AS_OF)

    after = standings()
    changed = {pk for pk in after if after[pk] != before[pk]}
    assert changed == {target.pk}
    now = dict(m.Assessment.objects.values_list("alliance_id", "computed_at"))
    assert {pk for pk in now if now[pk] != stored[pk]} == {target.pk}


def _rescore_queries(target: m.Alliance) -> list[str]:
    m.Interaction.objects.create(
        alliance=target, kind="call", occurred_at="2026-03-21T10:00:00Z", partner_invited=1
    )
    with CaptureQueriesContext(connection) as ctx:
        reassess_alliance(target.pk, AS_OF)
    return [q["sql"] for q in ctx.captured_queries]


def test_a_rescore_reads_the_same_whatever_the_portfolio_size():
    first = make_alliance("First")
    evaluate_portfolio(AS_OF)
    small = _rescore_queries(first)
    for n in range(12):
        make_alliance(f"More {n}")
    evaluate_portfolio(AS_OF)
    assert len(_rescore_queries(first)) == len(small)
    # The zone check reads the alliance's own months, never the whole table.
    zone_checks = [q for q in small if "portfolio_activitymonth" in q and "NOT" in q]
    assert zone_checks and all("alliance_id" in q for q in zone_checks)


def test_a_portfolio_wide_write_refreshes_postgresqls_statistics_of_the_table(monkeypatch):
    # Stale statistics after every standing was rewritten made PostgreSQL plan the
    # 10k dashboard 5x slower until autovacuum came round. SQLite plans without them.
    monkeypatch.setattr(standing_rows, "ANALYZE_AFTER", 2)
    one, _two = make_alliance("One"), make_alliance("Two")

    def analyzed(write) -> bool:
        with CaptureQueriesContext(connection) as seen:
            write()
        return any(q["sql"].startswith("ANALYZE") for q in seen.captured_queries)

    assert analyzed(lambda: evaluate_portfolio(AS_OF)) is (connection.vendor == "postgresql")
    assert not analyzed(lambda: reassess_alliance(one.pk, AS_OF + timedelta(days=1)))
