"""The monthly totals kept at write time always equal a recomputation from scratch.

Every way of writing interactions, participants and contacts is exercised
(ORM saves, bulk_create, queryset update and delete, raw SQL, cascades), then
`monthly_stats` (kept totals + the open month) is compared with
`live_monthly_stats` (every interaction re-aggregated) at several dates.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from radar.engine.records import PeriodStats
from radar.ingest.fastsql import insert_many
from radar.portfolio import activity
from radar.portfolio import models as m
from radar.portfolio.loader import alliances_as_of
from radar.portfolio.periods import monthly_stats
from tests.portfolio.live_stats import live_monthly_stats

PERIOD_FIELD_NAMES = tuple(field.name for field in dataclasses.fields(PeriodStats))

pytestmark = pytest.mark.django_db

KINDS = ("meeting", "email", "message", "call")
RITUALS = ("none", "qbr", "steering_committee", "check_in", "workshop")
DATES = (
    date(2025, 6, 30),
    date(2025, 11, 14),
    date(2026, 2, 28),
    date(2026, 3, 1),
    date(2027, 1, 1),
)


def make_alliance(name: str) -> m.Alliance:
    partner, _ = m.Partner.objects.get_or_create(name=f"{name} Inc")
    return m.Alliance.objects.create(name=name, partner=partner)


def random_interaction(rng: random.Random, alliance: m.Alliance) -> m.Interaction:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return m.Interaction(
        alliance=alliance,
        kind=rng.choice(KINDS),
        ritual=rng.choice(RITUALS),
        occurred_at=start + timedelta(minutes=rng.randrange(0, 60 * 24 * 500)),
        direction=rng.choice(("inbound", "outbound", "mutual")),
        word_count=rng.choice((None, rng.randrange(5, 400))),
        reply_hours=rng.choice((None, rng.uniform(0.1, 90))),
        cancelled=rng.random() < 0.2,
        partner_invited=rng.randrange(0, 4),
        partner_attended=rng.randrange(0, 3),
        ours_invited=rng.randrange(0, 3),
        ours_attended=rng.randrange(0, 3),
        tone=rng.choice((None, rng.uniform(-1, 1))),
        blaming=rng.random() < 0.1,
        defensive=rng.random() < 0.1,
    )


def assert_same_as_recomputed(when: date = DATES[2]) -> None:
    for as_of in (*DATES, when):
        chosen = alliances_as_of(as_of)
        kept, recomputed = monthly_stats(chosen, as_of), live_monthly_stats(chosen, as_of)
        assert kept.keys() == recomputed.keys(), as_of
        for alliance, periods in kept.items():
            assert [fields(p) for p in periods] == [comparable(p) for p in recomputed[alliance]], (
                as_of,
                alliance,
            )


def fields(period: PeriodStats) -> dict[str, object]:
    return {name: getattr(period, name) for name in PERIOD_FIELD_NAMES}


def comparable(period: PeriodStats) -> dict[str, object]:
    """Every field as it is, but means of floats up to their last bits: PostgreSQL
    may add the same values in another order when the query plan differs."""
    return {
        name: pytest.approx(value, rel=1e-12) if isinstance(value, float) else value
        for name, value in fields(period).items()
    }


def marked() -> set[int]:
    return set(m.ActivityStale.objects.values_list("alliance_id", flat=True))


@pytest.fixture
def portfolio() -> tuple[random.Random, list[m.Alliance], list[m.Contact]]:
    # Tests that flush the database leave marks of alliances long gone (the
    # triggers see the flush delete interactions): start from none.
    m.ActivityStale.objects.all().delete()
    rng = random.Random(11)
    alliances = [make_alliance(f"A{n}") for n in range(3)]
    contacts = [
        m.Contact.objects.create(
            alliance=a,
            side=side,
            name=f"{a.name} {side} {n}",
            role="executive_sponsor" if n == 0 else "other",
        )
        for a in alliances
        for side in ("partner", "ours")
        for n in range(3)
    ]
    m.Interaction.objects.bulk_create(
        [random_interaction(rng, rng.choice(alliances)) for _ in range(300)]
    )
    for interaction in m.Interaction.objects.all()[:120]:
        for contact in rng.sample(
            [c for c in contacts if c.alliance_id == interaction.alliance_id], 2
        ):
            m.InteractionParticipant.objects.create(
                interaction=interaction, contact=contact, attended=rng.random() < 0.7
            )
    return rng, alliances, contacts


def test_a_fresh_portfolio_reads_the_same_as_recomputed(portfolio):
    assert marked() == {a.id for a in portfolio[1]}

    assert_same_as_recomputed()

    assert marked() == set()
    assert m.ActivityMonth.objects.count() > 30


def test_every_kind_of_write_is_seen(portfolio):
    rng, alliances, _contacts = portfolio
    first, second, third = alliances
    assert_same_as_recomputed()

    m.Interaction.objects.create(**_fields(random_interaction(rng, first)))  # ORM save
    assert marked() == {first.id}
    assert_same_as_recomputed()

    moved = m.Interaction.objects.filter(alliance=first).order_by("id")[:10]
    m.Interaction.objects.filter(id__in=list(moved.values_list("id", flat=True))).update(
        alliance=second, cancelled=True
    )  # queryset update moving rows between alliances
    assert marked() == {first.id, second.id}
    assert_same_as_recomputed()

    m.Interaction.objects.filter(alliance=third, kind="email")[:1].get().delete()
    m.Interaction.objects.filter(alliance=second, occurred_at__month=3).delete()
    assert marked() == {second.id, third.id}
    assert_same_as_recomputed()

    with connection.cursor() as cursor:  # raw SQL, as the bulk importers write
        cursor.execute(
            "UPDATE portfolio_interaction SET tone = -0.9, blaming = %s WHERE alliance_id = %s",
            [True, third.id],
        )
    assert marked() == {third.id}
    assert_same_as_recomputed()


def test_participants_and_contacts_are_seen(portfolio):
    _rng, alliances, contacts = portfolio
    assert_same_as_recomputed()
    partner = next(c for c in contacts if c.side == "partner" and c.alliance_id == alliances[0].id)

    m.InteractionParticipant.objects.filter(contact=partner).update(attended=False)
    assert marked() == {alliances[0].id}
    assert_same_as_recomputed()

    partner.side = "ours"  # people counted on the partner side change in the past too
    partner.save()
    assert marked() == {alliances[0].id}
    assert_same_as_recomputed()

    sponsor = next(
        c for c in contacts if c.role == "executive_sponsor" and c.alliance_id == alliances[1].id
    )
    sponsor.role = "other"  # its meetings no longer count as a sponsor's
    sponsor.save()
    assert marked() == {alliances[1].id}
    assert_same_as_recomputed()

    other = next(c for c in contacts if c.side == "partner" and c.alliance_id == alliances[1].id)
    other.delete()  # cascades to its participations
    assert alliances[1].id in marked()
    assert_same_as_recomputed()

    alliances[2].delete()  # cascades to everything, kept months included
    assert_same_as_recomputed()
    assert not m.ActivityMonth.objects.filter(alliance_id=alliances[2].id).exists()


def test_random_writes_stay_equal_to_a_recomputation(portfolio):
    rng, alliances, contacts = portfolio
    for _ in range(6):
        for _ in range(rng.randrange(1, 25)):
            action = rng.random()
            if action < 0.4:
                m.Interaction.objects.create(
                    **_fields(random_interaction(rng, rng.choice(alliances)))
                )
            elif action < 0.6:
                victim = m.Interaction.objects.order_by("?").first()
                assert victim is not None
                victim.occurred_at += timedelta(days=rng.randrange(-40, 40))
                victim.partner_attended = rng.randrange(0, 3)
                victim.save()
            elif action < 0.75:
                m.Interaction.objects.filter(id=m.Interaction.objects.order_by("?")[0].id).delete()
            else:
                interaction = m.Interaction.objects.order_by("?")[0]
                contact = rng.choice(
                    [c for c in contacts if c.alliance_id == interaction.alliance_id]
                )
                m.InteractionParticipant.objects.get_or_create(
                    interaction=interaction,
                    contact=contact,
                    defaults={"attended": rng.random() < 0.5},
                )
        assert_same_as_recomputed(date(2025, 1, 1) + timedelta(days=rng.randrange(0, 500)))


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Kolkata", "America/New_York"])
def test_a_change_of_time_zone_recuts_every_month(portfolio, zone):
    assert_same_as_recomputed()  # cut in UTC
    with timezone.override(ZoneInfo(zone)):
        assert_same_as_recomputed()
        assert set(m.ActivityMonth.objects.values_list("zone", flat=True)) == {zone}
    assert_same_as_recomputed()
    assert set(m.ActivityMonth.objects.values_list("zone", flat=True)) == {"UTC"}


def test_refreshing_some_alliances_leaves_the_others_marked(portfolio):
    alliances = portfolio[1]

    assert activity.refresh([alliances[0].id]) == 1

    assert marked() == {alliances[1].id, alliances[2].id}
    assert activity.refresh() == 2
    assert activity.refresh() == 0


def test_the_month_of_as_of_is_read_up_to_as_of_only(portfolio):
    rng, alliances, _ = portfolio
    activity.refresh()
    day = date(2025, 11, 14)
    later = m.Interaction.objects.create(
        **{
            **_fields(random_interaction(rng, alliances[0])),
            "kind": "call",
            "cancelled": False,
            "occurred_at": datetime(2025, 11, 20, 9, tzinfo=UTC),
        }
    )
    activity.refresh()

    stats = monthly_stats(alliances_as_of(day), day)[alliances[0].id]

    november = [p for p in stats if p.period == date(2025, 11, 1)]
    assert all(p.last_contact is None or p.last_contact < later.occurred_at for p in november)
    assert stats == live_monthly_stats(alliances_as_of(day), day)[alliances[0].id]


def test_rebuild_command_recomputes_everything(portfolio):
    activity.refresh()
    m.ActivityMonth.objects.update(calls=999)  # damage the kept totals behind the triggers' back

    call_command("rebuild_activity", verbosity=0)

    assert not m.ActivityMonth.objects.filter(calls=999).exists()
    assert_same_as_recomputed()


def _fields(interaction: m.Interaction) -> dict[str, object]:
    names = [f.attname for f in m.Interaction._meta.concrete_fields if f.attname != "id"]
    return {name: getattr(interaction, name) for name in names}


def test_a_refresh_with_nothing_to_do_only_reads(portfolio):
    """No transaction, so no write lock: a page never waits for a long import."""
    activity.refresh()

    with CaptureQueriesContext(connection) as queries:
        assert activity.refresh(alliances_as_of(DATES[2])) == 0

    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert statements == ["SELECT"]


def test_bulk_inserts_mark_their_alliances_once_and_keep_the_triggers(portfolio):
    rng, alliances, contacts = portfolio
    activity.refresh()
    new = [_fields(random_interaction(rng, alliances[1])) for _ in range(20)]

    with transaction.atomic():
        insert_many(m.Interaction, new)
        created = m.Interaction.objects.filter(alliance=alliances[1]).order_by("-id")[:20]
        partner = next(c for c in contacts if c.alliance_id == alliances[2].id)
        # A participant counts for its contact's alliance, whatever the interaction's.
        insert_many(
            m.InteractionParticipant,
            [{"interaction_id": i.id, "contact_id": partner.id} for i in created],
        )

    assert marked() == {alliances[1].id, alliances[2].id}
    assert_same_as_recomputed()
    m.Interaction.objects.create(**_fields(random_interaction(rng, alliances[0])))
    assert marked() == {alliances[0].id}  # the row trigger is back


def test_a_failed_bulk_insert_leaves_the_triggers_in_place(portfolio):
    rng, alliances, _ = portfolio
    activity.refresh()

    good = _fields(random_interaction(rng, alliances[0]))
    broken = {**_fields(random_interaction(rng, alliances[1])), "kind": None}  # NOT NULL

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_many(m.Interaction, [good, broken])  # fails inside the bulk insert

    assert marked() == set()  # rolled back with the rows
    m.Interaction.objects.create(**_fields(random_interaction(rng, alliances[2])))
    assert marked() == {alliances[2].id}


def test_sponsor_meetings_and_reply_statistics_are_kept(portfolio):
    assert_same_as_recomputed()
    kept = [
        p
        for periods in monthly_stats(alliances_as_of(DATES[2]), DATES[2]).values()
        for p in periods
    ]
    assert sum(p.sponsor_invited for p in kept) > 0 and sum(p.partner_replies for p in kept) > 0
    assert all(p.sponsor_attended <= p.sponsor_invited for p in kept)
    assert all((p.partner_reply_log is None) == (p.partner_replies == 0) for p in kept)


def test_refreshing_one_alliance_recuts_only_its_own_months(portfolio):
    _, alliances, _ = portfolio
    one, other = alliances[0], alliances[1]
    activity.refresh()
    with timezone.override(ZoneInfo("Asia/Kolkata")):
        assert activity.refresh([one.pk]) == 1  # its months were cut in UTC: recomputed
        zones = dict(
            m.ActivityMonth.objects.filter(alliance__in=[one, other])
            .values_list("alliance_id", "zone")
            .distinct()
        )
        assert zones == {one.pk: "Asia/Kolkata", other.pk: "UTC"}
        assert other.pk not in marked()  # left alone until it is read itself
        assert_same_as_recomputed()  # a full read recuts the rest
