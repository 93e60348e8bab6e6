from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from typer.testing import CliRunner

from radar.cli import app
from radar.engine.assessment import SCHEMA_VERSION
from radar.portfolio import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio() -> list[m.Alliance]:
    partner = m.Partner.objects.create(name="Globex")
    made = []
    for name in ("Globex Cloud", "Globex Retail", "Initech Labs"):
        alliance = m.Alliance.objects.create(name=name, partner=partner)
        m.Interaction.objects.create(
            alliance=alliance, kind="meeting", occurred_at=datetime(2026, 2, 3, 10, tzinfo=UTC)
        )
        made.append(alliance)
    return made


def run(*args: str):
    return CliRunner().invoke(app, ["evaluate", *args])


def test_it_prints_the_documented_json_and_stores_the_results(portfolio):
    result = run("--as-of", "2026-03-31", "--format", "json")

    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["as_of"] == "2026-03-31"
    names = [a["alliance_name"] for a in document["assessments"]]
    assert names == ["Globex Cloud", "Globex Retail", "Initech Labs"]
    assert all(a["as_of"] == "2026-03-31" for a in document["assessments"])
    assert m.Assessment.objects.filter(as_of="2026-03-31").count() == 3


def test_it_evaluates_one_alliance_by_slug_without_storing(portfolio):
    result = run(
        "--as-of", "2026-03-31", "--alliance", "initech-labs", "--format", "json", "--no-store"
    )

    assert result.exit_code == 0, result.output
    (only,) = json.loads(result.stdout)["assessments"]
    assert only["alliance_id"] == portfolio[2].id
    assert not m.Assessment.objects.exists()


def test_it_shows_a_table(portfolio):
    result = run("--as-of", "2026-03-31")

    assert result.exit_code == 0, result.output
    for alliance in portfolio:
        assert alliance.name in result.stdout
    assert "Recommendation" in result.stdout
    assert "31 March 2026" in result.stdout


def test_it_defaults_to_today(portfolio):
    with time_machine.travel(datetime(2026, 4, 15, 9, tzinfo=UTC), tick=False):
        result = run("--format", "json", "--no-store")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["as_of"] == "2026-04-15"


def test_it_refuses_a_bad_date_with_exit_code_2(portfolio):
    result = run("--as-of", "31/03/2026")

    assert result.exit_code == 2
    assert "--as-of must be a date like 2026-03-31" in result.stderr
    assert "Traceback" not in result.output


def test_it_suggests_close_names_for_an_unknown_alliance(portfolio):
    result = run("--alliance", "Globx Clod")

    assert result.exit_code == 2
    assert "No alliance called 'Globx Clod'" in result.stderr
    assert "Globex Cloud" in result.stderr
    assert "Initech" not in result.stderr


def test_it_says_when_there_is_nothing_to_assess():
    result = run("--as-of", "2026-03-31")

    assert result.exit_code == 0
    assert "No alliances to assess as of 2026-03-31" in result.stderr
