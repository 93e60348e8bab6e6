"""What the importers write is what the engine reads: meetings, attendance, metrics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from radar.engine.vocab import Ritual
from tests.ingest.crm.conftest import write_csv
from tests.ingest.ics.builders import OUTLOOK_HEAD, calendar, weekly_sync, write
from tests.ingest.ics.conftest import RunIcs, make_alliance
from tests.ingest.ics.test_generated_calendars import CANCELLED, MOVED
from tests.portfolio.history import load_history

pytestmark = pytest.mark.django_db


def test_imported_meetings_feed_the_monthly_periods(
    tmp_path: Path, run_ics: RunIcs, ours: list[str]
):
    acme = make_alliance("Acme", "acme.example")
    path = write(tmp_path, calendar(OUTLOOK_HEAD, weekly_sync(), MOVED, CANCELLED))
    run_ics(path, since=date(2025, 1, 1), until=date(2025, 3, 31))
    history = load_history(acme.pk, date(2025, 3, 31))
    assert history is not None
    january = next(p for p in history.periods if p.period == date(2025, 1, 1))
    # Mondays 6, 20, 27 plus the occurrence moved to the 15th; the 27th was cancelled.
    assert (january.meetings_scheduled, january.meetings_held) == (4, 3)
    assert january.meetings_cancelled == 1
    # The moved one: Paul declined and Petra is only tentative, so nobody confirmed.
    assert (january.partner_invited, january.partner_attended) == (4, 2)
    assert Ritual.CHECK_IN in january.rituals
    assert {c.side for c in history.contacts} == {"ours", "partner"}


def test_crm_series_reach_the_engine(tmp_path: Path):
    from radar.ingest.base import ImportOptions
    from radar.ingest.crm import CrmImporter
    from tests.ingest.crm.test_exports import SF_OPPS

    acme = make_alliance("Acme Corp", "acme.example")
    options = ImportOptions(today=date(2025, 4, 15))
    CrmImporter().run(write_csv(tmp_path, SF_OPPS, "opps.csv"), options, lambda a, t: None)
    history = load_history(acme.pk, date(2025, 4, 30))
    assert history is not None
    series = {s.definition.key: dict(s.points) for s in history.metrics}
    assert series["joint_revenue"][date(2025, 3, 1)] == 40_000
    assert series["leads"][date(2025, 2, 1)] == 2
    assert {"leads", "pipeline", "joint_revenue"} <= set(series)
