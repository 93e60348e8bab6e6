"""How long search, the people directory and the action list take on a big portfolio.

Builds a throwaway SQLite portfolio of N alliances (seven people each, one of ours
shared by many alliances, 30 interactions with their participants over the last
year, two decisions with three actions each, eight observations), then times the
pages through Django's test client and counts their queries. With --existing it
measures the database RADAR_DATABASE_URL points at instead (e.g. the one
`python -m bench.run --workdir DIR` keeps: about a million interactions).

    python -m bench.workplace                      # 1,000 alliances
    python -m bench.workplace --alliances 3000 --runs 5
    RADAR_DATABASE_URL=sqlite:///DIR/radar.sqlite3 python -m bench.workplace --existing
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

os.environ.setdefault("RADAR_DATA_DIR", tempfile.mkdtemp(prefix="radar-bench-workplace-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")

NOW = datetime(2026, 11, 15, 12, tzinfo=UTC)
TARGET_MS = 300.0
PAGES = (
    ("search, a rare word", "/search/?q=partner+00042"),
    ("search, a common word", "/search/?q=champion"),
    ("search, one kind paged", "/search/?q=alliance&in=alliances&page=3"),
    ("people directory", "/people/"),
    ("people, overdue only", "/people/?overdue=1"),
    ("my actions", "/actions/"),
    ("everyone's actions", "/actions/?owner=all&status=all"),
)


def build(n: int) -> None:
    from radar.portfolio.models import (
        ActionItem,
        Alliance,
        Contact,
        Decision,
        Interaction,
        InteractionParticipant,
        Observation,
        Partner,
    )

    user = bench_user()
    partners = Partner.objects.bulk_create([Partner(name=f"Partner {i:05d}") for i in range(n)])
    alliances = Alliance.objects.bulk_create(
        Alliance(name=f"Alliance {i:05d}", slug=f"alliance-{i:05d}", partner=p, tier=1 + i % 3)
        for i, p in enumerate(partners)
    )
    roles = ("champion", "executive_sponsor", "technical_lead", "sales_lead", "other")
    contacts = Contact.objects.bulk_create(
        [
            Contact(
                alliance=a, side="ours", name=f"Owner {i % 9}", email=f"owner{i % 9}@us.example"
            )
            for i, a in enumerate(alliances)
        ]
        + [
            Contact(
                alliance=a,
                side="partner",
                name=f"Person {i:05d}-{k}",
                title="Head of Partnerships" if k == 0 else "Engineer",
                role=roles[k],
                email=f"p{k}@partner{i:05d}.example",
            )
            for i, a in enumerate(alliances)
            for k in range(5)
        ],
        batch_size=2000,
    )
    by_alliance: dict[int, list[int]] = {}
    for c in contacts:
        by_alliance.setdefault(c.alliance_id, []).append(c.pk)
    interactions = Interaction.objects.bulk_create(
        [
            Interaction(
                alliance=a,
                kind=("meeting", "call", "email")[m % 3],
                direction="inbound" if m % 3 == 2 else "mutual",
                occurred_at=NOW - timedelta(days=12 * m + i % 11),
                subject=f"Sync {m}",
            )
            for i, a in enumerate(alliances)
            for m in range(30)
        ],
        batch_size=2000,
    )
    InteractionParticipant.objects.bulk_create(
        [
            InteractionParticipant(interaction=x, contact_id=pk)
            for j, x in enumerate(interactions)
            for pk in (by_alliance[x.alliance_id][0], by_alliance[x.alliance_id][1 + j % 5])
        ],
        batch_size=5000,
    )
    decisions = Decision.objects.bulk_create(
        Decision(
            alliance=a,
            decided_on=date(2026, 3 * d + 3, 1),
            kind=("reset", "monitor")[d],
            rationale=f"The champion moved on; decision {d} for alliance {i}",
        )
        for i, a in enumerate(alliances)
        for d in range(2)
    )
    ActionItem.objects.bulk_create(
        [
            ActionItem(
                decision=d,
                title=f"Action {k} of decision {d.pk}",
                owner_user=user if (d.pk + k) % 4 == 0 else None,
                owner="bench",
                due_on=d.decided_on + timedelta(days=30 * (k + 1)),
                done_on=d.decided_on + timedelta(days=20) if k == 0 else None,
            )
            for d in decisions
            for k in range(3)
        ],
        batch_size=5000,
    )
    Observation.objects.bulk_create(
        (
            Observation(
                alliance=a,
                observed_on=date(2026, 1 + o, 10),
                title=f"Observation {o}",
                detail="Their champion announced a reorganisation.",
            )
            for a in alliances
            for o in range(8)
        ),
        batch_size=5000,
    )


def bench_user() -> object:
    from django.contrib.auth.models import User

    from radar.accounts.roles import Role, grant_role

    user, _ = User.objects.get_or_create(username="bench")
    grant_role(user, Role.VIEWER)
    return user


def measure(runs: int, pages: tuple[tuple[str, str], ...] = PAGES) -> list[dict[str, object]]:
    import time_machine
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(bench_user())  # type: ignore[arg-type]
    found = []
    with time_machine.travel(NOW, tick=False):
        for label, url in pages:
            client.get(url)  # templates compiled, caches warm
            wall, cpu = [], []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as ctx:
                    started, cpu_started = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    wall.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - cpu_started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            queries = len(ctx.captured_queries)
            found.append({"page": label, "url": url, "wall": wall, "cpu": cpu, "queries": queries})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alliances", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--existing", action="store_true", help="measure RADAR_DATABASE_URL")
    args = parser.parse_args()

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if not args.existing:
        started = time.perf_counter()
        build(args.alliances)
        print(f"built {args.alliances} alliances in {time.perf_counter() - started:.1f} s")
    for row in measure(args.runs):
        wall, cpu = row["wall"], row["cpu"]
        assert isinstance(wall, list) and isinstance(cpu, list)
        verdict = "within" if statistics.median(cpu) < TARGET_MS else "OVER"
        print(
            f"{row['page']:<24} {row['url']:<42} wall min/median/max "
            f"{min(wall):.0f}/{statistics.median(wall):.0f}/{max(wall):.0f} ms, "
            f"CPU median {statistics.median(cpu):.0f} ms ({verdict} {TARGET_MS:.0f} ms), "
            f"{row['queries']} queries"
        )
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
