"""The acceptance test of the foundation issue: the engine reads the demo's stories right.

The demo is seeded once for the module, assessed at a few dates (including
backtests), and wiped again before any test runs, so no other test sees it.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from radar.demo import seed_demo, wipe_portfolio
from radar.demo.people import OWNERS
from radar.engine.assessment import Assessment
from radar.engine.vocab import DecisionKind, Phase, Polarity

# The marker makes pytest-django create the test database the module fixture fills.
pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 23)
# Backtests: just after the December dip, and two months before AS_OF.
AFTER_HOLIDAYS = date(2026, 1, 12)
TWO_MONTHS_EARLIER = date(2026, 9, 20)

DECLINING = ("helix-data-connector", "bluefjord-co-sell", "stratacom-channel")
HEALTHY = (
    "brightpath-advisory",
    "meridian-freight",
    "orchid-vale-campaigns",
    "ashgrove-maintenance",
    "lumen-grid",
)


@pytest.fixture(scope="module")
def readings(django_db_setup, django_db_blocker) -> dict[date, dict[str, Assessment]]:
    from radar.portfolio.assessments import evaluate_portfolio
    from radar.portfolio.models import Alliance

    with django_db_blocker.unblock():
        try:
            seed_demo(42, AS_OF)
            slugs = dict(Alliance.objects.values_list("id", "slug"))
            return {
                day: {slugs[a.alliance_id]: a for a in evaluate_portfolio(day, store=False)}
                for day in (AS_OF, AFTER_HOLIDAYS, TWO_MONTHS_EARLIER)
            }
        finally:
            wipe_portfolio()
            get_user_model().objects.filter(username__in=OWNERS).delete()


@pytest.fixture(scope="module")
def now(readings) -> dict[str, Assessment]:
    return readings[AS_OF]


def confirmed_negatives(assessment: Assessment):
    return [s for s in assessment.confirmed_signals if s.polarity is Polarity.NEGATIVE]


@pytest.mark.parametrize("slug", DECLINING)
def test_it_flags_each_declining_alliance_with_explained_signals(now, slug):
    assessment = now[slug]
    signals = confirmed_negatives(assessment)
    assert len({s.category for s in signals}) >= 2, [s.rule for s in signals]
    for signal in signals:
        assert signal.detail and signal.evidence.summary
        assert signal.evidence.points or signal.evidence.baseline is not None, signal.rule
    assert assessment.recommendation.action in (DecisionKind.RESET, DecisionKind.EXIT)
    assert set(assessment.recommendation.evidence) & {s.rule for s in signals}
    assert assessment.phase.phase is Phase.DECLINE
    assert assessment.score < 3.5


@pytest.mark.parametrize("slug", HEALTHY)
def test_it_does_not_flag_the_healthy_alliances(now, slug):
    assessment = now[slug]
    assert confirmed_negatives(assessment) == [], [s.rule for s in assessment.signals]
    assert assessment.recommendation.action in (DecisionKind.REINVEST, DecisionKind.MONITOR)
    assert assessment.phase.phase is not Phase.DECLINE
    assert assessment.score >= 4.0


def test_it_reads_the_reassigned_engineer_story_as_communication_decay(now):
    helix = now["helix-data-connector"]
    rules = {s.rule for s in confirmed_negatives(helix)}
    # Updates shrink to one-liners (confirmed). Attendance halves in the data too, but on
    # five or six invitations a month the engine does not confirm it (issue 10, sparse data).
    assert "communication.shorter_messages" in rules
    assert helix.systemic
    assert helix.recommendation.action is DecisionKind.RESET


def test_it_sees_co_sell_leads_fall_before_revenue(readings):
    earlier = readings[TWO_MONTHS_EARLIER]["bluefjord-co-sell"]
    confirmed = {s.rule for s in confirmed_negatives(earlier)}
    assert "metrics.falling.leads" in confirmed
    assert not any("joint_revenue" in rule for rule in confirmed)


def test_it_asks_for_a_neutral_reviewer_when_the_owner_scores_a_declining_alliance_high(now):
    codes = {flag.code for flag in now["bluefjord-co-sell"].cadence}
    assert "score_divergence" in codes


def test_it_recommends_exit_for_the_alliance_that_has_run_its_course(now):
    stratacom = now["stratacom-channel"]
    assert stratacom.recommendation.action is DecisionKind.EXIT
    codes = {flag.code for flag in stratacom.cadence}
    assert {"decision_overdue", "no_direct_contact"} <= codes
    names = {name for name, _ in stratacom.recommendation.agreement_dates}
    assert "renewal" in names


def test_it_calls_the_stable_alliance_mature_not_declining(now):
    meridian = now["meridian-freight"]
    assert meridian.phase.phase is Phase.MATURITY
    assert meridian.trend != "down"


def test_it_sees_the_growing_alliance_as_worth_reinvesting_in(now):
    brightpath = now["brightpath-advisory"]
    assert brightpath.phase.phase is Phase.GROWTH
    assert brightpath.recommendation.action is DecisionKind.REINVEST
    assert any(s.polarity is Polarity.POSITIVE for s in brightpath.signals)


def test_it_lets_the_holiday_dip_pass_without_escalating(readings):
    orchid = readings[AFTER_HOLIDAYS]["orchid-vale-campaigns"]
    assert any(s.rule.startswith("communication.") for s in orchid.signals)  # the dip is seen
    assert confirmed_negatives(orchid) == []
    assert readings[AS_OF]["orchid-vale-campaigns"].signals == () or not confirmed_negatives(
        readings[AS_OF]["orchid-vale-campaigns"]
    )


def test_it_points_at_our_own_side_when_we_miss_deliverables(now):
    pinecrest = now["pinecrest-integration"]
    assert "execution.our_missed" in {s.rule for s in pinecrest.signals}
    assert pinecrest.recommendation.action is DecisionKind.RESET


@pytest.mark.parametrize("slug", ["vantage-pay", "carelink-health"])
def test_it_marks_signals_during_a_merger_or_new_regulation_as_possibly_external(now, slug):
    negatives = [s for s in now[slug].signals if s.polarity is Polarity.NEGATIVE]
    assert negatives and all(s.possibly_external for s in negatives)


def test_it_says_the_new_alliance_is_still_forming(now):
    assert now["lumen-grid"].phase.phase is Phase.FORMATION
