from __future__ import annotations

from datetime import date

from radar.engine.vocab import Category, ContactRole, ObservationKind, ObservationSource, Polarity
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


def run(contacts=(), observations=(), **overrides):
    h = history(
        periods=steady_periods(START, MONTHS, **overrides),
        contacts=contacts,
        observations=observations,
    )
    return detect(h, as_of=AS_OF)


def test_a_steady_alliance_has_no_positive_news_either():
    assert [d for d in run() if d.polarity == Polarity.POSITIVE] == []


def test_it_notices_rising_engagement():
    found = run(emails_inbound=dip(20, at=[22, 23], to=34), meetings_held=dip(4, at=[22, 23], to=6))
    assert fired(found, "communication.engagement_rising") == [date(2025, 11, 1), date(2025, 12, 1)]
    detection = next(d for d in found if d.rule == "communication.engagement_rising")
    assert detection.polarity == Polarity.POSITIVE
    assert detection.category == Category.COMMUNICATION
    assert "Meetings, calls and partner e-mails: 42, against a usual 26" in detection.detail


def test_more_partner_people_taking_part_is_a_network_effect():
    found = run(partner_people=dip(4, at=[21, 22, 23], to=7))
    assert fired(found, "resource.network_growing") == [date(2025, m, 1) for m in (10, 11, 12)]
    assert "network effect" in next(
        d.evidence.summary for d in found if d.rule == "resource.network_growing"
    )


def test_new_partner_contacts_who_are_not_replacing_anyone():
    contacts = (
        contact(
            1,
            "Ana Ruiz",
            role=ContactRole.CHAMPION,
            started=START,
            ended=date(2025, 3, 1),
            end_reason="left",
            successor_id=2,
        ),
        contact(2, "Dan Li", role=ContactRole.CHAMPION, started=date(2025, 3, 2)),
        contact(
            3,
            "Fay Chen",
            role=ContactRole.MARKETING_LEAD,
            title="Field marketing",
            started=date(2025, 6, 9),
        ),
    )
    found = run(contacts=contacts)
    assert fired(found, "resource.new_partner_contacts") == [date(2025, 6, 1)]
    detail = next(d.detail for d in found if d.rule == "resource.new_partner_contacts")
    assert detail == "New on the partner side: Fay Chen (Field marketing)."


def test_positive_observations_land_in_their_own_category():
    found = run(
        observations=(
            observation(
                1,
                date(2025, 2, 4),
                ObservationKind.SPONTANEOUS_IDEA,
                polarity=Polarity.POSITIVE,
                title="Partner engineers proposed a joint connector",
            ),
            observation(
                2,
                date(2025, 3, 4),
                ObservationKind.JOINT_WIN,
                polarity=Polarity.POSITIVE,
                source=ObservationSource.EXTERNAL,
                title="Joint customer case study published",
            ),
            observation(
                3, date(2025, 4, 4), ObservationKind.NEW_CONNECTION, polarity=Polarity.POSITIVE
            ),
        )
    )
    assert fired(found, "culture.positive_observation") == [date(2025, 2, 1)]
    assert fired(found, "metrics.positive_observation") == [date(2025, 3, 1)]
    assert fired(found, "communication.positive_observation") == [date(2025, 4, 1)]
    win = next(d for d in found if d.rule == "metrics.positive_observation")
    assert win.instant and win.polarity == Polarity.POSITIVE
    assert [d for d in found if d.polarity == Polarity.NEGATIVE] == []
