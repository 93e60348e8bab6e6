"""Write a synthetic portfolio as a bundle (docs/bundle-format.md), at any scale.

Deterministic for a given seed. Rows are streamed to one CSV file per entity,
with the columns the bundle spec lists, so memory stays flat at any size.
`python -m bench.generate OUT --alliances 50 --months 12` writes one by hand.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import django

from bench.activity import Month, interactions, month_starts

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radar.settings")
django.setup()  # radar.ingest.bundle (the spec's package) imports the models

from radar.ingest.bundle import spec  # noqa: E402

END = date(2026, 10, 31)  # fixed, so every run generates the same portfolio
STORIES = ("steady", "steady", "growing", "fading")
KINDS = ("technology", "co_selling", "reseller", "co_marketing", "distribution")
ROLES = ("executive_sponsor", "champion", "alliance_manager", "technical_lead")


class Writers:
    """One csv.DictWriter per entity, opened lazily, counting rows."""

    def __init__(self, folder: Path, stack: ExitStack):
        self.folder, self.stack = folder, stack
        self.writers: dict[str, csv.DictWriter[str]] = {}
        self.counts: dict[str, int] = {}

    def write(self, entity: spec.Entity, row: dict[str, str]) -> None:
        writer = self.writers.get(entity.name)
        if writer is None:
            handle = self.stack.enter_context(
                (self.folder / entity.file).open("w", newline="", encoding="utf-8")
            )
            writer = csv.DictWriter(handle, fieldnames=entity.column_names, restval="")
            writer.writeheader()
            self.writers[entity.name] = writer
            self.counts[entity.name] = 0
        writer.writerow(row)
        self.counts[entity.name] += 1


def write_bundle(
    folder: Path, alliances: int, months: int, seed: int = 7, end: date = END
) -> dict[str, int]:
    """Write the bundle into `folder`; returns rows per entity."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    counter = itertools.count(1)
    periods = month_starts(end, months)
    with ExitStack() as stack:
        out = Writers(folder, stack)
        out.write(
            spec.CONTEXT_FACTORS,
            {
                "kind": "downturn",
                "starts_on": str(periods[max(0, len(periods) - 6)]),
                "ends_on": str(periods[max(0, len(periods) - 4)]),
                "note": "Market dip",
            },
        )
        for number in range(1, alliances + 1):
            _alliance(out, rng, counter, number, periods, end)
    manifest: dict[str, Any] = {
        "format": spec.FORMAT_NAME,
        "format_version": spec.FORMAT_VERSION,
        "organisation": "Bench Corp",
        "counts": out.counts,
    }
    (folder / spec.MANIFEST_FILE).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return out.counts


def _alliance(
    out: Writers,
    rng: random.Random,
    counter: itertools.count[int],
    number: int,
    periods: list[date],
    end: date,
) -> None:
    name, partner, story = f"Alliance {number:05d}", f"Partner {number:05d}", STORIES[number % 4]
    domain = f"p{number}.example"
    started = periods[0]
    out.write(spec.PARTNERS, {"name": partner, "email_domains": domain})
    out.write(
        spec.ALLIANCES,
        {
            "name": name,
            "partner": partner,
            "kind": KINDS[number % 5],
            "tier": "1" if number % 10 == 0 else str(2 + number % 2),
            "owner_name": f"Owner {number % 17}",
            "started_on": str(started),
        },
    )
    out.write(
        spec.AGREEMENTS,
        {
            "alliance": name,
            "signed_on": str(started),
            "renewal_on": str(end + timedelta(days=200)),
            "review_interval_months": "12",
            "exit_notice_days": "90",
            "exit_clause": "Either side, 90 days' notice",
        },
    )
    for body, tier, ritual, days in (
        ("Steering committee", "steering", "qbr", 92),
        ("Operating committee", "operating", "operating_committee", 31),
    ):
        out.write(
            spec.GOVERNANCE,
            {
                "alliance": name,
                "name": body,
                "tier": tier,
                "ritual": ritual,
                "cadence_days": str(days),
            },
        )
    people = _contacts(out, name, domain, story, periods)
    _months(out, rng, counter, name, number, story, periods, people)
    _metrics(out, rng, name, story, periods)
    _reviews(out, rng, name, story, periods)


