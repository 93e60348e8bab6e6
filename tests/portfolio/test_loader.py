from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from radar.engine.records import GoalRecord
from radar.engine.vocab import ContactRole, DeliverableStatus, Ritual, Side
from radar.portfolio import models as m
from radar.portfolio.loader import load_histories
from tests.portfolio.history import load_history

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 3, 31)


def at(day: str, clock: str = "10:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)


def make_alliance(name: str = "Globex", **fields: object) -> m.Alliance:
    partner, _ = m.Partner.objects.get_or_create(name=f"{name} Inc")
    return m.Alliance.objects.create(name=name, partner=partner, **fields)


def meeting(alliance: m.Alliance, when: datetime, **fields: object) -> m.Interaction:
    values: dict[str, object] = {"kind": "meeting", "direction": "mutual"}
    values.update(fields)
    return m.Interaction.objects.create(alliance=alliance, occurred_at=when, **values)


def email(alliance: m.Alliance, when: datetime, direction: str, **fields: object) -> None:
    m.Interaction.objects.create(
        alliance=alliance, kind="email", occurred_at=when, direction=direction, **fields
    )


def full_alliance(name: str) -> m.Alliance:
    """An alliance with a row in every table the loader reads."""
    alliance = make_alliance(name, started_on=date(2024, 1, 1))
    champion = m.Contact.objects.create(alliance=alliance, side="partner", name=f"{name} champ")
    held = meeting(alliance, at("2026-02-03"), partner_invited=2, partner_attended=1)
    m.InteractionParticipant.objects.create(interaction=held, contact=champion)
    email(alliance, at("2026-02-04"), "inbound", reply_hours=5)
    m.Deliverable.objects.create(alliance=alliance, title="Spec", side="ours", due_on=AS_OF)
    metric = m.MetricDefinition.objects.create(alliance=alliance, key="leads", name="Leads")
    m.MetricValue.objects.create(metric=metric, period=date(2026, 2, 1), value=3)
    m.Goal.objects.create(
        alliance=alliance, title="More leads", metric=metric, target_value=5, reviewed_on=AS_OF
    )
    survey = m.Survey.objects.create(
        alliance=alliance, kind="pulse", title="Q1", sent_on=date(2026, 1, 5)
    )
    m.SurveyResponse.objects.create(
        survey=survey, side="partner", submitted_on=date(2026, 1, 9), score=4
    )
    m.Observation.objects.create(alliance=alliance, observed_on=AS_OF, title="New lab")
    m.ContextFactor.objects.create(alliance=alliance, kind="merger_acquisition", starts_on=AS_OF)
    m.CheckIn.objects.create(alliance=alliance, held_on=AS_OF, manual_score=4)
    decision = m.Decision.objects.create(
        alliance=alliance, decided_on=AS_OF, kind="reset", rationale="Talk"
    )
    m.ActionItem.objects.create(decision=decision, title="Call", owner="Ann", due_on=AS_OF)
    m.Agreement.objects.create(alliance=alliance, signed_on=date(2024, 1, 1))
    m.GovernanceBody.objects.create(
        alliance=alliance, tier="steering", name="JSC", ritual="steering_committee", cadence_days=90
    )
    return alliance


def test_it_aggregates_a_month_of_interactions_into_period_stats():
    alliance = make_alliance()
    meeting(
        alliance,
        at("2026-02-02"),
        ritual="qbr",
        partner_invited=3,
        partner_attended=2,
        ours_invited=2,
        ours_attended=2,
        tone=0.5,
    )
    meeting(alliance, at("2026-02-10"), cancelled=True, partner_invited=4)
    meeting(alliance, at("2026-02-20"), partner_invited=2, partner_attended=0)  # partner no-show
    m.Interaction.objects.create(alliance=alliance, kind="call", occurred_at=at("2026-02-05"))
    email(
        alliance,
        at("2026-02-06"),
        "inbound",
        reply_hours=10,
        word_count=100,
        tone=-0.5,
        blaming=True,
    )
    email(alliance, at("2026-02-07"), "inbound", reply_hours=30, word_count=50, defensive=True)
    email(alliance, at("2026-02-25"), "outbound", reply_hours=2, word_count=400)

    (period,) = load_histories(AS_OF)[alliance.id].periods

    assert period.period == date(2026, 2, 1)
    assert (period.meetings_scheduled, period.meetings_held, period.meetings_cancelled) == (3, 2, 1)
    assert (period.partner_invited, period.partner_attended) == (5, 2)  # held meetings only
    assert (period.ours_invited, period.ours_attended) == (2, 2)
    assert period.calls == 1
    assert (period.emails_inbound, period.emails_outbound) == (2, 1)
    assert period.partner_reply_hours == pytest.approx(20)
    assert period.our_reply_hours == pytest.approx(2)
    assert period.partner_words == pytest.approx(75)
    assert period.tone == pytest.approx(0.0)
    assert period.toned == 2
    assert (period.blaming, period.defensive) == (1, 1)
    # The no-show meeting (20th) and our unanswered e-mail (25th) are not direct contact.
    assert period.last_contact == at("2026-02-07")
    assert period.rituals == {Ritual.QBR: date(2026, 2, 2)}


def test_it_counts_distinct_partner_people_who_took_part():
    alliance = make_alliance()
    ann = m.Contact.objects.create(alliance=alliance, side="partner", name="Ann")
    bob = m.Contact.objects.create(alliance=alliance, side="partner", name="Bob")
    us = m.Contact.objects.create(alliance=alliance, side="ours", name="Us")
    first = meeting(alliance, at("2026-01-05"))
    second = meeting(alliance, at("2026-01-19"))
    for contact in (ann, us):
        m.InteractionParticipant.objects.create(interaction=first, contact=contact)
    m.InteractionParticipant.objects.create(interaction=second, contact=ann)
    m.InteractionParticipant.objects.create(interaction=second, contact=bob, attended=False)

    (period,) = load_histories(AS_OF)[alliance.id].periods

    assert period.partner_people == 1


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("UTC", [date(2026, 1, 1), date(2026, 1, 1)]),
        ("Europe/Berlin", [date(2026, 1, 1), date(2026, 2, 1)]),  # daylight saving time zone
        ("Asia/Kolkata", [date(2026, 1, 1), date(2026, 2, 1)]),  # fixed +05:30
        ("America/New_York", [date(2025, 12, 1), date(2026, 1, 1)]),
    ],
)
def test_it_cuts_months_in_the_portfolio_time_zone(zone, expected):
    alliance = make_alliance()
    meeting(alliance, at("2026-01-01", "02:00"))  # still 31 December in New York
    meeting(alliance, at("2026-01-31", "23:30"))  # already February in Berlin and India

    with timezone.override(ZoneInfo(zone)):
        periods = load_histories(AS_OF)[alliance.id].periods

    assert [p.period for p in periods for _ in range(p.meetings_held)] == expected


