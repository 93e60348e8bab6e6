"""What people read: numbers, units and choices in their words, not the store's."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from radar.engine.vocab import ContextKind, Direction, InteractionKind, Ritual, Side
from radar.portfolio.choices import choices, label_of
from radar.portfolio.models import Alliance
from radar.web.templatetags.radar import evidence_value, number, unit_label, withunit


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (92308.7, "EUR", "92,309 EUR"),
        (2.1, "1-5", "2.1 out of 5"),
        (7.25, "0\u201310", "7.25 out of 10"),
        (12.5, "h", "12.5 h"),
        (3.0, "", "3"),
        (None, "h", "—"),
        (1.0, "items", "1 item"),
        (1, "people", "1 person"),
        (2.0, "items", "2 items"),
        (1.0, "NPS", "1 NPS"),
        (1.0, "process", "1 process"),
        (0.16, "share", "16%"),
        (0.455, "share of scale", "46% of the scale"),
    ],
)
def test_numbers_read_as_people_write_them(value: float | None, unit: str, shown: str) -> None:
    assert withunit(value, unit) == shown


def test_evidence_values_are_formatted_and_words_left_alone() -> None:
    assert number(92308.7) == "92,309"
    assert number(0.8333) == "0.83"
    assert number("champion") == "champion"
    assert evidence_value(0.6667, "share") == "67%"  # not "0.67" under "share"
    assert evidence_value(14.0, "leads") == "14"
    assert evidence_value("Marketing funds cut", "") == "Marketing funds cut"


def test_a_scale_unit_reads_as_a_scale() -> None:
    assert unit_label("1-5") == "scale of 1 to 5"
    assert unit_label("EUR") == "EUR"


def test_choices_spell_out_what_a_value_would_not_say() -> None:
    assert label_of(Ritual, "qbr") == "QBR (quarterly business review)"
    assert label_of(Direction, "inbound") == "From the partner"
    assert label_of(Side, "ours") == "Our side"
    assert label_of(InteractionKind, "email") == "E-mail"
    assert label_of(ContextKind, "merger_acquisition") == "Merger or acquisition"
    assert label_of(Ritual, "steering_committee") == "Steering committee"  # the plain rule


def test_no_choice_label_keeps_an_underscore_or_a_lower_case_start() -> None:
    from radar.engine import vocab

    for enum in vars(vocab).values():
        if isinstance(enum, type) and issubclass(enum, str) and enum is not str:
            for _value, label in choices(enum):
                assert "_" not in label and label[0].isupper(), (enum.__name__, label)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", ["log_interaction", "record_metric", "add_observation", "monthly_review", "decide"]
)
def test_form_labels_read_as_words_without_a_trailing_colon(
    manager_client: Client, alliance: Alliance, page: str
) -> None:
    name = "record_decision" if page == "decide" else page
    html = manager_client.get(reverse(name, args=[alliance.slug])).content.decode()
    labels = re.findall(r"<label[^>]*>(.*?)</label>", html, flags=re.S)
    assert labels, page
    assert [label for label in labels if label.strip().endswith(":")] == []
    if page == "log_interaction":
        assert "Duration (minutes)" in html and "Duration minutes" not in html
