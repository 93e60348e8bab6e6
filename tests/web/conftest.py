"""Fixtures of the page tests that read `tests.web.pagedata`'s portfolio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client

from tests.web import pagedata as pd


@pytest.fixture
def on_pagedata_day() -> Iterator[None]:
    """The clock stopped at noon on pagedata's TODAY, the day its records are dated from
    (modules use it with `pytest.mark.usefixtures("on_pagedata_day")`)."""
    with time_machine.travel(pd.NOW, tick=False):
        yield


@pytest.fixture
def client_in() -> Client:
    """A client signed in as pagedata's reader."""
    c = Client()
    c.force_login(pd.user())
    return c
