from __future__ import annotations

from datetime import date

from radar.engine.vocab import ContactRole, ObservationKind, ObservationSource, Polarity, Side
from tests.engine.builders import (
    contact,
    detect,
    dip,
    fired,
    history,
    observation,
    steady_periods,
)

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)
MONTHS = 24


def team(*extra):
    return (
        contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=START),
        contact(
            2, "Ben Okafor", role=ContactRole.TECHNICAL_LEAD, title="Lead engineer", started=START
        ),
        contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),
        contact(9, "Our Owner", side=Side.OURS, role=ContactRole.ALLIANCE_MANAGER, started=START),
        *extra,
    )


def run(contacts=None, observations=(), as_of=AS_OF, **overrides):
    h = history(
        periods=steady_periods(START, MONTHS, **overrides),
        contacts=team() if contacts is None else contacts,
        observations=observations,
    )
    return detect(h, as_of)


def test_a_stable_team_raises_no_resource_signal():
    assert fired(run(), "resource.") == []


def test_a_reassigned_key_contact_is_an_instant_signal_naming_no_successor():
    contacts = team()
    contacts = (
        contacts[0],
        contact(
            2,
            "Ben Okafor",
            role=ContactRole.TECHNICAL_LEAD,
            title="Lead engineer",
            started=START,
            ended=date(2025, 6, 10),
            end_reason="reassigned",
        ),
        *contacts[2:],
    )
    found = run(contacts)
    assert fired(found, "resource.key_contact_left") == [date(2025, 6, 1)]
    detection = next(d for d in found if d.rule == "resource.key_contact_left")
    assert detection.instant
    assert detection.polarity == Polarity.NEGATIVE
    assert (
        "Ben Okafor (Lead engineer) was reassigned on 2025-06-10; no successor named"
        in detection.detail
    )


def test_it_names_the_successor_when_there_is_one():
    contacts = (
        contact(
            1,
            "Ana Ruiz",
            role=ContactRole.CHAMPION,
            started=START,
            ended=date(2025, 4, 30),
            end_reason="left",
            successor_id=4,
        ),
        contact(4, "Dan Li", role=ContactRole.CHAMPION, started=date(2025, 5, 2)),
        contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),
    )
    found = run(contacts)
    assert fired(found, "resource.key_contact_left") == [date(2025, 4, 1)]
    detection = next(d for d in found if d.rule == "resource.key_contact_left")
    assert "Ana Ruiz (champion) left on 2025-04-30; successor: Dan Li" in detection.detail
    # The seat was empty for one month-end only (30 April): the usual instant window.
    assert detection.active_periods == 3


def handover(successor_started):
    return (
        contact(
            1,
            "Ana Ruiz",
            role=ContactRole.CHAMPION,
            started=START,
            ended=date(2025, 4, 15),
            end_reason="role_change",
            successor_id=4,
        ),
        contact(4, "Dan Li", role=ContactRole.CHAMPION, started=successor_started),
        contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),
    )


def test_a_planned_hand_over_is_a_sighting_not_an_instant_signal():
    found = run(handover(date(2025, 1, 10)))  # the successor sat in for three months
    assert fired(found, "resource.key_contact_left") == [date(2025, 4, 1)]
    detection = next(d for d in found if d.rule == "resource.key_contact_left")
    assert not detection.instant and detection.severity < 0.5
    assert detection.title == "A key partner contact handed over"
    assert "successor: Dan Li (in post since 2025-01-10: a planned hand-over)" in detection.detail


def test_a_successor_who_arrived_days_before_is_no_hand_over():
    found = run(handover(date(2025, 4, 10)))
    detection = next(d for d in found if d.rule == "resource.key_contact_left")
    assert detection.instant and detection.title == "A key partner contact moved on"


def test_departures_of_other_roles_or_of_our_side_are_not_key_partner_departures():
    contacts = (
        *team(),
        contact(
            5,
            "Eve",
            role=ContactRole.MARKETING_LEAD,
            started=START,
            ended=date(2025, 5, 1),
            end_reason="left",
        ),
        contact(
            6,
            "Our CTO",
            side=Side.OURS,
            role=ContactRole.EXECUTIVE_SPONSOR,
            started=START,
            ended=date(2025, 5, 1),
            end_reason="left",
        ),
    )
    assert fired(run(contacts), "resource.key_contact_left") == []


def test_a_departure_in_the_current_month_counts_in_the_last_complete_period():
    contacts = (
        contact(
            1,
            "Ana Ruiz",
            role=ContactRole.CHAMPION,
            started=START,
            ended=date(2026, 1, 5),
            end_reason="left",
        ),
    )
    h = history(periods=steady_periods(START, 25), contacts=contacts)
    assert fired(detect(h, date(2026, 1, 12)), "resource.key_contact_left") == [date(2025, 12, 1)]
    # ... and is unknown when evaluating before it happened.
    assert fired(detect(h, date(2026, 1, 4)), "resource.key_contact_left") == []


def active_departures(contacts, as_of):
    """The months in which the departure signal is active at `as_of`'s evaluation."""
    from radar.engine.evaluate import evaluate

    h = history(periods=steady_periods(START, MONTHS), contacts=contacts)
    return [
        s.confirmed for s in evaluate(h, as_of).signals if s.rule == "resource.key_contact_left"
    ]


