"""A throwaway Alliance Radar install driven from outside: commands, a SQL look, workers.

Used by the tests that start real `radar worker` processes: each install has its
own database (a SQLite file, or a fresh database on the test PostgreSQL server),
its own data folder, and workers in their own process groups so a test can stop
them politely or kill them outright.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import psycopg

RADAR = [str(Path(sys.executable).with_name("radar"))]  # the console script beside python
WAIT_SECONDS = 240  # generous: the machine is shared and workers poll


def postgres_url() -> str:
    url = os.environ.get("RADAR_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def backends() -> list[str]:
    """SQLite always; PostgreSQL when the suite runs against a server."""
    return ["sqlite", "postgresql"] if postgres_url() else ["sqlite"]


class Install:
    def __init__(self, folder: Path, backend: str, url: str = ""):
        self.folder = folder
        self.backend = backend
        self.url = url
        self.env = {k: v for k, v in os.environ.items() if k != "RADAR_DATABASE_URL"}
        self.env.update(RADAR_DATA_DIR=str(folder), RADAR_JOBS_INLINE="false")
        self.env["RADAR_LOG_LEVEL"] = "INFO"
        if url:
            self.env["RADAR_DATABASE_URL"] = url
        self.workers: list[subprocess.Popen[bytes]] = []

    def run(self, *args: str, extra: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [*RADAR, *args], env={**self.env, **(extra or {})}, capture_output=True, timeout=600
        )
        assert done.returncode == 0, done.stderr.decode()[-3000:]
        return done.stdout.decode()

    def shell(self, code: str) -> str:
        return self.run("manage", "shell", "--verbosity", "0", "-c", code)

    def sql(self, query: str) -> list[tuple[Any, ...]]:
        if self.backend == "sqlite":
            with sqlite3.connect(self.folder / "radar.sqlite3", timeout=30) as db:
                return db.execute(query).fetchall()
        with psycopg.connect(self.url.replace("postgres://", "postgresql://", 1)) as db:
            return db.execute(query).fetchall()  # type: ignore[arg-type]

    def sql_write(self, statement: str) -> None:
        """One write, committed, as another program on the same database would."""
        if self.backend == "sqlite":
            with sqlite3.connect(self.folder / "radar.sqlite3", timeout=30) as db:
                db.execute(statement)
            return
        with psycopg.connect(self.url.replace("postgres://", "postgresql://", 1)) as db:
            db.execute(statement)  # type: ignore[arg-type]

    def start_worker(self, extra: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = (self.folder / f"worker-{len(self.workers)}.log").open("wb")
        process = subprocess.Popen(
            [*RADAR, "worker"],
            env={**self.env, **(extra or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the cluster's children too
        )
        self.workers.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
        os.killpg(process.pid, sig)
        process.wait(timeout=60)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in self.folder.glob("*.log"))

    def wait_for(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}\n{self.logs()}")

    def stop_all(self) -> None:
        """As `make run` does: SIGTERM to each worker's main process, which stops its
        cluster; whatever is left of a worker after a minute is killed."""
        for process in self.workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.workers:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # children of a killed worker


@contextmanager
def install(folder: Path, backend: str) -> Iterator[Install]:
    """A migrated, empty install on `backend`, removed afterwards."""
    if backend == "sqlite":
        site = Install(folder, backend)
        site.run("migrate")
        try:
            yield site
        finally:
            site.stop_all()
        return
    base = urlparse(postgres_url())
    name = f"radar_worker_{uuid.uuid4().hex[:10]}"
    admin = urlunparse(base._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    site = Install(folder, backend, urlunparse(base._replace(path=f"/{name}")))
    try:
        site.run("migrate")
        yield site
    finally:
        site.stop_all()
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
