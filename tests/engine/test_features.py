from __future__ import annotations

from datetime import date

from radar.engine.features import add_months, last_complete_month, month_end
from radar.engine.records import PeriodStats
from radar.engine.vocab import ContactRole, DeliverableStatus, ObservationKind, Side
from tests.engine.builders import (
    build,
    contact,
    deliverable,
    history,
    metric,
    monthly_periods,
    observation,
    survey,
)


def test_month_helpers():
    assert add_months(date(2025, 11, 1), 3) == date(2026, 2, 1)
    assert add_months(date(2025, 1, 1), -1) == date(2024, 12, 1)
    assert month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    assert last_complete_month(date(2026, 3, 31)) == date(2026, 3, 1)
    assert last_complete_month(date(2026, 3, 30)) == date(2026, 2, 1)
    assert last_complete_month(date(2026, 1, 1)) == date(2025, 12, 1)


def test_it_lays_out_every_month_up_to_the_last_complete_one_with_zero_filled_gaps():
    periods = (
        PeriodStats(period=date(2025, 1, 1), meetings_held=3, partner_reply_hours=10.0),
        PeriodStats(period=date(2025, 4, 1), meetings_held=5, partner_reply_hours=20.0),
    )
    frame = build(history(periods=periods), date(2025, 6, 15))
    assert frame.periods == tuple(date(2025, m, 1) for m in range(1, 6))
    assert frame.series("meetings_held") == (3.0, 0.0, 0.0, 5.0, 0.0)
    # No replies in a month is "no data", never a zero-hour reply time.
    assert frame.series("partner_reply_hours") == (10.0, None, None, 20.0, None)
    assert frame.stats[1] == PeriodStats(period=date(2025, 2, 1))


def test_the_last_day_of_a_month_completes_it():
    periods = monthly_periods(date(2025, 1, 1), 6, meetings_held=2)
    assert build(history(periods=periods), date(2025, 5, 31)).periods[-1] == date(2025, 5, 1)
    assert build(history(periods=periods), date(2025, 5, 30)).periods[-1] == date(2025, 4, 1)


def test_it_starts_at_the_alliance_start_when_there_is_no_activity_yet():
    h = history(periods=())
    h = history(
        alliance=h.alliance.__class__(id=1, name="A", partner="P", started=date(2025, 2, 10))
    )
    frame = build(h, date(2025, 4, 30))
    assert frame.periods == (date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1))
    assert frame.series("conversations") == (0.0, 0.0, 0.0)


def test_it_forgets_everything_that_happened_after_as_of():
    h = history(
        periods=monthly_periods(date(2025, 1, 1), 12, meetings_held=2),
        contacts=(
            contact(1, "Ana", role=ContactRole.CHAMPION, ended=date(2025, 9, 1), end_reason="left"),
            contact(2, "Ben", started=date(2025, 8, 1)),
        ),
        deliverables=(deliverable(1, date(2025, 5, 1), done=date(2025, 7, 1)),),
        metrics=(metric("leads", date(2025, 1, 1), [5] * 12),),
        surveys=(survey(1, date(2025, 5, 1), (date(2025, 5, 10), 4.0), (date(2025, 7, 2), 3.0)),),
        observations=(observation(1, date(2025, 7, 1), ObservationKind.FOCUS_SHIFT),),
    )
    frame = build(h, date(2025, 6, 20))
    cut = frame.history
    assert [p.period for p in cut.periods][-1] == date(2025, 6, 1)
    assert [c.name for c in cut.contacts] == ["Ana"]
    assert cut.contacts[0].ended is None and cut.contacts[0].end_reason == ""
    assert cut.deliverables[0].done is None
    assert cut.deliverables[0].status == DeliverableStatus.OPEN
    assert cut.metrics[0].points[-1][0] == date(2025, 6, 1)
    assert len(cut.surveys[0].responses) == 1
    assert cut.observations == ()


