"""The adversarial corpus: every file ends in a clean import or a clear error, never a crash.

The calendars of icalendar's and recurring-ical-events' own test suites and
CPython's e-mail test data, read in place; small valid files of every other
kind; a truncated and a garbled copy of each; and the bombs of issue 13,
scaled down (bench.hostile runs them at full size and times them). A refused
file must leave the store exactly as it was. Marked slow (about a minute).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bench.hostile import Outcome, attempt, corpus, store
from bench.hostile_corpus import build_bombs, cpython_mail_data, package_calendars

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _failures(outcomes: list[Outcome]) -> list[str]:
    return [
        f"{o.case.name}: {o.result} {o.message[:300]}"
        for o in outcomes
        if o.result == "crash" or (o.result == "refused" and not o.unchanged)
    ]


def test_the_installed_packages_still_ship_their_test_files():
    assert len(package_calendars()) > 100
    # Some distributions ship Python without its test package; then only calendars.
    if importlib.util.find_spec("test.test_email") is not None:
        assert len(cpython_mail_data()) > 40


def test_every_corpus_file_imports_cleanly_or_is_refused_clearly(tmp_path: Path):
    store()
    outcomes = [attempt(case) for case in corpus(tmp_path)]
    assert len(outcomes) > 600
    assert _failures(outcomes) == []
    refused = [o for o in outcomes if o.result == "refused"]
    assert len(refused) > 100  # the garbled and truncated copies mostly are


def test_every_bomb_is_refused_and_changes_nothing(tmp_path: Path):
    store()
    outcomes = [attempt(case) for case in build_bombs(tmp_path, scale=0.005)]
    assert [(o.case.name, o.result, o.unchanged) for o in outcomes] == [
        (o.case.name, "refused", True) for o in outcomes
    ]