def test_a_departure_stays_active_while_the_seat_is_empty():
    contacts = (
        contact(
            1,
            "Ana Ruiz",
            role=ContactRole.CHAMPION,
            started=START,
            ended=date(2025, 8, 15),
            end_reason="left",
        ),
        contact(4, "Dan Li", role=ContactRole.CHAMPION, started=date(2025, 11, 3)),
        contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),
    )
    detection = next(d for d in run(contacts) if d.rule == "resource.key_contact_left")
    assert detection.active_periods == 3  # August to October: filled on 3 November
    assert active_departures(contacts, date(2025, 10, 31)) == [True]
    assert active_departures(contacts, date(2025, 11, 30)) == []


def test_a_champion_gone_without_successor_stays_until_someone_takes_the_seat():
    gone = contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=START, ended=date(2025, 2, 15))
    others = (contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),)
    assert active_departures((gone, *others), date(2025, 11, 30)) == [True]  # 10 months on
    assert active_departures((gone, *others), date(2026, 2, 28)) == []  # at most 12 months
    later = contact(4, "Dan Li", role=ContactRole.CHAMPION, started=date(2025, 7, 1))
    assert active_departures((gone, later, *others), date(2025, 6, 30)) == [True]
    assert active_departures((gone, later, *others), date(2025, 7, 31)) == []


def test_it_notices_a_shrinking_partner_team():
    found = run(partner_people=dip(4, at=[21, 22, 23], to=2))
    assert fired(found, "resource.team_shrinking") == [date(2025, m, 1) for m in (10, 11, 12)]


def test_one_partner_person_for_three_months_is_a_single_point_of_contact():
    found = run(partner_people=dip(4, at=[20, 21, 22, 23], to=1))
    assert fired(found, "resource.single_contact") == [date(2025, 11, 1), date(2025, 12, 1)]
    detail = next(d.detail for d in found if d.rule == "resource.single_contact")
    assert "only one partner person took part in each of the last 3 months" in detail


def test_a_register_with_one_partner_contact_is_a_single_point_of_contact():
    contacts = (contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=START),)
    found = run(contacts, partner_people=0)
    assert len(fired(found, "resource.single_contact")) == MONTHS
    details = {d.detail for d in found if d.rule == "resource.single_contact"}
    assert details == {
        "The relationship hangs on one person: Ana Ruiz is the only partner contact on record."
    }


def test_activity_with_several_people_overrules_a_thin_register():
    contacts = (contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=START),)
    assert fired(run(contacts), "resource.single_contact") == []


def test_negative_resource_observations_external_ones_instant():
    observations = (
        observation(
            1,
            date(2025, 2, 3),
            ObservationKind.BUDGET_CHANGE,
            title="Partner cut the joint marketing budget",
        ),
        observation(
            2,
            date(2025, 7, 20),
            ObservationKind.JOB_POSTING,
            source=ObservationSource.EXTERNAL,
            title="Partner advertises our integration lead's job",
        ),
        observation(3, date(2025, 8, 1), ObservationKind.TEAM_CHANGE, polarity=Polarity.POSITIVE),
    )
    found = run(observations=observations)
    assert fired(found, "resource.observation") == [date(2025, 2, 1), date(2025, 7, 1)]
    by_period = {d.period: d for d in found if d.rule == "resource.observation"}
    assert not by_period[date(2025, 2, 1)].instant
    assert by_period[date(2025, 7, 1)].instant
    assert "joint marketing budget" in by_period[date(2025, 2, 1)].detail


def delegating(attended_from: int, months: int = MONTHS, **overrides):
    """The sponsor invited to two meetings a month, attending them until `attended_from`."""
    attended = [2 if i < attended_from else 0 for i in range(months)]
    return run(sponsor_invited=2, sponsor_attended=attended, **overrides)


def test_a_sponsor_who_stops_coming_to_the_meetings_is_delegating():
    found = delegating(attended_from=20)
    assert fired(found, "resource.sponsor_delegating")[:2] == [date(2025, 9, 1), date(2025, 10, 1)]
    first = next(d for d in found if d.rule == "resource.sponsor_delegating")
    assert first.occurrences == 2 and "others from the partner came in their place" in first.detail


def test_a_sponsor_who_never_came_or_one_missed_meeting_is_no_delegation():
    assert fired(delegating(attended_from=0), "resource.sponsor_delegating") == []
    one_miss = [2] * MONTHS
    one_miss[20] = 1
    assert (
        fired(run(sponsor_invited=2, sponsor_attended=one_miss), "resource.sponsor_delegating")
        == []
    )


def test_juniors_in_the_sponsors_place_are_no_network_growth():
    juniors = dip(4, at=list(range(20, MONTHS)), to=7)
    assert fired(run(partner_people=juniors), "resource.network_growing") != []
    found = delegating(attended_from=20, partner_people=juniors)
    assert fired(found, "resource.network_growing") == []


def test_a_sponsor_of_quarterly_reviews_who_skips_two_in_a_row_is_delegating():
    invited = [1 if i % 3 == 0 else 0 for i in range(MONTHS)]
    attended = [1 if i % 3 == 0 and i < 18 else 0 for i in range(MONTHS)]
    found = run(sponsor_invited=invited, sponsor_attended=attended)
    assert fired(found, "resource.sponsor_delegating") == [date(2025, 10, 1)]  # 2nd skip
