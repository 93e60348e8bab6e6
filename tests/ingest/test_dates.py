"""Dates the way sheets and CRM exports write them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.ingest.dates import DateError, month_start, parse_date, parse_datetime


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("2025-03-31", False, date(2025, 3, 31)),
        ("2025-03-31T14:00:00Z", False, date(2025, 3, 31)),
        ("31/12/2025", False, date(2025, 12, 31)),  # unambiguous wins over the switch
        ("12/31/2025", True, date(2025, 12, 31)),
        ("03/04/2025", False, date(2025, 3, 4)),
        ("03/04/2025", True, date(2025, 4, 3)),
        ("3.4.25", True, date(2025, 4, 3)),
        ("Mar 3, 2025", False, date(2025, 3, 3)),
        ("March 3 2025", False, date(2025, 3, 3)),
        ("3 March 2025", False, date(2025, 3, 3)),
        ("03-Mar-2025", False, date(2025, 3, 3)),
        ("45747", False, date(2025, 3, 31)),
        ("20250331", False, date(2025, 3, 31)),
        ("2025-03", False, date(2025, 3, 1)),
        ("March 2025", False, date(2025, 3, 1)),
        ("Mar-25", False, date(2025, 3, 1)),
    ],
)
def test_it_reads_the_usual_formats(text: str, dayfirst: bool, expected: date):
    assert parse_date(text, dayfirst=dayfirst) == expected


def test_excel_serials_and_objects():
    assert parse_date(45747) == date(2025, 3, 31)
    assert parse_date(45747.75) == date(2025, 3, 31)
    assert parse_date(datetime(2025, 3, 31, 10)) == date(2025, 3, 31)


@pytest.mark.parametrize("text", ["3", "12", "31/02/2025", "tomorrow", "2025-13-01", "", "1e9"])
def test_it_refuses_to_guess(text: str):
    with pytest.raises(DateError):
        parse_date(text)


def test_datetimes_with_times_and_zones():
    assert parse_datetime("3/4/2025 2:30 PM") == datetime(2025, 3, 4, 14, 30, tzinfo=UTC)
    assert parse_datetime("2025-03-04 14:30") == datetime(2025, 3, 4, 14, 30, tzinfo=UTC)
    assert parse_datetime("2025-03-04T14:30:00+01:00").astimezone(UTC).hour == 13
    assert parse_datetime("Mar 4, 2025") == datetime(2025, 3, 4, tzinfo=UTC)


def test_month_start():
    assert month_start(date(2025, 3, 31)) == date(2025, 3, 1)


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True)))
def test_anything_else_is_a_date_or_a_date_error(value: object):
    try:
        result = parse_date(value)
    except DateError as exc:
        assert str(exc)
    else:
        assert isinstance(result, date)
