"""Formula-leading text is made inert (OWASP CSV injection); everything else is untouched."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.exports.safe_cells import restore_cell, safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1:A2)", "\tx", "\r=1"],
)
def test_it_prefixes_text_a_spreadsheet_would_run(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Acme", "a=b", "", " =1", "'quoted", -3, 2.5, None, date(2026, 1, 1)]
)
def test_it_leaves_other_values_alone(value: object) -> None:
    assert safe_cell(value) == value


def test_a_row_is_made_safe_cell_by_cell() -> None:
    assert safe_row(["=1", 4, "ok"]) == ["'=1", 4, "ok"]


def test_text_that_looks_neutralised_already_gets_one_more_quote() -> None:
    assert safe_cell("'=1") == "''=1"
    assert restore_cell("''=1") == "'=1"


@given(st.text(alphabet="'=+-@\t\rab ", max_size=8))
def test_restore_undoes_safe_cell_for_any_text(text: str) -> None:
    assert restore_cell(safe_cell(text)) == text
