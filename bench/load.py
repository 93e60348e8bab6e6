"""Load test of the production server: N signed-in people clicking around at once.

    python -m bench.load --clients 50 --seconds 30 --db sqlite     # or --db postgres
    python -m bench.load --clients 50 --seconds 30 --runs 3 --think 1.0   # busier people

It seeds the demo portfolio in a throwaway store, starts `radar serve --production`
on a loopback port, signs each client in (its own manager account and API token,
before the clock starts), then for --seconds each client repeats: pick an action,
send its requests, wait a think time (uniform between 0.5x and 1.5x --think
seconds; 3 s by default: a person reading a page clicks every 1.5-4.5 s).
Actions, by weight: the dashboard (25), an alliance page (30), the "log an
interaction" form, opened and saved (15: two requests, the save re-evaluates the
alliance), the API's interaction list (10), an API observation post (20, also
re-evaluates). A request is an error when it fails or answers another status
than the action expects. Prints requests/s, median and p95 latency and errors
per run, min/median/max over the runs, the load average, how often the server
logged "database is locked", and the server's CPU time per request (its own
processes' CPU: a figure the other programs on a shared machine change little,
unlike the latencies), and on PostgreSQL the database server's CPU per request
too (it runs on the same cores). Bounded: loopback only, a fixed duration, the server
stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from bench.load_client import Session
from bench.run import REPO, database_env

WEIGHTS = {"dashboard": 25, "alliance": 30, "form": 15, "api_read": 10, "api_write": 20}


@dataclass
class Sample:
    action: str
    seconds: float
    ok: bool
    status: int


def group_cpu_seconds(group: int) -> float:
    """CPU time (user + system) of the live processes of a process group (Linux /proc):
    the server's own cost, which the other programs on the machine do not change."""
    total = 0
    for _pid, fields in _process_stats():
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def _process_stats() -> Iterator[tuple[str, list[str]]]:
    """(pid, the fields after the command's name) of each live process (Linux /proc);
    the name is in parentheses and may hold spaces, so fields start after the last ')'."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        yield stat.parent.name, fields


def postgres_cpu_seconds(url: str) -> float | None:
    """CPU time of a PostgreSQL server running on this machine: the postmaster, its live
    children (one backend per connection) and the children it has already reaped
    (the kernel adds those to the postmaster's cutime/cstime). None when it is elsewhere."""
    import psycopg

    with psycopg.connect(url) as conn:  # read while the backend lives
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        try:
            stat = Path(f"/proc/{row[0]}/stat").read_text()
        except (OSError, TypeError):
            return None
    postmaster = int(stat.rsplit(")", 1)[1].split()[1])
    total = 0
    for pid, fields in _process_stats():
        if int(fields[1]) == postmaster:  # ppid: a backend or helper process
            total += int(fields[11]) + int(fields[12])
        elif pid == str(postmaster):
            total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class RunResult:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    load: float = 0.0
    server_cpu: float = 0.0  # CPU seconds the server spent during the run
    database_cpu: float | None = None  # the same for a PostgreSQL server on this machine

    @property
    def ok(self) -> list[float]:
        return sorted(s.seconds for s in self.samples)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.samples if not s.ok)

    def figures(self) -> dict[str, float]:
        times = self.ok
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else 0.0
        return {
            "requests": len(self.samples),
            "rps": len(self.samples) / self.seconds if self.seconds else 0.0,
            "median_ms": statistics.median(times) * 1000 if times else 0.0,
            "p95_ms": p95 * 1000,
            "errors": self.errors,
            "load1": self.load,
            "cpu_ms": self.server_cpu * 1000 / len(self.samples) if self.samples else 0.0,
            "db_cpu_ms": (self.database_cpu or 0.0) * 1000 / max(1, len(self.samples)),
        }


class Client:
    def __init__(self, number: int, port: int, token: str, slugs: list[str], seed: int) -> None:
        self.number = number
        self.session = Session("127.0.0.1", port)
        self.session.token = token
        self.slugs = slugs
        self.random = random.Random(seed)
        self.sent = 0

    def act(self, action: str, record: list[Sample]) -> None:
        slug = self.random.choice(self.slugs)
        try:
            for name, reply_ok, seconds, status in self._requests(action, slug):
                record.append(Sample(name, seconds, reply_ok, status))
        except Exception:  # a failed connection counts as an error, and the run goes on
            record.append(Sample(action, 0.0, False, 0))

    def _requests(self, action: str, slug: str):  # type: ignore[no-untyped-def]
        s, base = self.session, f"/alliances/{slug}/"
        self.sent += 1
        if action == "dashboard":
            r = s.get("/")
            yield action, r.status == 200, r.seconds, r.status
        elif action == "alliance":
            r = s.get(base)
            yield action, r.status == 200, r.seconds, r.status
        elif action == "form":
            page = base + "log/interaction/"
            r = s.get(page)
            yield "form_open", r.status == 200, r.seconds, r.status
            fields = {
                "kind": "call",
                "ritual": "none",
                "occurred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
                "direction": "mutual",
                "subject": f"Load test call {self.number}-{self.sent}",
                "duration_minutes": "30",
                "notes": "",
            }
            r = s.post_form(page, fields, referer=page)
            yield "form_save", r.status == 302, r.seconds, r.status
        elif action == "api_read":
            r = s.get_api(f"/api/alliances/{slug}/interactions?limit=20")
            yield action, r.status == 200, r.seconds, r.status
        else:
            note = {
                "observed_on": date.today().isoformat(),
                "title": f"Load test note {self.number}-{self.sent}-{time.time_ns()}",
                "category": "communication",
                "polarity": "negative",
            }
            r = s.post_json(f"/api/alliances/{slug}/observations", note)
            yield action, r.status == 201, r.seconds, r.status


