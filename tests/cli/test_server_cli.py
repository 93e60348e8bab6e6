from __future__ import annotations

import pytest
from typer.testing import CliRunner

from radar.cli import app

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_lists_the_commands_in_help():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("serve", "migrate", "manage"):
        assert command in result.output


def test_it_migrates_and_says_so():
    result = CliRunner().invoke(app, ["migrate"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
