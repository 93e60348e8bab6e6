"""Calendar test helpers: partners with domains, files from the installed packages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.ics import IcsImporter
from radar.portfolio.models import Alliance, Partner


def package_calendar(package: str, name: str) -> Path:
    """A calendar shipped inside an installed package's own test suite."""
    folder = {
        "icalendar": files("icalendar") / "tests" / "calendars",
        "recurring_ical_events": files("recurring_ical_events") / "test" / "calendars",
    }[package]
    path = Path(str(folder / name))
    assert path.is_file(), f"{name} is not in the installed {package} package"
    return path


def make_alliance(name: str, domains: str, started_on: date | None = None) -> Alliance:
    partner = Partner.objects.create(name=f"{name} Inc", email_domains=domains)
    return Alliance.objects.create(name=name, partner=partner, started_on=started_on)


RunIcs = Callable[..., ImportSummary]


@pytest.fixture
def run_ics() -> RunIcs:
    def run(path: Path, **options: object) -> ImportSummary:
        options.setdefault("today", date(2025, 6, 30))
        return IcsImporter().run(path, ImportOptions(**options), lambda a, t: None)  # type: ignore[arg-type]

    return run


@pytest.fixture
def ours(settings: pytest.FixtureRequest) -> list[str]:
    settings.RADAR_OUR_DOMAINS = ["ours.example"]  # type: ignore[attr-defined]
    return ["ours.example"]