def run_clients(clients: list[Client], seconds: float, think: float) -> RunResult:
    result = RunResult()
    lock = threading.Lock()
    start = threading.Barrier(len(clients) + 1)
    deadline = [0.0]
    actions, weights = list(WEIGHTS), list(WEIGHTS.values())

    def loop(client: Client) -> None:
        start.wait()
        mine: list[Sample] = []
        while time.perf_counter() < deadline[0]:
            client.act(client.random.choices(actions, weights)[0], mine)
            time.sleep(think * client.random.uniform(0.5, 1.5))
        with lock:
            result.samples.extend(mine)

    threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    result.seconds = time.perf_counter() - began
    result.load = os.getloadavg()[0]
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, server: subprocess.Popen[bytes], limit: float = 120) -> None:
    until = time.monotonic() + limit
    while time.monotonic() < until:
        if server.poll() is not None:
            raise RuntimeError("the server stopped while starting (see its log)")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not start listening")


def radar(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "radar", *args], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def summary(values: list[float]) -> str:
    return f"{min(values):.1f} / {statistics.median(values):.1f} / {max(values):.1f}"


def report(
    db: str, label: str, args: argparse.Namespace, runs: list[RunResult], locked: int
) -> None:
    print(
        f"\nLoad: {args.clients} clients, {args.seconds:g} s per run, think {args.think:g} s, "
        f"{db} ({label}), {len(runs)} runs; server {args.processes or 'default'} processes x "
        f"{args.threads or 'default'} threads"
    )
    database = runs[0].database_cpu is not None
    heads = ("requests", "req/s", "median ms", "p95 ms", "errors", "load1", "CPU ms/req")
    heads += ("DB CPU ms",) if database else ()
    print(f"{'run':>4} " + " ".join(f"{h:>10}" for h in heads))
    figures = [run.figures() for run in runs]
    for number, f in enumerate(figures, 1):
        print(
            f"{number:>4} {f['requests']:>10.0f} {f['rps']:>10.1f} {f['median_ms']:>10.0f} "
            f"{f['p95_ms']:>10.0f} {f['errors']:>10.0f} {f['load1']:>10.2f} "
            f"{f['cpu_ms']:>10.1f}" + (f" {f['db_cpu_ms']:>10.1f}" if database else "")
        )
    print("min / median / max over the runs:")
    for key, name in (
        ("rps", "requests/s"),
        ("median_ms", "median ms"),
        ("p95_ms", "p95 ms"),
        ("errors", "errors"),
        ("load1", "load average (1 min)"),
        ("cpu_ms", "server CPU ms/request"),
        *([("db_cpu_ms", "database CPU ms/request")] if database else []),
    ):
        print(f"  {name:<24} {summary([f[key] for f in figures])}")
    by_action: dict[str, list[float]] = {}
    for run in runs:
        for s in run.samples:
            by_action.setdefault(s.action, []).append(s.seconds)
    print(
        "p95 by request (all runs): "
        + ", ".join(
            f"{a} {statistics.quantiles(t, n=20)[-1] * 1000:.0f} ms"
            for a, t in sorted(by_action.items())
            if len(t) > 1
        )
    )
    worst = max(f["p95_ms"] for f in figures)
    errors = sum(f["errors"] for f in figures)
    verdict = "met" if worst < 1000 and errors == 0 and locked == 0 else "missed"
    print(f'"database is locked" in the server log: {locked}')
    print(f"target (0 errors, p95 < 1 s in every run, no locking): {verdict}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--think", type=float, default=3.0, help="mean seconds between actions")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--processes", type=int, default=0, help="server processes (default: theirs)"
    )
    parser.add_argument("--threads", type=int, default=0, help="threads per server process")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 500 or not 1 <= args.seconds <= 600:
        parser.error("keep it bounded: 1-500 clients, 1-600 seconds")

    workdir = Path(tempfile.mkdtemp(prefix="radar-load-"))
    env, label = database_env(args.db, workdir, name="radar_load")
    env["RADAR_LOG_LEVEL"] = "WARNING"
    radar(env, "demo", "--if-empty")
    prepared = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.load_setup", str(args.clients)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
        ).stdout.splitlines()[-1]
    )
    port = free_port()
    log_path = workdir / "server.log"
    command = [sys.executable, "-m", "radar", "serve", "--production", "--port", str(port)]
    if args.processes:
        command += ["--processes", str(args.processes)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for(port, server)
        runs = []
        for number in range(args.runs):
            clients = [
                Client(i, port, prepared["tokens"][i], prepared["slugs"], seed=number * 1000 + i)
                for i in range(args.clients)
            ]
            for client in clients:  # signed in before the clock starts
                client.session.sign_in(f"load{client.number + 1:02d}", prepared["password"])
            url = env.get("RADAR_DATABASE_URL", "")
            database = postgres_cpu_seconds(url) if url.startswith("postgres") else None
            before = group_cpu_seconds(server.pid)
            runs.append(run_clients(clients, args.seconds, args.think))
            runs[-1].server_cpu = group_cpu_seconds(server.pid) - before
            after = postgres_cpu_seconds(url) if database is not None else None
            if database is not None and after is not None:
                runs[-1].database_cpu = after - database
            print(f"run {number + 1}: {runs[-1].figures()}", file=sys.stderr)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    locked = log_path.read_text(errors="replace").count("database is locked")
    report(args.db, label, args, runs, locked)
    print(f"server log: {log_path}")


if __name__ == "__main__":
    main()
