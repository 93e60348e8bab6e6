"""The generator: deterministic for (seed, as_of), and covering every story ingredient."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from radar.demo.generate import generate
from radar.demo.people import OWNERS
from radar.demo.scenarios import build_scenarios
from radar.engine.vocab import Category, ContextKind, ObservationKind, Ritual

AS_OF = date(2026, 11, 23)
OWNERS_WITHOUT_USERS: dict[str, object] = dict.fromkeys(OWNERS)


@pytest.fixture(scope="module")
def batch():
    return generate(42, AS_OF, OWNERS_WITHOUT_USERS)


def fingerprint(batch) -> list[tuple]:
    return [
        (
            row.alliance.slug,
            row.kind,
            row.ritual,
            row.occurred_at,
            row.direction,
            row.word_count,
            row.reply_hours,
            row.cancelled,
            row.tone,
            row.partner_attended,
        )
        for row in batch.rows["interactions"]
    ]


def test_it_generates_the_same_portfolio_for_the_same_seed_and_date(batch):
    again = generate(42, AS_OF, OWNERS_WITHOUT_USERS)
    assert fingerprint(again) == fingerprint(batch)
    assert [(v.metric.key, v.period, v.value) for v in again.rows["metric_values"]] == [
        (v.metric.key, v.period, v.value) for v in batch.rows["metric_values"]
    ]


def test_it_changes_the_noise_but_not_the_cast_with_another_seed(batch):
    other = generate(7, AS_OF, OWNERS_WITHOUT_USERS)
    assert fingerprint(other) != fingerprint(batch)
    assert [a.name for a in other.rows["alliances"]] == [a.name for a in batch.rows["alliances"]]


def test_it_seeds_a_dozen_alliances_with_a_few_thousand_interactions(batch):
    assert batch.count("alliances") == 12
    assert 3000 <= batch.count("interactions") <= 8000
    tiers = Counter(a.tier for a in batch.rows["alliances"])
    assert 3 <= tiers[1] <= 4 and tiers[2] + tiers[3] == 12 - tiers[1]
    assert len({sc.owner for sc in build_scenarios(AS_OF)}) >= 3


def test_it_keeps_everything_on_or_before_as_of(batch):
    assert max(i.occurred_at.date() for i in batch.rows["interactions"]) <= AS_OF
    assert max(v.period for v in batch.rows["metric_values"]) < date(2026, 11, 1)
    assert all(d.done_on is None or d.done_on <= AS_OF for d in batch.rows["deliverables"])
    assert max(r.submitted_on for r in batch.rows["responses"]) <= AS_OF


def test_it_spans_three_years_of_history(batch):
    first = min(i.occurred_at.date() for i in batch.rows["interactions"])
    assert date(2023, 11, 1) <= first <= date(2024, 1, 1)


def test_it_includes_every_kind_of_evidence_the_engine_reads(batch):
    interactions = batch.rows["interactions"]
    assert {i.kind for i in interactions} >= {"meeting", "email", "call"}
    rituals = {i.ritual for i in interactions}
    for ritual in (
        Ritual.STEERING_COMMITTEE,
        Ritual.OPERATING_COMMITTEE,
        Ritual.QBR,
        Ritual.WORKING_GROUP,
        Ritual.CHECK_IN,
        Ritual.OFF_SITE,
        Ritual.WORKSHOP,
    ):
        assert ritual.value in rituals
    assert any(i.cancelled for i in interactions)
    assert any(i.blaming for i in interactions) and any(i.defensive for i in interactions)
    emails = [i for i in interactions if i.kind == "email"]
    assert {e.direction for e in emails} == {"inbound", "outbound"}
    assert all(e.word_count for e in emails)
    assert any(e.reply_hours for e in emails if e.direction == "inbound")
    assert {d.side for d in batch.rows["deliverables"]} == {"ours", "partner"}
    assert {c.kind for c in batch.rows["contexts"]} == {k.value for k in ContextKind} - {"other"}
    assert any(c.alliance is None for c in batch.rows["contexts"])  # portfolio-wide downturn


def test_it_records_observations_of_every_category_and_both_sources(batch):
    observations = batch.rows["observations"]
    categories = {o.category for o in observations if o.category}
    assert categories == {c.value for c in Category}
    assert {o.source for o in observations} == {"internal", "external"}
    kinds = {o.kind for o in observations}
    for kind in (
        ObservationKind.ROADMAP_CHANGE,
        ObservationKind.JOB_POSTING,
        ObservationKind.PROGRAM_TIER_CHANGE,
        ObservationKind.COMPETING_INITIATIVE,
        ObservationKind.SPONTANEOUS_IDEA,
        ObservationKind.NEW_CONNECTION,
    ):
        assert kind.value in kinds


def test_it_names_contacts_on_both_sides_with_titles_roles_and_tenure(batch):
    contacts = batch.rows["contacts"]
    assert {c.side for c in contacts} == {"ours", "partner"}
    assert all(c.title and c.started_on for c in contacts)
    roles = {c.role for c in contacts}
    assert roles >= {"executive_sponsor", "champion", "alliance_manager", "technical_lead"}
    assert any(c.end_reason == "reassigned" for c in contacts)
    assert len(batch.successors) >= 3


def test_it_leaves_one_manual_score_far_above_reality_and_one_pattern_undecided(batch):
    bluefjord = [c for c in batch.rows["checkins"] if c.alliance.slug == "bluefjord-co-sell"]
    assert max(bluefjord, key=lambda c: c.held_on).manual_score == 5
    stratacom = [d for d in batch.rows["decisions"] if d.alliance.slug == "stratacom-channel"]
    assert max(d.decided_on for d in stratacom) < date(2026, 3, 1)
