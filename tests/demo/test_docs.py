"""docs/demo.md stays in step with the scenarios and the login."""

from __future__ import annotations

from datetime import date

from radar.demo import DEMO_PASSWORD, DEMO_USERNAME
from radar.demo.people import OWNERS
from radar.demo.scenarios import build_scenarios
from tests.conftest import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "demo.md").read_text(encoding="utf-8")


def test_it_documents_every_demo_alliance_with_its_tier_and_owner():
    for scenario in build_scenarios(date(2026, 11, 23)):
        row = next(
            (line for line in DOC.splitlines() if line.startswith(f"| {scenario.name} |")), None
        )
        assert row is not None, f"{scenario.name} is missing from docs/demo.md"
        assert f"| {scenario.tier} | {scenario.owner} |" in row


def test_it_documents_the_login_and_the_owners():
    assert f"`{DEMO_USERNAME}` / `{DEMO_PASSWORD}`" in DOC
    for username in OWNERS:
        assert f"`{username}`" in DOC


def test_it_documents_every_command_option():
    for option in ("--if-empty", "--reset", "--yes", "--seed", "--as-of", "--no-assess"):
        assert option in DOC
