from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from radar.engine.config import DEFAULT_CONFIG
from radar.engine.coverage import _marks, coverage, data_gaps
from radar.engine.records import AgreementInfo, CheckInRecord
from radar.engine.vocab import Category
from tests.engine.builders import build, contact, deliverable, history, metric, steady_periods

START = date(2025, 1, 1)
AS_OF = date(2025, 12, 31)


def cover(**parts):
    parts.setdefault("periods", steady_periods(START, 12, toned=0))
    return coverage(build(history(**parts), AS_OF), DEFAULT_CONFIG)


def months(flags):
    return [i for i, flag in enumerate(flags) if flag]


def test_the_interaction_log_covers_communication_every_month_once_started():
    found = cover(
        periods=steady_periods(date(2025, 4, 1), 9, toned=0), metrics=(metric("x", START, [1.0]),)
    )
    assert months(found.fresh[Category.COMMUNICATION]) == list(range(3, 12))


def test_a_deliverable_is_fresh_data_in_its_due_and_done_months_and_held_after():
    found = cover(deliverables=(deliverable(1, date(2025, 3, 10), done=date(2025, 5, 2)),))
    assert months(found.fresh[Category.EXECUTION]) == [2, 4]
    assert months(found.held[Category.EXECUTION]) == [2, 3, 4, 5, 6, 7]


def test_checkins_and_observations_cover_priority():
    found = cover(checkins=(CheckInRecord(date(2025, 6, 3)),))
    assert months(found.fresh[Category.PRIORITY]) == [5]
    assert months(found.held[Category.PRIORITY]) == [5, 6, 7, 8]


def test_categories_without_inputs_have_no_data():
    found = cover()
    for category in (Category.RESOURCE, Category.EXECUTION, Category.METRICS, Category.CULTURE):
        assert not any(found.held[category]), category


def test_contacts_cover_resource_from_their_start():
    found = cover(contacts=(contact(1, "Ana", started=date(2025, 8, 15)),))
    assert months(found.fresh[Category.RESOURCE]) == [7, 8, 9, 10, 11]


def test_data_gaps_are_plain_sentences_about_what_is_missing():
    gaps = data_gaps(build(history(periods=steady_periods(START, 12)), AS_OF), DEFAULT_CONFIG)
    assert "No metric series." in gaps
    assert "No deliverables on record." in gaps
    assert "No partner contacts on record." in gaps
    assert "No check-in on record." in gaps
    full = history(
        periods=steady_periods(START, 12),
        agreement=AgreementInfo(next_review=date(2026, 3, 1)),
        metrics=(metric("leads", START, [5.0] * 12),),
    )
    gaps = data_gaps(build(full, AS_OF), DEFAULT_CONFIG)
    assert "No metric series." not in gaps
    assert not any(g.startswith("No agreement") for g in gaps)


@given(
    first=st.integers(24_000, 24_400),
    count=st.integers(0, 40),
    months=st.sets(st.integers(23_990, 24_450), max_size=30),
    hold=st.integers(-2, 8),
)
def test_a_month_is_marked_when_an_input_falls_in_it_or_in_the_hold_before(
    first, count, months, hold
):
    """The one-walk `_marks` against its definition, month by month."""
    want = [any(m <= first + i <= m + hold for m in months) for i in range(count)]
    assert _marks(first, count, months, hold) == want