def test_metric_series_align_with_periods_and_keep_gaps_as_none():
    h = history(
        periods=monthly_periods(date(2025, 1, 1), 4, meetings_held=1),
        metrics=(metric("leads", date(2025, 2, 1), [7, None, 9]),),
    )
    frame = build(h, date(2025, 4, 30))
    assert frame.metric("leads") == (None, 7.0, None, 9.0)


def test_events_in_the_partial_month_count_in_the_last_complete_period():
    h = history(periods=monthly_periods(date(2025, 1, 1), 6, meetings_held=1))
    frame = build(h, date(2025, 6, 12))
    assert frame.index_of(date(2025, 6, 10)) == len(frame.periods) - 1
    assert frame.index_of(date(2025, 3, 31)) == 2
    assert frame.index_of(date(2024, 12, 31)) is None
    assert frame.period_end(len(frame.periods) - 1) == date(2025, 6, 12)
    assert frame.period_end(0) == date(2025, 1, 31)


def test_baselines_are_computed_once_and_cached():
    h = history(
        periods=monthly_periods(date(2025, 1, 1), 8, meetings_held=[2, 3, 2, 3, 2, 3, 2, 3])
    )
    frame = build(h, date(2025, 8, 31))
    first = frame.baselines("meetings_held")
    assert first is frame.baselines("meetings_held")
    assert first[2] is None and first[3] is not None and first[3].median == 2.0


def test_shares_need_a_denominator():
    h = history(
        periods=monthly_periods(
            date(2025, 1, 1),
            3,
            partner_invited=[0, 1, 4],
            partner_attended=[0, 1, 3],
            meetings_scheduled=[0, 2, 4],
            meetings_cancelled=[0, 1, 0],
        )
    )
    frame = build(h, date(2025, 3, 31))
    assert frame.series("partner_attendance") == (None, None, 0.75)
    assert frame.series("cancel_share") == (None, 0.5, 0.0)


def test_side_defaults():
    assert contact(1, "X").side == Side.PARTNER


def test_every_series_lines_up_with_the_periods_and_means_what_it_says():
    from radar.engine.features import SERIES_NAMES

    row = PeriodStats(
        period=date(2025, 1, 1),
        meetings_scheduled=5,
        meetings_held=4,
        meetings_cancelled=1,
        calls=2,
        emails_inbound=10,
        emails_outbound=7,
        tone=0.4,
        toned=8,
        blaming=1,
        defensive=1,
        partner_people=3,
    )
    frame = build(history(periods=(row,)), date(2025, 2, 28))
    assert len(frame.periods) == 2
    for name in SERIES_NAMES:
        assert len(frame.series(name)) == 2, name
    assert frame.series("conversations")[0] == 6.0
    assert frame.series("engagement")[0] == 16.0
    assert frame.series("interactions")[0] == float(row.interactions) == 23.0
    assert frame.series("tone") == (0.4, None)
    assert frame.series("flagged_share") == (0.25, None)
    assert frame.series("partner_people") == (3.0, 0.0)


def test_an_unknown_series_name_says_which_exist():
    import pytest

    frame = build(history(periods=monthly_periods(date(2025, 1, 1), 2, calls=1)), date(2025, 2, 28))
    with pytest.raises(KeyError, match="engagement"):
        frame.series("engagment")


def test_an_alliance_tracked_after_it_was_signed_starts_with_its_first_data():
    from tests.engine.builders import alliance

    h = history(
        alliance=alliance(started=date(2019, 5, 1)),
        periods=monthly_periods(date(2025, 3, 1), 3, meetings_held=2),
        metrics=(metric("leads", date(2025, 1, 1), [4, 5]),),
    )
    frame = build(h, date(2025, 5, 31))
    assert frame.periods[0] == date(2025, 1, 1)  # the metric started before the meetings
    assert frame.series("meetings_held") == (0.0, 0.0, 2.0, 2.0, 2.0)
