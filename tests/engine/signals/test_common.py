from __future__ import annotations

from datetime import date

import pytest

from radar.engine.signals._common import fmt, unit_suffix
from tests.engine.builders import detect, history, metric, steady_periods

START = date(2024, 1, 1)
MONTHS = 24


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (92308.5, "92,309"),
        (-1234.4, "-1,234"),
        (999.96, "1,000"),
        (1.94, "1.9"),
        (3.0, "3"),
        (0.04, "0"),
        (41.25, "41.2"),
    ],
)
def test_numbers_read_as_a_manager_writes_them(value, shown):
    assert fmt(value) == shown


@pytest.mark.parametrize(
    ("unit", "suffix"),
    [
        ("", ""),
        ("%", "%"),
        ("EUR", " EUR"),
        ("1-5", " on the 1\u20135 scale"),
        ("0 \u2013 10", " on the 0\u201310 scale"),
    ],
)
def test_a_unit_follows_a_number_as_it_is_said(unit, suffix):
    assert unit_suffix(unit) == suffix


def falling_sentence(values, unit):
    found = detect(
        history(
            periods=steady_periods(START, MONTHS), metrics=[metric("m", START, values, unit=unit)]
        ),
        date(2025, 12, 31),
    )
    return next(d.detail for d in found if d.rule == "metrics.falling.m")


def test_large_amounts_in_a_sentence_are_whole_and_grouped():
    revenue = [120400.0, 119800.0, 121300.0, 120900.0] * 5 + [82308.5, 80000.0, 79000.0, 78000.0]
    sentence = falling_sentence(revenue, "EUR")
    assert sentence.startswith("M fell to 82,309 EUR, against a usual 120,")
    assert "EUR (-" in sentence and "." not in sentence.split(",")[0]


def test_a_scale_is_named_once_in_a_sentence():
    scores = [3.8, 3.9, 3.7, 3.8] * 5 + [1.9, 2.0, 1.8, 1.9]
    sentence = falling_sentence(scores, "1-5")
    assert sentence.startswith("M fell to 1.9, against a usual 3.8 on the 1\u20135 scale (")
    assert "1-5" not in sentence


@pytest.mark.parametrize(
    ("unit", "shown", "suffix"),
    [
        ("items", "1", " item"),
        ("items", "2", " items"),
        ("items", "1.2", " items"),
        ("people", "1", " person"),
        ("e-mails", "1", " e-mail"),
        ("days of grace", "1", " day of grace"),
        ("EUR", "1", " EUR"),
        ("process", "1", " process"),
        ("hours/week", "1", " hours/week"),
        ("1-5", "1", " on the 1\u20135 scale"),
    ],
)
def test_one_of_a_counted_unit_reads_in_the_singular(unit, shown, suffix):
    assert unit_suffix(unit, shown) == suffix


def test_a_metric_that_fell_to_one_item_says_item_and_its_usual_level_items():
    shipped = [5.0, 6.0, 5.0, 6.0] * 5 + [1.0, 1.0, 1.0, 1.0]
    sentence = falling_sentence(shipped, "items")
    assert sentence.startswith("M fell to 1 item, against a usual 5")
    assert "1 items" not in sentence and "items (" in sentence


def test_a_metric_off_a_target_of_one_says_item():
    found = detect(
        history(
            periods=steady_periods(START, MONTHS),
            metrics=[metric("m", START, [0.0] * MONTHS, unit="items", target=1.0)],
        ),
        date(2025, 12, 31),
    )
    detail = next(d.detail for d in found if d.rule == "metrics.below_target.m")
    assert detail.startswith("M was 0 items, below the target of 1 item;")
