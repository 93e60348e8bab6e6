"""bench/load.py keeps working: a tiny run against the real production server
(no timing assertions: the figures are printed, never checked)."""

from __future__ import annotations

import pytest

from bench import load

pytestmark = pytest.mark.slow


def test_it_runs_clients_against_the_production_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    load.main(["--clients", "3", "--seconds", "3", "--runs", "1", "--think", "0.2"])
    out = capsys.readouterr().out
    assert "Load: 3 clients" in out
    row = next(line.split() for line in out.splitlines() if line.strip().startswith("1 "))
    requests, errors = int(row[1]), int(row[5])
    assert requests > 0 and errors == 0
    assert '"database is locked" in the server log: 0' in out
