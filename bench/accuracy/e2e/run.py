"""Write a portfolio's files, import them with `radar import`, read the month-end assessments."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.accuracy.backtest import Reading, month_ends
from bench.accuracy.e2e.bundle import write_bundle
from bench.accuracy.e2e.fidelity import compare
from bench.accuracy.e2e.ics import CalendarWriter
from bench.accuracy.e2e.mbox import MailboxWriter
from bench.accuracy.portfolio import Portfolio
from bench.accuracy.world import OUR_DOMAIN

REPO = Path(__file__).resolve().parents[3]
CLIENTS = ("google", "outlook")


@dataclass
class Files:
    """What was written, in the order a user imports it: the bundle first (partners, people)."""

    paths: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def write_files(portfolio: Portfolio, folder: Path) -> Files:
    files = Files()
    worlds = [a.world for a in portfolio.alliances]
    files.counts |= write_bundle(folder / "bundle", worlds)
    files.paths.append(folder / "bundle")
    for client in CLIENTS:
        mine = [w for w in worlds if w.calendar == client]
        if not mine:
            continue
        calendar = folder / f"calendar-{client}.ics"
        files.counts[calendar.name] = CalendarWriter(client).write(calendar, mine)
        mail = folder / f"mail-{client}.mbox"
        files.counts[mail.name] = MailboxWriter(client, f"{portfolio.seed}:{client}").write(
            mail, mine
        )
        files.paths += [calendar, mail]
    return files


def environment(folder: Path) -> dict[str, str]:
    """A fresh SQLite store in `folder`, our e-mail domain, quiet logs."""
    env = dict(os.environ)
    env.pop("RADAR_DATABASE_URL", None)
    env["RADAR_DATA_DIR"] = str(folder / "store")
    env["RADAR_OUR_DOMAINS"] = OUR_DOMAIN
    env.setdefault("RADAR_LOG_LEVEL", "ERROR")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def radar_import(path: Path, env: dict[str, str]) -> str:
    """`radar import PATH`, exactly as a user runs it; its output (the import summary)."""
    radar = Path(sys.executable).with_name("radar")
    done = subprocess.run(
        [str(radar), "import", str(path)], env=env, capture_output=True, text=True, cwd=REPO
    )
    if done.returncode != 0:
        raise RuntimeError(f"radar import {path.name} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def evaluate_store(days: list[date], env: dict[str, str]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "bench.accuracy.e2e.evaluate", *map(str, days)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"evaluation failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _reading(found: dict[str, Any], ids: dict[str, int]) -> Reading:
    return Reading(
        alliance=ids[found["name"]],
        as_of=date.fromisoformat(found["as_of"]),
        score=None if found["score"] is None else float(found["score"]),
        action=found["action"],
        phase=found["phase"],
        systemic=bool(found["systemic"]),
        confirmed=frozenset(found["confirmed"]),
        watch=None if found["watch"] is None else bool(found["watch"]),
    )


@dataclass
class Result:
    readings: list[Reading]
    fidelity: dict[str, Any]
    log: list[str]


def run_e2e(portfolio: Portfolio, keep: Path | None = None) -> Result:
    """The end-to-end path; `keep` leaves the files and the store in that folder."""
    with tempfile.TemporaryDirectory(prefix="radar-accuracy-") as scratch:
        folder = keep / f"seed-{portfolio.seed}" if keep else Path(scratch)
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        files = write_files(portfolio, folder)
        env = environment(folder)
        log = []
        for path in files.paths:
            started = time.perf_counter()
            output = radar_import(path, env)
            log += [f"$ radar import {path.name}  ({time.perf_counter() - started:.1f} s)", output]
        (folder / "imports.log").write_text("\n".join(log), encoding="utf-8")
        first = min(a.world.started for a in portfolio.alliances)
        found = evaluate_store(month_ends(portfolio.last_day, first), env)
    ids = {a.world.name: a.id for a in portfolio.alliances}
    stored = {f["name"]: f["periods"] for f in found if "periods" in f}
    return Result(
        readings=[_reading(f, ids) for f in found if "periods" not in f],
        fidelity=compare([a.world for a in portfolio.alliances], stored),
        log=log,
    )
