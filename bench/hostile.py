"""The adversarial import corpus (bench.hostile_corpus): a clean import or a clear error.

    python -m bench.hostile [--scale 1.0] [--workdir DIR]

Every case is imported the way `radar import` does it (radar.ingest.run),
into a throwaway SQLite store holding one partner and one alliance, and
rolled back. A case ends *imported*, *refused* (ImportFailed with named
problems, or a plain refusal such as "no importer recognises this file"),
or *crash* (any other exception, or the database refusing what validation
let through). For a refused case the store must be unchanged. Each bomb runs
in its own process so its peak RSS is its own; the figures go to
docs/security.md. tests/ingest/test_hostile.py runs the same cases, bombs
scaled down.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.hostile_corpus import (
    PARTNER_DOMAIN,
    Case,
    build_bombs,
    cpython_mail_data,
    mutations,
    package_calendars,
    seeds,
)

REPO = Path(__file__).resolve().parent.parent
UNSAFE = {chr(c) for c in range(0x20) if c != 0x09} | {chr(c) for c in range(0x7F, 0xA0)}


@dataclass
class Outcome:
    case: Case
    result: str  # imported, refused, crash
    message: str
    seconds: float
    unchanged: bool


def corpus(folder: Path) -> list[Case]:
    """Every case but the bombs: real odd files in place, seeds, their mutations."""
    real = [Case(f"icalendar {p.name}", p, "ics") for p in package_calendars()]
    real += [Case(f"CPython email data {p.name}", p, "email") for p in cpython_mail_data()]
    made = seeds(folder / "seeds")
    return real + made + list(mutations(real + made, folder / "mutated"))


def store() -> None:
    """The throwaway store every case is imported into (call once, after django.setup())."""
    from radar.portfolio.models import Alliance, Partner

    partner = Partner.objects.create(name="Acme Cloud", email_domains=PARTNER_DOMAIN)
    Alliance.objects.create(name="Acme co-sell", partner=partner)


def fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Rows and highest id of every portfolio table: what a failed import must not change."""
    from django.apps import apps
    from django.db.models import Max

    found = []
    for model in apps.get_app_config("portfolio").get_models():
        top = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
        found.append((model._meta.db_table, model._default_manager.count(), top))
    return tuple(found)


def attempt(case: Case) -> Outcome:
    """Import one case as `radar import` would, then roll it back."""
    from django.db import transaction

    from radar.ingest.base import ImportFailed, ImportOptions
    from radar.ingest.run import ImportRefused, choose_importer, run_import

    before = fingerprint()
    start = time.perf_counter()
    result, message = "imported", ""
    try:
        with transaction.atomic():
            importer = choose_importer(case.path, case.kind)
            run_import(importer, case.path, ImportOptions(today=date(2025, 6, 30)))
            transaction.set_rollback(True)
    except ImportFailed as failed:
        result, message = _judge([str(p) for p in failed.problems])
    except (ImportRefused, LookupError) as refused:
        database = str(refused).startswith("The database refused")
        result, message = ("crash" if database else "refused"), str(refused)
    except Exception:  # the point of the corpus: any other exception is a crash
        result, message = "crash", traceback.format_exc(limit=-3)
    seconds = time.perf_counter() - start
    return Outcome(case, result, message, seconds, fingerprint() == before)


def _judge(problems: list[str]) -> tuple[str, str]:
    """A refusal is clear when it names at least one problem, each safe to print."""
    clear = problems and all(p and not (set(p) & UNSAFE) for p in problems)
    return ("refused" if clear else "crash"), (problems[0] if problems else "no problem named")


def bomb_child(path: str, kind: str) -> None:
    """One bomb in this process: prints its outcome as JSON (the parent reads RSS)."""
    _setup(Path(tempfile.mkdtemp(prefix="radar-bomb-")))
    outcome = attempt(Case(Path(path).name, Path(path), kind))
    print(json.dumps({"result": outcome.result, "message": outcome.message[:200],
                      "seconds": outcome.seconds, "unchanged": outcome.unchanged}))  # fmt: skip


def _setup(data: Path) -> None:
    os.environ["RADAR_DATA_DIR"] = str(data)
    os.environ.pop("RADAR_DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "radar.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    store()


def run_bomb(case: Case) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.hostile", "--bomb", str(case.path), case.kind or ""]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    lines = [line for line in output.splitlines() if line.startswith("{")]
    found = json.loads(lines[-1]) if lines else {"result": "crash", "message": output[-200:]}
    exit_code = os.waitstatus_to_exitcode(status)
    size = case.path.stat().st_size
    return {"bomb": case.name, "bytes": size, **found, "exit": exit_code,
            "rss_mb": usage.ru_maxrss / 1024}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="bomb size (1.0 = issue 13's)")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    parser.add_argument("--bomb", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bomb:
        bomb_child(*args.bomb)
        return
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="radar-hostile-"))
    _setup(folder / "data")
    cases = corpus(folder / "corpus")
    outcomes = [attempt(case) for case in cases]
    tally = Counter(o.result for o in outcomes)
    changed = [o.case.name for o in outcomes if o.result != "imported" and not o.unchanged]
    print(f"files tried: {len(outcomes)}; " + ", ".join(f"{k}: {v}" for k, v in tally.items()))
    print(f"refused with the store changed: {len(changed)}; slowest: "
          f"{max(o.seconds for o in outcomes):.2f} s")  # fmt: skip
    for outcome in outcomes:
        if outcome.result == "crash":
            print(f"CRASH {outcome.case.name}: {outcome.message}")
    for case in build_bombs(folder / "bombs", args.scale):
        figures = run_bomb(case)
        print(json.dumps(figures))
        case.path.unlink()


if __name__ == "__main__":
    main()