def test_it_ignores_everything_after_as_of():
    alliance = make_alliance()
    email(alliance, at("2026-03-31", "21:00"), "inbound")
    email(alliance, at("2026-04-01", "00:30"), "inbound")
    left = m.Contact.objects.create(
        alliance=alliance,
        side="partner",
        name="Champ",
        role="champion",
        ended_on=date(2026, 4, 2),
        end_reason="left",
    )
    m.Contact.objects.create(
        alliance=alliance, side="partner", name="Late", started_on=date(2026, 4, 1)
    )
    m.Deliverable.objects.create(
        alliance=alliance,
        title="Spec",
        side="partner",
        due_on=date(2026, 3, 1),
        done_on=date(2026, 4, 3),
        status="done",
    )
    m.Deliverable.objects.create(
        alliance=alliance, title="Later", side="ours", due_on=date(2026, 5, 1)
    )
    survey = m.Survey.objects.create(
        alliance=alliance, kind="pulse", title="Q1", sent_on=date(2026, 3, 20)
    )
    m.SurveyResponse.objects.create(
        survey=survey, side="partner", submitted_on=date(2026, 4, 2), score=2
    )
    m.Observation.objects.create(alliance=alliance, observed_on=date(2026, 4, 1), title="X")
    decision = m.Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 3, 1), kind="reset", rationale="Talk"
    )
    m.ActionItem.objects.create(
        decision=decision,
        title="Call",
        owner="Ann",
        due_on=date(2026, 3, 15),
        done_on=date(2026, 4, 5),
    )
    m.Agreement.objects.create(alliance=alliance, last_reviewed_on=date(2026, 4, 1))

    history = load_history(alliance.id, AS_OF)

    assert history is not None
    assert [p.emails_inbound for p in history.periods] == [1]
    (contact,) = history.contacts
    assert (contact.id, contact.role, contact.ended, contact.end_reason) == (
        left.id,
        ContactRole.CHAMPION,
        None,
        "",
    )
    (deliverable,) = history.deliverables
    assert (deliverable.done, deliverable.status) == (None, DeliverableStatus.OPEN)
    (sent,) = history.surveys
    assert sent.responses == ()
    assert history.observations == ()
    assert history.decisions[0].open_actions == 1
    assert history.agreement is not None and history.agreement.last_reviewed is None


