"""The engine-level path: a World's events become the History the store would load."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bench.accuracy.history import full_history, history_as_of, period_stats
from bench.accuracy.world import Call, Meeting, Message, Partstat, Person, Register, World
from radar.engine.records import AgreementInfo, DeliverableRecord
from radar.engine.vocab import AllianceKind, ContactRole, DeliverableStatus, Ritual, Side

OWNER = "olga.petrov@ours.example"
ANA = "ana.silva@acme1.example"
BO = "bo.berg@acme1.example"


def at(day: int, hour: int = 9, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def world() -> World:
    w = World(
        name="Acme co-selling",
        partner="Acme 1",
        domain="acme1.example",
        kind=AllianceKind.CO_SELLING,
        tier=1,
        started=date(2025, 1, 1),
        owner=OWNER,
        agreement=AgreementInfo(signed=date(2025, 1, 1)),
        governance=(),
        calendar="google",
        zone="UTC",
    )
    w.people = [
        Person(
            OWNER,
            "Olga Petrov",
            Side.OURS,
            ContactRole.ALLIANCE_MANAGER,
            "",
            False,
            date(2025, 1, 1),
        ),
        Person(
            ANA,
            "Ana Silva",
            Side.PARTNER,
            ContactRole.CHAMPION,
            "",
            True,
            date(2025, 1, 1),
            ended=date(2026, 3, 20),
            end_reason="left",
            successor=BO,
        ),
        Person(BO, "Bo Berg", Side.PARTNER, ContactRole.CHAMPION, "", True, date(2026, 3, 1)),
    ]
    answers = ((OWNER, Partstat.ACCEPTED), (ANA, Partstat.ACCEPTED), (BO, Partstat.DECLINED))
    w.meetings = [
        Meeting("s1", at(3), 60, "QBR", Ritual.QBR, OWNER, answers, series="s1"),
        Meeting("s1", at(17), 60, "QBR", Ritual.QBR, OWNER, answers, cancelled=True, series="s1"),
    ]
    ours = Message("m1", "m1", None, OWNER, (ANA,), (), at(5), "Plan", 80, Register.WARM, 0.6)
    auto = Message(
        "m2",
        "m1",
        "m1",
        ANA,
        (OWNER,),
        (),
        at(5, 10),
        "Re: Plan",
        35,
        Register.NEUTRAL,
        0.3,
        auto=True,
    )
    reply = Message(
        "m3", "m1", "m1", ANA, (OWNER,), (BO,), at(6, 19), "Re: Plan", 40, Register.DEFENSIVE, -0.2
    )
    answer = Message(
        "m4", "m1", "m3", OWNER, (ANA,), (), at(6, 21), "Re: Plan", 60, Register.WARM, 0.5
    )
    w.messages = [ours, auto, reply, answer]
    w.calls = [Call(at(25, 15), 20, BO, OWNER, "Call with Bo")]
    w.deliverables = [
        DeliverableRecord(1, "Brief", Side.PARTNER, date(2026, 3, 10), date(2026, 4, 2)),
        DeliverableRecord(2, "Plan", Side.PARTNER, date(2026, 5, 10), None),
    ]
    return w


def test_month_totals_follow_the_stores_definitions():
    (march,) = period_stats(world())

    assert march.period == date(2026, 3, 1)
    assert (march.meetings_scheduled, march.meetings_held, march.meetings_cancelled) == (2, 1, 1)
    assert (march.partner_invited, march.partner_attended) == (2, 1)
    assert (march.ours_invited, march.ours_attended) == (1, 1)
    assert march.calls == 1
    # The out-of-office reply is not a reply: one inbound message, answered after 34 hours.
    assert (march.emails_inbound, march.emails_outbound) == (1, 2)
    assert march.partner_reply_hours == 34.0
    assert march.our_reply_hours == 2.0
    assert march.partner_words == 40
    assert march.toned == 3 and march.defensive == 1 and march.blaming == 0
    assert march.partner_people == 2  # Ana (meeting, mail) and Bo (copied, call)
    assert march.last_contact == at(25, 15)
    assert march.rituals == {Ritual.QBR: date(2026, 3, 3)}


def test_the_history_as_of_a_date_holds_only_what_was_known_then():
    full = full_history(world(), 7)

    early = history_as_of(full, date(2026, 3, 15))
    ana = next(c for c in early.contacts if c.name == "Ana Silva")
    assert ana.ended is None and ana.successor_id is None  # she left on the 20th
    (brief,) = early.deliverables  # the plan due in May is not known yet as late or done
    assert brief.done is None and brief.status is DeliverableStatus.OPEN

    later = history_as_of(full, date(2026, 4, 30))
    ana = next(c for c in later.contacts if c.name == "Ana Silva")
    bo = next(c for c in later.contacts if c.name == "Bo Berg")
    assert ana.ended == date(2026, 3, 20) and ana.successor_id == bo.id
    assert [d.done for d in later.deliverables] == [date(2026, 4, 2)]
    assert later.alliance.owner == "Olga Petrov"
