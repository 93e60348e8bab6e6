"""`radar demo`: --if-empty, --reset (with confirmation), --seed, --as-of."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from radar.cli import app
from radar.portfolio import models

pytestmark = pytest.mark.django_db(transaction=True)

runner = CliRunner()
QUICK = ["--as-of", "2026-11-23", "--no-assess"]


def test_it_seeds_an_empty_portfolio_and_says_how_to_sign_in():
    result = runner.invoke(app, ["demo", *QUICK])
    assert result.exit_code == 0, result.output
    assert models.Alliance.objects.count() == 12
    assert "12 alliances" in result.output
    assert "demo / demo-radar" in result.output


def test_it_does_nothing_with_if_empty_when_alliances_exist():
    partner = models.Partner.objects.create(name="Initech")
    models.Alliance.objects.create(name="Initech reseller", partner=partner)
    result = runner.invoke(app, ["demo", "--if-empty", *QUICK])
    assert result.exit_code == 0, result.output
    assert "leaving it as it is" in result.output
    assert list(models.Alliance.objects.values_list("name", flat=True)) == ["Initech reseller"]
    assert not models.Interaction.objects.exists()


def test_it_refuses_to_mix_the_demo_into_an_existing_portfolio():
    runner.invoke(app, ["demo", *QUICK])
    result = runner.invoke(app, ["demo", *QUICK])
    assert result.exit_code == 2
    assert "--reset" in result.output
    assert models.Alliance.objects.count() == 12


def test_it_asks_before_a_reset_and_keeps_everything_on_no():
    partner = models.Partner.objects.create(name="Initech")
    models.Alliance.objects.create(name="Initech reseller", partner=partner)
    result = runner.invoke(app, ["demo", "--reset", *QUICK], input="n\n")
    assert result.exit_code == 1
    assert "Nothing changed" in result.output
    assert models.Alliance.objects.filter(name="Initech reseller").exists()


def test_it_replaces_the_portfolio_after_a_confirmed_reset():
    partner = models.Partner.objects.create(name="Initech")
    models.Alliance.objects.create(name="Initech reseller", partner=partner)
    result = runner.invoke(app, ["demo", "--reset", "--seed", "3", *QUICK], input="y\n")
    assert result.exit_code == 0, result.output
    assert not models.Alliance.objects.filter(name="Initech reseller").exists()
    assert models.Alliance.objects.count() == 12
    assert "seed 3" in result.output


def test_it_explains_a_bad_date_without_a_traceback():
    result = runner.invoke(app, ["demo", "--as-of", "23/11/2026"])
    assert result.exit_code == 2
    assert "--as-of must be a date" in result.output
    assert "Traceback" not in result.output


def test_it_scores_the_demo_with_a_year_of_monthly_snapshots():
    result = runner.invoke(app, ["demo", "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert "How the radar reads it" in result.output
    days = set(models.Assessment.objects.values_list("as_of", flat=True))
    assert len(days) == 13
    assert models.Assessment.objects.filter(as_of="2026-11-23").count() == 12
    latest = models.CheckIn.objects.filter(alliance__slug="bluefjord-co-sell").first()
    assert latest.manual_score == 5 and latest.computed_score <= 3.0
    assert (
        not models.CheckIn.objects.filter(computed_score__isnull=True)
        .exclude(alliance__slug="lumen-grid")
        .exists()
    )
