"""Evaluating in several processes gives exactly what one process gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

import pytest
from django.db import connection, transaction

from bench.generate import write_bundle
from radar.engine.config import EngineConfig
from radar.ingest.bundle import import_bundle
from radar.portfolio import models as m
from radar.portfolio import workers
from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio

AS_OF = date(2026, 10, 31)  # the last day of the generated history


def in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def test_small_portfolios_and_open_transactions_stay_in_one_process(db):
    assert workers.worker_count(10, None) == 1  # too small to pay for a worker
    assert workers.worker_count(1, 4) == 1  # never more workers than alliances
    with transaction.atomic():  # a worker could not see what is not committed yet
        assert workers.worker_count(500, 2) == 1


def test_chunks_cover_every_id_once_in_order():
    chunks = workers._chunks(list(range(1, 24)), 8)

    assert [i for chunk in chunks for i in chunk] == list(range(1, 24))
    assert len(chunks) <= 8


@pytest.mark.django_db(transaction=True)
def test_workers_assess_exactly_as_one_process(tmp_path):
    write_bundle(tmp_path / "bundle", alliances=6, months=10)
    import_bundle(tmp_path / "bundle")
    # Workers read through their own connections: only a file or a server can be shared.
    assert workers.worker_count(6, 2) == (1 if in_memory_sqlite() else 2)

    alone = evaluate_portfolio(AS_OF, store=False, workers=1)
    calls: list[tuple[int, int | None]] = []
    spread = evaluate_portfolio(
        AS_OF, store=True, workers=2, progress=lambda step, total: calls.append((step, total))
    )

    assert [a.to_dict() for a in spread] == [a.to_dict() for a in alone]
    assert len(spread) == 6
    stored = m.Assessment.objects.filter(as_of=AS_OF).order_by("alliance_id")
    assert [row.payload for row in stored] == [a.to_dict() for a in alone]  # rows the workers built
    assert calls[0] == (0, 6) and sum(step for step, _ in calls) == 6


@pytest.mark.django_db(transaction=True)
def test_a_failing_alliance_is_named_and_nothing_is_stored(tmp_path, monkeypatch):
    write_bundle(tmp_path / "bundle", alliances=4, months=6)
    import_bundle(tmp_path / "bundle")
    victim = m.Alliance.objects.order_by("id").last()
    assert victim is not None
    real = workers.evaluate

    def failing(history, as_of, config):  # type: ignore[no-untyped-def]
        if history.alliance.id == victim.id:
            raise ZeroDivisionError("broken on purpose")
        return real(history, as_of, config)

    # Forked workers inherit the patched module; one process uses assessments.evaluate.
    monkeypatch.setattr(workers, "evaluate", failing)
    monkeypatch.setattr("radar.portfolio.assessments.evaluate", failing)

    with pytest.raises(EvaluationFailed, match=victim.name) as raised:
        evaluate_portfolio(AS_OF, workers=2)

    assert isinstance(raised.value.__cause__, ZeroDivisionError)
    assert not m.Assessment.objects.exists()


def fake_chunk(job):  # type: ignore[no-untyped-def]
    """Stands in for workers._run_chunk in the forked children (found there by name)."""
    index, _as_of, _ids, _config, _prepare = job
    if index == 2:
        os._exit(3)  # as if killed: no exception, no result, the process is gone
    return index, ([], [])


def test_a_worker_that_dies_fails_the_evaluation_instead_of_hanging(monkeypatch):
    monkeypatch.setattr(workers, "_run_chunk", fake_chunk)
    seen: list[int] = []

    with pytest.raises(EvaluationFailed, match="worker process stopped") as raised:
        workers.evaluate_in_workers(
            AS_OF, list(range(1, 41)), EngineConfig(), 2, lambda step, total: seen.append(step)
        )

    assert isinstance(raised.value.__cause__, BrokenProcessPool)
    assert "one of" in str(raised.value)


def test_radar_evaluate_on_a_sqlite_file_uses_workers_with_the_same_result(tmp_path):
    """In a real process on a file database, where the tests' in-memory one cannot go."""
    write_bundle(tmp_path / "bundle", alliances=5, months=8)
    env = {k: v for k, v in os.environ.items() if k != "RADAR_DATABASE_URL"}
    env["RADAR_DATA_DIR"] = str(tmp_path / "data")

    def radar(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(Path(sys.executable).with_name("radar")), *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )

    radar("import", str(tmp_path / "bundle"))
    common = ("evaluate", "--as-of", AS_OF.isoformat(), "--format", "json", "--no-store")
    alone = radar(*common, "--workers", "1")
    spread = radar(*common, "--workers", "2")

    assert "in 2 processes" in spread.stderr and "processes" not in alone.stderr
    assert len(json.loads(spread.stdout)["assessments"]) == 5
    assert json.loads(spread.stdout) == json.loads(alone.stdout)
