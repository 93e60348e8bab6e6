"""How long the dashboard takes to render server-side as the portfolio grows.

Builds a throwaway SQLite portfolio of N alliances, each with a stored
assessment sized like the demo's busiest ones (up to 14 signals with seven
evidence points, three years of score history), a year of direct contacts and
check-ins, then times GET / through Django's test client and counts queries.

    python -m bench.dashboard                 # 1,000 alliances (target: < 300 ms)
    python -m bench.dashboard --alliances 3000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime

os.environ.setdefault("RADAR_DATA_DIR", tempfile.mkdtemp(prefix="radar-bench-dashboard-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")

TODAY = date(2026, 11, 15)
TARGET_MS = 300.0


def _payload(i: int, alliance_id: int, name: str) -> dict[str, object]:
    from radar.engine.assessment import (
        Assessment,
        CadenceFlag,
        CategoryScore,
        ChecklistItem,
        Evidence,
        EvidencePoint,
        PhaseDiagnosis,
        Recommendation,
        ScorePoint,
        Signal,
    )
    from radar.engine.vocab import Category, DecisionKind, Phase, Polarity

    cats = list(Category)
    n_signals = (0, 2, 4, 7, 14)[i % 5]
    signals = tuple(
        Signal(
            rule=f"{cats[k % 6].value}.rule_{k}",
            category=cats[k % 6],
            polarity=Polarity.NEGATIVE,
            title=f"Signal number {k} is moving",
            detail="Partner replies took 31 h against a usual 9 h (+244%); three months running.",
            evidence=Evidence(
                summary="reply hours against the median of the previous 12 months",
                points=tuple(EvidencePoint(f"2026-{m:02d}", 10.0 + m) for m in range(4, 11)),
                baseline=9.0,
                threshold=18.0,
                unit="h",
            ),
            severity=0.6,
            first_seen=date(2026, 8, 1),
            last_seen=date(2026, 10, 1),
            consecutive=1 + k % 4,
            confirmed=k % 2 == 0,
            confirmed_since=date(2026, 10, 1) if k % 2 == 0 else None,
        )
        for k in range(n_signals)
    )
    score = 1.0 + (i % 41) / 10
    history = tuple(
        ScorePoint(
            date(2023 + (m + 11) // 12, (m + 11) % 12 + 1, 1), min(5.0, score + (35 - m) / 40)
        )
        for m in range(1, 36)
    )
    assessment = Assessment(
        alliance_id=alliance_id,
        alliance_name=name,
        as_of=TODAY,
        score=round(score, 1),
        baseline_score=3.6,
        trend=("down", "flat", "up")[i % 3],
        previous_score=round(score + 0.2, 1),
        why_moved=("Communication fell from 4.0 to 2.1: replies slower.",) * 3,
        categories=tuple(
            CategoryScore(c, 1.0 + (i + j) % 5, 1.0, 1, 0) for j, c in enumerate(cats)
        ),
        signals=signals,
        systemic=n_signals >= 7,
        systemic_categories=tuple(cats[:3]) if n_signals >= 7 else (),
        phase=PhaseDiagnosis(list(Phase)[i % 5], None, False, ("Activity is steady",)),
        recommendation=Recommendation(
            action=list(DecisionKind)[i % 4],
            headline="Keep watching",
            reasons=("Nothing systemic.",),
            evidence=tuple(s.rule for s in signals),
            agreement_dates=(("renewal", date(2027, 3, 1)),),
            checklist=tuple(ChecklistItem(f"Question {q}?", "ok", "Fine.") for q in range(5)),
        ),
        cadence=(CadenceFlag("review_overdue", "The review is overdue.", due=date(2026, 10, 1)),)
        if i % 6 == 0
        else (),
        score_history=history,
    )
    return assessment.to_dict()


def build(n: int) -> None:
    from django.contrib.auth.models import User

    from radar.accounts.roles import Role, grant_role
    from radar.portfolio.models import Alliance, Assessment, CheckIn, Interaction, Partner

    partners = Partner.objects.bulk_create([Partner(name=f"Partner {i:05d}") for i in range(n)])
    alliances = Alliance.objects.bulk_create(
        [
            Alliance(
                name=f"Alliance {i:05d}",
                slug=f"alliance-{i:05d}",
                partner=p,
                tier=1 + i % 3,
                owner_name=f"Owner {i % 9}",
            )
            for i, p in enumerate(partners)
        ]
    )
    Assessment.objects.bulk_create(
        [
            Assessment(
                alliance=a,
                as_of=TODAY,
                score=1.0,
                trend="flat",
                phase="growth",
                recommendation="monitor",
                payload=_payload(i, a.pk, a.name),
                schema_version="1.0",
            )
            for i, a in enumerate(alliances)
        ],
        batch_size=200,
    )
    Interaction.objects.bulk_create(
        [
            Interaction(
                alliance=a,
                kind="call",
                occurred_at=datetime(2026, m, 1 + i % 27, 10, tzinfo=UTC),
                partner_invited=1,
                partner_attended=1,
            )
            for i, a in enumerate(alliances)
            for m in range(1, 12)
        ],
        batch_size=2000,
    )
    CheckIn.objects.bulk_create(
        [
            CheckIn(alliance=a, held_on=date(2026, m, 5), manual_score=3, computed_score=3.0)
            for a in alliances
            for m in (3, 6, 9)
        ],
        batch_size=2000,
    )
    user = User.objects.create_user("bench", password="bench-password-1")
    grant_role(user, Role.VIEWER)


def measure(runs: int) -> tuple[list[float], int, int, list[float]]:
    import time_machine
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(User.objects.get(username="bench"))
    timings, cpu = [], []
    with time_machine.travel(datetime(2026, 11, 15, 12, tzinfo=UTC), tick=False):
        started = time.perf_counter()
        client.get("/")  # the first visit decodes every payload and compiles templates
        print(f"first visit (cold summary cache): {(time.perf_counter() - started) * 1000:.0f} ms")
        for _ in range(runs):
            with CaptureQueriesContext(connection) as ctx:
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get("/")
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200, response.status_code
    return timings, len(ctx.captured_queries), len(response.content), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alliances", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(args.alliances)
    print(f"built {args.alliances} alliances in {time.perf_counter() - started:.1f} s")
    timings, queries, size, cpu = measure(args.runs)
    median = statistics.median(timings)
    # CPU time of this process too: on a busy machine wall time mostly measures the queue.
    print(
        f"dashboard GET / with {args.alliances} alliances: median {median:.0f} ms "
        f"(min {min(timings):.0f}, max {max(timings):.0f}, {args.runs} runs; "
        f"CPU median {statistics.median(cpu):.0f} ms), "
        f"{queries} queries, {size / 1024:.0f} KiB of HTML"
    )
    cpu_median = statistics.median(cpu)
    for label, value in (("wall", median), ("CPU", cpu_median)):
        verdict = "within" if value < TARGET_MS else "OVER"
        print(
            f"target {TARGET_MS:.0f} ms, {label}: {verdict} ({value / TARGET_MS:.2f} of the budget)"
        )
    load = os.getloadavg()[0]
    print(f"machine load average {load:.1f} on {os.cpu_count()} cores (wall time includes waiting)")


if __name__ == "__main__":
    main()
