"""E-mail import benchmark: an mbox of 100,000 messages, imported twice.

    python -m bench.mbox [--messages 100000] [--workdir DIR]

Writes an mbox of threads between our side (ours.example) and 20 partners
(partner0.example …): replies quote the message they answer under an
"On … wrote:" line and most carry a signature; one message in ten is
internal (no partner); dates are written in six time zones. The import runs
in a child process on a fresh SQLite database (validate, then one
transaction), then again (nothing changes). Prints messages/s and the child's
peak RSS (resource.getrusage); targets (issue #4): 1,000 messages/s and less
than 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from bench.common import PARTNERS, cpu_seconds, throwaway_store

TARGET_RATE = 1_000
TARGET_MB = 500
_VOCABULARY = (
    "we the plan launch partner team review integration pipeline customer deal deadline "
    "thanks great delay issue question update draft contract pricing support release "
    "roadmap meeting agree concern progress happy worried next week"
)
WORDS = tuple(_VOCABULARY.split())
ZONES = [timezone(timedelta(hours=h)) for h in (-8, -5, 0, 1, 5.5, 9)]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + "."


def generate(path: Path, messages: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    threads: list[tuple[str, int, str, datetime, str]] = []  # root, partner, last id, when, text
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for n in range(messages):
            partner = rng.randrange(PARTNERS)
            when = start + timedelta(minutes=5 * n)
            text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
            if n % 10 == 0:
                sender, to, parent = "alice@ours.example", "bob@ours.example", None
            elif threads and rng.random() < 0.7:
                _, partner, parent, _, quoted = threads.pop(rng.randrange(len(threads)))
                ours_turn = rng.random() < 0.5
                sender = "olivia@ours.example" if ours_turn else f"ann@partner{partner}.example"
                to = f"ann@partner{partner}.example" if ours_turn else "olivia@ours.example"
                text += "\n\nOn a weekday, someone wrote:\n" + "\n".join(
                    "> " + line for line in quoted.splitlines()
                )
            else:
                sender, to, parent = "olivia@ours.example", f"ann@partner{partner}.example", None
            msgid = f"{n:07d}.{rng.getrandbits(32):08x}@mail.example"
            if rng.random() < 0.8:
                text += "\n\nBest regards,\nA. Person\n+1 555 0100"
            headers = [
                f"From {sender} {when:%a %b %d %H:%M:%S %Y}",
                f"From: Person {n % 97} <{sender}>",
                f"To: {to}",
                f"Subject: {'Re: ' if parent else ''}Topic {n % 500}",
                f"Date: {format_datetime(when.astimezone(ZONES[n % len(ZONES)]))}",
                f"Message-ID: <{msgid}>",
            ]
            if parent:
                headers += [f"In-Reply-To: <{parent}>", f"References: <{parent}>"]
            headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
            out.write("\n".join(headers) + "\n\n" + text + "\n\n")
            if n % 10:
                threads.append((msgid, partner, msgid, when, text.split("\n\n")[0]))
                if len(threads) > 400:
                    threads.pop(0)


def child(path: Path, workdir: Path, messages: int) -> None:
    """Runs in its own process so its peak RSS is the import's alone."""
    throwaway_store(workdir)
    from radar.ingest.base import ImportOptions
    from radar.ingest.email import EmailImporter

    runs = []
    for label in ("first import", "re-import"):
        started, cpu = time.perf_counter(), cpu_seconds()
        summary = EmailImporter().run(path, ImportOptions(), lambda advance, total: None)
        runs.append(
            {
                "label": label,
                "seconds": time.perf_counter() - started,
                "cpu": cpu_seconds() - cpu,
                "read": messages,
                "created": dict(summary.created),
                "updated": dict(summary.updated),
                "unchanged": summary.unchanged["interactions"],
            }
        )
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"runs": runs, "rss_kb": rss_kb, "workers_kb": workers_kb}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="radar-bench-mbox-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.child, workdir, args.messages)
        return
    path = workdir / "mailbox.mbox"
    started = time.perf_counter()
    generate(path, args.messages)
    print(f"generated {args.messages:,} messages ({path.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    command = [sys.executable, "-m", "bench.mbox", "--child", str(path), "--workdir", str(workdir)]
    command += ["--messages", str(args.messages)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(done.returncode)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    for run in report["runs"]:
        rate = run["read"] / run["seconds"]
        verdict = "met" if rate >= TARGET_RATE else "missed"
        print(f"{run['label']}: {run['read']:,} messages in {run['seconds']:.1f} s = "
              f"{rate:,.0f} messages/s (target {TARGET_RATE:,}: {verdict}); "
              f"{run['cpu']:.1f} s CPU in all processes "
              f"({run['read'] / run['cpu']:,.0f} messages per CPU-second); "
              f"created {run['created']}, updated {run['updated']}, "
              f"unchanged {run['unchanged']:,}")  # fmt: skip
    peak_mb = report["rss_kb"] / 1024
    verdict = "met" if peak_mb < TARGET_MB else "missed"
    print(f"peak RSS of the importing process {peak_mb:.0f} MB (target < {TARGET_MB}: {verdict}); "
          f"largest worker {report['workers_kb'] / 1024:.0f} MB; "
          f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f} (on a shared "
          "machine wall-clock rates fall as the load rises; CPU-seconds do not)")  # fmt: skip


if __name__ == "__main__":
    main()
