from __future__ import annotations

from datetime import date

from radar.engine.vocab import Category, ObservationKind, Polarity
from tests.engine.builders import detect, dip, fired, history, observation, steady_periods

START = date(2024, 1, 1)
AS_OF = date(2025, 12, 31)  # 24 complete months
MONTHS = 24
AT = 20  # 2025-09
AT_PERIOD = date(2025, 9, 1)


def run(**overrides):
    return detect(history(periods=steady_periods(START, MONTHS, **overrides)), AS_OF)


def test_a_stable_alliance_raises_no_communication_signal():
    found = run()
    assert fired(found, "communication.") == []


def test_it_notices_slower_partner_replies():
    found = run(partner_reply_hours=dip(12.0, at=AT, to=40.0))
    assert fired(found, "communication.reply_slower") == [AT_PERIOD]
    detection = next(d for d in found if d.rule == "communication.reply_slower")
    assert detection.category == Category.COMMUNICATION
    assert detection.polarity == Polarity.NEGATIVE
    assert "40 hours" in detection.detail and "12 hours" in detection.detail
    assert detection.evidence.baseline == 12.0
    assert detection.evidence.points[-1].value == 40.0
    assert 0 < detection.severity <= 1


def test_faster_replies_are_not_a_problem():
    found = run(partner_reply_hours=dip(12.0, at=AT, to=2.0))
    assert fired(found, "communication.reply_slower") == []


def test_months_without_replies_are_not_read_as_instant_replies():
    hours = dip(12.0, at=[AT, AT + 1], to=None)  # no partner replies at all in two months
    found = run(partner_reply_hours=hours, partner_words=dip(120.0, at=[AT, AT + 1], to=None))
    assert fired(found, "communication.") == []


def test_it_notices_shorter_partner_messages():
    found = run(partner_words=dip(120.0, at=[AT, AT + 1], to=45.0))
    assert fired(found, "communication.shorter_messages") == [AT_PERIOD, date(2025, 10, 1)]


def test_it_notices_fewer_meetings_and_calls():
    found = run(
        meetings_held=dip(4, at=AT, to=1),
        meetings_scheduled=dip(4, at=AT, to=1),
        calls=dip(2, at=AT, to=0),
    )
    assert fired(found, "communication.fewer_meetings") == [AT_PERIOD]
    detail = next(d.detail for d in found if d.rule == "communication.fewer_meetings")
    assert detail.startswith("Meetings and calls held: 1, against a usual 6 a month")


def test_it_notices_cancelled_meetings():
    found = run(meetings_cancelled=dip(0, at=AT, to=2), meetings_held=dip(4, at=AT, to=2))
    assert fired(found, "communication.meetings_cancelled") == [AT_PERIOD]
    detail = next(d.detail for d in found if d.rule == "communication.meetings_cancelled")
    assert "2 of 4 meetings scheduled this month were cancelled (50%, against a usual 0%)" in detail


def test_a_cancelled_monthly_sync_is_read_as_a_share_of_few_meetings():
    # A monthly sync and a quarterly review: one or two meetings a month. The partner
    # calls off the sync in two months out of three: never "two in a month", but two of
    # four scheduled, against none before.
    scheduled = [2 if m % 3 == 0 else 1 for m in range(MONTHS)]
    cancelled = [0] * MONTHS
    cancelled[AT], cancelled[AT + 2] = 1, 1
    held = [s - c for s, c in zip(scheduled, cancelled, strict=True)]
    found = run(meetings_scheduled=scheduled, meetings_cancelled=cancelled, meetings_held=held)
    assert fired(found, "communication.meetings_cancelled") == [date(2025, 11, 1)]
    detail = next(d.detail for d in found if d.rule == "communication.meetings_cancelled")
    assert "in the last 3 months were cancelled" in detail


def test_a_single_cancellation_is_not_a_signal():
    found = run(meetings_cancelled=dip(0, at=AT, to=1), meetings_held=dip(4, at=AT, to=3))
    assert fired(found, "communication.meetings_cancelled") == []


