"""Cell parsers: what people type in spreadsheets, and what they are told when it is wrong."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.ingest.bundle import spec
from radar.ingest.bundle.cells import CellError, format_cell, parser_for
from radar.ingest.bundle.fastpath import compile_parser

BERLIN = ZoneInfo("Europe/Berlin")


def parse(column: spec.Column, raw: str, zone=UTC):
    return parser_for(column, zone)(raw)


def test_date_times_keep_their_offset_and_are_stored_in_utc():
    column = spec.Column("at", spec.DATETIME)
    assert parse(column, "2024-03-05T14:00:00+01:00") == datetime(2024, 3, 5, 13, tzinfo=UTC)
    assert parse(column, "2024-03-05 14:00Z") == datetime(2024, 3, 5, 14, tzinfo=UTC)
    # Without an offset the portfolio's time zone applies (summer time in Berlin).
    assert parse(column, "2024-07-01T12:00", BERLIN) == datetime(2024, 7, 1, 10, tzinfo=UTC)
    assert parse(column, "2024-07-01") == datetime(2024, 7, 1, tzinfo=UTC)


def test_months_accept_a_month_or_any_day_of_it():
    column = spec.Column("period", spec.MONTH)
    assert parse(column, "2024-3") == date(2024, 3, 1)
    assert parse(column, "2024-03-31") == date(2024, 3, 1)
    with pytest.raises(CellError, match="not a month"):
        parse(column, "2024-13")


def test_enums_accept_friendly_spellings_and_list_allowed_values():
    column = spec.Column("kind", spec.ENUM, choices=("co_selling", "other"))
    assert parse(column, "Co-Selling") == "co_selling"
    with pytest.raises(CellError, match=r"expected one of: co_selling, other"):
        parse(column, "partnership")


def test_numbers_reject_nan_commas_and_out_of_range_values():
    tone = spec.Column("tone", spec.NUMBER, minimum=-1, maximum=1)
    assert parse(tone, "-0.5") == -0.5
    for bad, message in [("nan", "finite"), ("0,5", "use a . for decimals"), ("2", "between -1")]:
        with pytest.raises(CellError, match=message):
            parse(tone, bad)


def test_bools_accept_yes_no_and_refuse_maybe():
    column = spec.Column("flag", spec.BOOL)
    assert [parse(column, v) for v in ("TRUE", "yes", "0", "N")] == [True, True, False, False]
    with pytest.raises(CellError, match="yes/no"):
        parse(column, "maybe")


def _fast_and_careful(plan_columns, cells):
    plan = [
        (c, i, parser_for(c, UTC), c.type != spec.TEXT or c.max_length is not None, None)
        for i, c in enumerate(plan_columns)
    ]
    fast = compile_parser(plan)
    try:
        fast_result = fast(cells)
    except Exception:
        fast_result = "error"
    careful = []
    for column, _, parse_cell, trim, _ in plan:
        raw = cells[plan_columns.index(column)]
        raw = raw.strip() if trim else raw
        try:
            careful.append(parse_cell(raw) if raw else None)
        except CellError:
            return fast_result, "error"
    return fast_result, careful


COLUMNS = [
    spec.Column("n", spec.INT, minimum=0),
    spec.Column("x", spec.NUMBER, minimum=-1, maximum=1),
    spec.Column("d", spec.DATE),
    spec.Column("b", spec.BOOL),
    spec.Column("e", spec.ENUM, choices=("a", "b_c")),
]


@given(st.lists(st.text(max_size=12), min_size=5, max_size=5))
def test_the_fast_parser_agrees_with_the_careful_one(cells):
    fast, careful = _fast_and_careful(COLUMNS, cells)
    # The fast path may give up where the careful one succeeds (it then falls
    # back), but whenever it returns a row, that row is the careful one's.
    if fast != "error":
        assert careful != "error"
        assert [v if v is not None else None for v in fast] == careful


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(),
        st.datetimes(timezones=st.just(UTC)),
    )
)
def test_formatted_cells_parse_back_to_the_same_value(value):
    kind = {
        bool: spec.BOOL,
        float: spec.NUMBER,
        date: spec.DATE,
        datetime: spec.DATETIME,
    }
    text = format_cell(value)
    if value is None:
        assert text == ""
        return
    column = spec.Column("c", kind[type(value)])
    back = parse(column, text)
    assert back == value or (isinstance(value, float) and math.isclose(back, value))


def test_format_writes_utc_date_times_and_plain_numbers():
    at = datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=2)))
    assert format_cell(at) == "2024-01-01T10:00:00+00:00"
    assert format_cell(40.0) == "40" and format_cell(0.1) == "0.1"
    assert format_cell({"b": 1, "a": "ü"}) == '{"a": "ü", "b": 1}'