def _contacts(
    out: Writers, alliance: str, domain: str, story: str, periods: list[date]
) -> dict[date, tuple[str, ...]]:
    """Four partner and two of our contacts; a fading champion leaves for a successor."""
    leaves = periods[len(periods) * 2 // 3] if story == "fading" else None
    for side, count in (("partner", 4), ("ours", 2)):
        for n in range(count):
            email = f"{side}{n}@{domain if side == 'partner' else 'bench.example'}"
            row = {
                "alliance": alliance,
                "side": side,
                "name": f"{side.title()} {n}",
                "email": email,
                "role": ROLES[n % 4],
                "started_on": str(periods[0]),
            }
            if side == "partner" and n == 1 and leaves:
                row.update(
                    ended_on=str(leaves), end_reason="reassigned", successor=f"partner4@{domain}"
                )
            out.write(spec.CONTACTS, row)
    if leaves:
        out.write(
            spec.CONTACTS,
            {
                "alliance": alliance,
                "side": "partner",
                "name": "Partner 4",
                "email": f"partner4@{domain}",
                "role": "champion",
                "started_on": str(leaves),
            },
        )
    before = tuple(f"partner{n}@{domain}" for n in range(4))
    after = (before[0], before[2], before[3], f"partner4@{domain}")
    return {p: after if leaves and p >= leaves else before for p in periods}


def _months(
    out: Writers,
    rng: random.Random,
    counter: itertools.count[int],
    alliance: str,
    number: int,
    story: str,
    periods: list[date],
    people: dict[date, tuple[str, ...]],
) -> None:
    for index, period in enumerate(periods):
        month = Month(alliance, number, period, index, len(periods), story, people[period])
        for row, attendees in interactions(month, rng, counter):
            out.write(spec.INTERACTIONS, row)
            for email in attendees:
                out.write(
                    spec.PARTICIPANTS,
                    {
                        "alliance": alliance,
                        "source": "bench",
                        "external_id": row["external_id"],
                        "contact": email,
                    },
                )
        late = month.decline > 0 and rng.random() < 0.7
        due = period + timedelta(days=14)
        done = due + timedelta(days=rng.randint(10, 40) if late else rng.randint(-5, 2))
        out.write(
            spec.DELIVERABLES,
            {
                "alliance": alliance,
                "title": f"Milestone {index + 1}",
                "due_on": str(due),
                "side": "partner" if index % 2 else "ours",
                "done_on": str(done),
                "status": "done",
            },
        )


def _metrics(
    out: Writers, rng: random.Random, alliance: str, story: str, periods: list[date]
) -> None:
    for key, kind, level in (
        ("leads", "leading", 40.0),
        ("revenue", "lagging", 100000.0),
        ("velocity", "leading", 12.0),
    ):
        out.write(
            spec.METRICS, {"alliance": alliance, "key": key, "name": key.title(), "kind": kind}
        )
        for index, period in enumerate(periods):
            trend = 1 + (0.02 * index if story == "growing" else 0)
            if story == "fading" and index >= len(periods) * 2 // 3:
                trend = 0.6
            value = level * trend * rng.uniform(0.9, 1.1)
            out.write(
                spec.METRIC_VALUES,
                {
                    "alliance": alliance,
                    "metric": key,
                    "period": f"{period:%Y-%m}",
                    "value": f"{value:.1f}",
                },
            )


def _reviews(
    out: Writers, rng: random.Random, alliance: str, story: str, periods: list[date]
) -> None:
    for period in periods[2::3]:
        sent = period + timedelta(days=3)
        out.write(
            spec.SURVEYS,
            {
                "alliance": alliance,
                "kind": "pulse",
                "sent_on": str(sent),
                "title": f"Pulse {period:%Y-%m}",
                "scale_max": "5",
            },
        )
        score = rng.choice(("3", "4", "5")) if story != "fading" else rng.choice(("2", "3"))
        out.write(
            spec.SURVEY_RESPONSES,
            {
                "alliance": alliance,
                "survey_kind": "pulse",
                "survey_sent_on": str(sent),
                "side": "partner",
                "respondent": "Partner 0",
                "submitted_on": str(sent + timedelta(days=4)),
                "score": score,
            },
        )
        out.write(
            spec.CHECKINS,
            {
                "alliance": alliance,
                "held_on": str(period + timedelta(days=20)),
                "reviewer_name": "Owner",
                "manual_score": "4",
            },
        )
    if story == "fading":
        out.write(
            spec.OBSERVATIONS,
            {
                "alliance": alliance,
                "observed_on": str(periods[max(0, len(periods) - 3)]),
                "title": "Partner launched a rival programme",
                "category": "priority",
                "kind": "competing_initiative",
                "source": "external",
            },
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--alliances", type=int, default=50)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()
    counts = write_bundle(args.out, args.alliances, args.months)
    print(json.dumps(counts, indent=2))


if __name__ == "__main__":
    main()