def test_chronic_cancellations_become_the_baseline():
    # This partner always cancels half its meetings: news only when it gets worse.
    found = run(meetings_scheduled=6, meetings_cancelled=3, meetings_held=3)
    assert fired(found, "communication.meetings_cancelled") == [date(2024, m, 1) for m in (1, 2, 3)]


def test_it_notices_falling_partner_attendance():
    attended = dip(9, at=list(range(AT, MONTHS)), to=4)
    found = run(partner_attended=attended)
    assert fired(found, "communication.attendance_falling") == [
        date(2025, 9, 1),
        date(2025, 10, 1),
        date(2025, 11, 1),
        date(2025, 12, 1),
    ]
    detail = next(d.detail for d in found if d.rule == "communication.attendance_falling")
    assert "40%" in detail and "90%" in detail


def test_attendance_needs_invitations_to_mean_something():
    found = run(partner_invited=dip(10, at=AT, to=1), partner_attended=dip(9, at=AT, to=0))
    assert fired(found, "communication.attendance_falling") == []


def test_it_notices_fewer_emails_from_the_partner():
    found = run(emails_inbound=dip(20, at=AT, to=6))
    assert fired(found, "communication.fewer_inbound") == [AT_PERIOD]


def test_one_email_from_the_partner_reads_in_the_singular():
    found = run(emails_inbound=dip(20, at=AT, to=1))
    detail = next(d.detail for d in found if d.rule == "communication.fewer_inbound")
    assert detail.startswith("The partner sent 1 e-mail, against a usual 20 a month")


def test_it_stays_silent_without_enough_history_for_a_baseline():
    found = detect(
        history(periods=steady_periods(START, 3, emails_inbound=[20, 20, 2])), date(2024, 3, 31)
    )
    assert fired(found, "communication.fewer_inbound") == []
    found = detect(
        history(periods=steady_periods(START, 4, emails_inbound=[20, 20, 20, 2])), date(2024, 4, 30)
    )
    assert fired(found, "communication.fewer_inbound") == [date(2024, 4, 1)]


def test_a_december_holiday_dip_fires_in_december_only():
    # Two Decembers with a holiday dip in meetings, calls and mail; January recovers.
    decembers = [11, 23]
    found = detect(
        history(
            periods=steady_periods(
                START,
                26,
                meetings_held=dip(4, at=decembers, to=1, months=26),
                meetings_scheduled=dip(4, at=decembers, to=1, months=26),
                calls=dip(2, at=decembers, to=0, months=26),
                emails_inbound=dip(20, at=decembers, to=5, months=26),
                partner_people=dip(4, at=decembers, to=1, months=26),
            )
        ),
        date(2026, 2, 28),
    )
    negative = sorted({d.period for d in found if d.polarity == Polarity.NEGATIVE})
    assert negative == [date(2024, 12, 1), date(2025, 12, 1)]
    assert fired(found, "communication.fewer_inbound") == [date(2024, 12, 1), date(2025, 12, 1)]


def test_communication_observations_are_reported_in_their_month():
    h = history(
        periods=steady_periods(START, MONTHS),
        observations=(
            observation(
                1,
                date(2025, 3, 14),
                ObservationKind.OTHER,
                category=Category.COMMUNICATION,
                title="Partner stopped joining the Slack channel",
            ),
        ),
    )
    found = detect(h, AS_OF)
    assert fired(found, "communication.observation") == [date(2025, 3, 1)]
    detection = next(d for d in found if d.rule == "communication.observation")
    assert "Slack channel" in detection.detail and not detection.instant


def test_a_few_e_mails_fewer_than_a_small_usual_number_is_chance_not_news():
    # Two e-mails against a usual five is within what chance gives (Poisson).
    assert fired(run(emails_inbound=dip(5, at=AT, to=2)), "communication.fewer_inbound") == []
    # ... while a busy partner who drops from twenty to six has gone quiet.
    found = run(emails_inbound=dip(20, at=AT, to=6))
    assert fired(found, "communication.fewer_inbound") == [AT_PERIOD]
