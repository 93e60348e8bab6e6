"""Broken CRM exports: named problems, never a traceback, never a half-write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.ingest.base import ImportFailed
from radar.portfolio.models import Alliance, Interaction, MetricValue, Partner
from tests.ingest.crm.conftest import RunCrm, write_csv
from tests.ingest.crm.test_exports import HUBSPOT_ENGAGEMENTS, SF_OPPS

pytestmark = pytest.mark.django_db
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def ensure_acme() -> None:
    if not Alliance.objects.exists():
        partner = Partner.objects.create(name="Acme Corporation", email_domains="acme.example")
        Alliance.objects.create(name="Acme alliance", partner=partner)


def attempt(run_crm: RunCrm, path: Path) -> str:
    try:
        run_crm(path)
    except ImportFailed as failed:
        assert failed.problems and all(p.message for p in failed.problems)
        assert not MetricValue.objects.exists() and not Interaction.objects.exists()
        return "refused"
    MetricValue.objects.all().delete()
    Interaction.objects.all().delete()
    return "imported"


@SETTINGS
@given(created=st.text(max_size=12), amount=st.text(max_size=10), stage=st.text(max_size=12))
def test_garbage_opportunity_cells(
    tmp_path: Path, run_crm: RunCrm, created: str, amount: str, stage: str
):
    ensure_acme()
    rows = [list(r) for r in SF_OPPS[:3]]
    rows[1][8], rows[1][5], rows[1][4] = created, amount, stage
    assert attempt(run_crm, write_csv(tmp_path, rows, "opps.csv")) in {"refused", "imported"}


@SETTINGS
@given(when=st.text(max_size=20), kind=st.text(max_size=10), minutes=st.text(max_size=6))
def test_garbage_activity_cells(
    tmp_path: Path, run_crm: RunCrm, when: str, kind: str, minutes: str
):
    ensure_acme()
    rows = [list(r) for r in HUBSPOT_ENGAGEMENTS[:3]]
    rows[1][2], rows[1][1], rows[1][6] = when, kind, minutes
    assert attempt(run_crm, write_csv(tmp_path, rows, "eng.csv")) in {"refused", "imported"}


@SETTINGS
@given(cut=st.integers(min_value=1, max_value=400))
def test_truncated_exports(tmp_path: Path, run_crm: RunCrm, cut: int):
    ensure_acme()
    whole = write_csv(tmp_path, SF_OPPS, "whole.csv").read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(whole[:cut])
    assert attempt(run_crm, path) in {"refused", "imported"}


@pytest.mark.parametrize(
    ("raw", "minutes"), [("inf", None), ("n/a", None), ("0:45:00", 45), ("30", 30)]
)
def test_odd_durations(tmp_path: Path, run_crm: RunCrm, raw: str, minutes: int | None):
    ensure_acme()
    rows = [list(r) for r in HUBSPOT_ENGAGEMENTS[:2]]
    rows[1][6] = raw
    run_crm(write_csv(tmp_path, rows, "eng.csv"))
    assert Interaction.objects.get().duration_minutes == minutes


@pytest.mark.parametrize("raw", ["99999999999999999999", "2147483648", "99999999999999:00:00"])
def test_a_duration_too_big_for_the_database_is_a_named_problem(
    tmp_path: Path, run_crm: RunCrm, raw: str
):
    ensure_acme()
    rows = [list(r) for r in HUBSPOT_ENGAGEMENTS[:2]]
    rows[1][6] = raw
    with pytest.raises(ImportFailed) as failed:
        run_crm(write_csv(tmp_path, rows, "eng.csv"))
    (problem,) = failed.value.problems
    assert (problem.location, problem.column) == ("row 2", "Duration (minutes)")
    assert problem.message.endswith("minutes is out of range (at most 2,147,483,647)")
    assert not Interaction.objects.exists()


def test_an_amount_too_big_for_a_number_is_a_named_problem(tmp_path: Path, run_crm: RunCrm):
    ensure_acme()
    rows = [list(r) for r in SF_OPPS[:3]]
    rows[1][5] = "9" * 400
    with pytest.raises(ImportFailed) as failed:
        run_crm(write_csv(tmp_path, rows, "opps.csv"))
    (problem,) = failed.value.problems
    assert problem.location == "row 2" and "is too large" in problem.message
    assert not MetricValue.objects.exists()
