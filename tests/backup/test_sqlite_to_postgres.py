"""Growing from SQLite to PostgreSQL: a SQLite backup restores into PostgreSQL and
backs up again to the same bytes (run in the PostgreSQL pass of the test suite)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backup.world import manifest, members

URL = os.environ.get("RADAR_DATABASE_URL", "")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not URL.startswith("postgres"), reason="needs the PostgreSQL server"),
]


def radar(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "radar", *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]


def fresh_database(name: str) -> str:
    import psycopg

    base = URL.rpartition("/")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def test_the_demo_moves_from_sqlite_to_postgresql_unchanged(tmp_path: Path, worker_id: str) -> None:
    base = {k: v for k, v in os.environ.items() if k != "RADAR_DATABASE_URL"}
    on_sqlite = {**base, "RADAR_DATA_DIR": str(tmp_path / "sqlite")}
    radar(on_sqlite, "demo")
    radar(on_sqlite, "backup", str(tmp_path / "from-sqlite.zip"))

    database = fresh_database(f"radar_grow_{worker_id}")
    on_postgres = {**base, "RADAR_DATA_DIR": str(tmp_path / "pg"), "RADAR_DATABASE_URL": database}
    radar(on_postgres, "restore", str(tmp_path / "from-sqlite.zip"))
    radar(on_postgres, "backup", str(tmp_path / "from-postgres.zip"))

    assert members(tmp_path / "from-sqlite.zip") == members(tmp_path / "from-postgres.zip")
    assert manifest(tmp_path / "from-postgres.zip")["database"] == "postgresql"
    radar(on_postgres, "evaluate")  # and the restored store works