def test_it_leaves_out_alliances_not_started_or_inactive_unless_named():
    started = make_alliance("Started", started_on=date(2025, 1, 1))
    future = make_alliance("Future", started_on=date(2026, 6, 1))
    dormant = make_alliance("Dormant", active=False)

    assert set(load_histories(AS_OF)) == {started.id}
    assert set(load_histories(AS_OF, [dormant.id, future.id])) == {dormant.id}
    assert load_history(future.id, AS_OF) is None


def test_it_shares_portfolio_wide_context_factors_with_every_alliance():
    one, two = make_alliance("One"), make_alliance("Two")
    m.ContextFactor.objects.create(kind="downturn", starts_on=date(2026, 1, 1))
    m.ContextFactor.objects.create(alliance=one, kind="regulation", starts_on=date(2026, 2, 1))
    m.ContextFactor.objects.create(kind="downturn", starts_on=date(2026, 4, 1))

    histories = load_histories(AS_OF)

    assert [(c.kind, c.portfolio_wide) for c in histories[one.id].context] == [
        ("regulation", False),
        ("downturn", True),
    ]
    assert [c.kind for c in histories[two.id].context] == ["downturn"]


def test_it_fills_every_part_of_the_history():
    alliance = full_alliance("Full")

    history = load_histories(AS_OF)[alliance.id]

    assert history.alliance.partner == "Full Inc"
    assert history.periods[0].partner_people == 1
    assert history.periods[0].last_contact == at("2026-02-04")
    assert history.contacts[0].side is Side.PARTNER
    assert history.deliverables[0].title == "Spec"
    assert history.metrics[0].points == ((date(2026, 2, 1), 3.0),)
    assert [r.score for r in history.surveys[0].responses] == [4.0]
    assert history.observations[0].title == "New lab"
    assert history.context[0].kind == "merger_acquisition"
    assert history.checkins[0].manual_score == 4
    assert history.decisions[0].open_actions == 1
    assert history.agreement is not None and history.agreement.signed == date(2024, 1, 1)
    assert history.governance[0].ritual is Ritual.STEERING_COMMITTEE
    assert history.goals == (
        GoalRecord(
            id=history.goals[0].id,
            title="More leads",
            metric_key="leads",
            target=5.0,
            reviewed=AS_OF,
        ),
    )


def test_it_runs_the_same_number_of_queries_for_many_alliances():
    full_alliance("First")
    with CaptureQueriesContext(connection) as one:
        assert len(load_histories(AS_OF)) == 1
    for number in range(6):
        full_alliance(f"More {number}")
    with CaptureQueriesContext(connection) as seven:
        histories = load_histories(AS_OF)

    with CaptureQueriesContext(connection) as settled:  # nothing written since: no refresh
        assert load_histories(AS_OF) == histories

    assert len(histories) == 7
    assert all(len(h.contacts) == 1 and len(h.periods) == 1 for h in histories.values())
    # Both loads first recomputed the kept monthly totals of the new alliances.
    assert len(seven.captured_queries) == len(one.captured_queries) <= 26
    assert len(settled.captured_queries) <= 20


def test_it_returns_nothing_without_alliances(django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert load_histories(AS_OF + timedelta(days=1)) == {}


def test_it_names_the_check_in_reviewer_from_the_user_when_no_name_was_typed(django_user_model):
    alliance = make_alliance()
    maria = django_user_model.objects.create(
        username="maria", first_name="Maria", last_name="Lopez"
    )
    m.CheckIn.objects.create(alliance=alliance, held_on=date(2026, 3, 1), reviewer=maria)
    m.CheckIn.objects.create(
        alliance=alliance,
        held_on=date(2026, 3, 2),
        reviewer_name="Neutral Ned",
        reviewer=maria,
        neutral_reviewer=True,
    )

    checkins = load_histories(AS_OF)[alliance.id].checkins

    assert [(c.reviewer, c.neutral_reviewer) for c in checkins] == [
        ("Maria Lopez", False),
        ("Neutral Ned", True),
    ]


def test_a_goal_review_dated_after_the_day_it_loads_leaves_the_review_age_unknown():
    """Only the latest review is stored: in a backtest before it, the earlier ones are
    unknown, so goal drift must not count from the alliance's start."""
    from radar.engine.signals.goals import review_age

    alliance = make_alliance(started_on=AS_OF - timedelta(days=800))
    goal = m.Goal.objects.create(alliance=alliance, title="Grow")
    assert review_age(load_histories(AS_OF)[alliance.pk], AS_OF) == 800  # never reviewed
    goal.reviewed_on = AS_OF + timedelta(days=1)
    goal.save()
    history = load_histories(AS_OF)[alliance.pk]
    assert history.goals[0].metric_key is None
    assert review_age(history, AS_OF) is None
    later = load_histories(AS_OF + timedelta(days=10))[alliance.pk]
    assert review_age(later, AS_OF + timedelta(days=10)) == 9
