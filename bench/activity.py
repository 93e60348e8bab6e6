"""Synthetic interactions of one alliance-month, shaped by the alliance's story.

Three stories: `steady` (a mature alliance with a flat rhythm), `growing`
(more of everything month after month) and `fading` (the last third of the
history goes quiet: slower replies, shorter messages, cancelled meetings,
partners not showing up). About 28 interactions per alliance-month, so
1,000 alliances x 36 months is about a million rows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

RITUAL_BY_MONTH = ("qbr", "operating_committee", "operating_committee")


@dataclass(frozen=True)
class Month:
    alliance: str
    alliance_no: int
    period: date
    index: int  # 0 = first month of the history
    months: int
    story: str
    partner_people: tuple[str, ...]  # e-mails of partner contacts in role this month

    @property
    def decline(self) -> float:
        """0 while healthy, rising to 1 over the last third of a fading history."""
        if self.story != "fading":
            return 0.0
        start = self.months * 2 // 3
        return max(0.0, (self.index - start + 1) / max(1, self.months - start))

    @property
    def volume(self) -> float:
        if self.story == "growing":
            return 0.6 + 0.8 * self.index / max(1, self.months - 1)
        return 1.0 - 0.5 * self.decline


def _when(rng: random.Random, period: date) -> datetime:
    day = rng.randint(1, 28)
    return datetime(
        period.year, period.month, day, rng.randint(7, 18), rng.choice((0, 15, 30, 45)), tzinfo=UTC
    )


def interactions(
    month: Month, rng: random.Random, counter: Iterator[int]
) -> Iterator[tuple[dict[str, str], list[str]]]:
    """(interaction row, partner participant e-mails) pairs for one alliance-month."""
    decline = month.decline
    base = {"alliance": month.alliance, "source": "bench"}
    meetings = max(1, round(4 * month.volume + rng.uniform(-1, 1)))
    for number in range(meetings):
        cancelled = rng.random() < 0.05 + 0.35 * decline
        invited = rng.randint(2, 4)
        attended = 0 if cancelled else max(0, invited - rng.randint(0, 1) - round(2 * decline))
        ritual = RITUAL_BY_MONTH[month.index % 3] if number == 0 else "working_group"
        row = {
            **base,
            "kind": "meeting",
            "occurred_at": _when(rng, month.period).isoformat(),
            "ritual": ritual,
            "direction": "mutual",
            "subject": f"{ritual.replace('_', ' ')} {month.period:%Y-%m}",
            "duration_minutes": str(rng.choice((30, 45, 60, 90))),
            "cancelled": "true" if cancelled else "false",
            "partner_invited": str(invited),
            "partner_attended": str(attended),
            "ours_invited": "2",
            "ours_attended": "0" if cancelled else "2",
            "tone": f"{rng.uniform(0.1, 0.6) - 0.6 * decline:.2f}",
            "external_id": f"i{next(counter)}",
        }
        people = [] if cancelled else rng.sample(month.partner_people, min(attended, 2))
        yield row, people
    for _ in range(max(0, round(3 * month.volume + rng.uniform(-1, 1)))):
        yield (
            {
                **base,
                "kind": "call",
                "occurred_at": _when(rng, month.period).isoformat(),
                "direction": "mutual",
                "duration_minutes": str(rng.choice((15, 30))),
                "external_id": f"i{next(counter)}",
            },
            [],
        )
    for direction, count in (("inbound", 10), ("outbound", 11)):
        for _ in range(max(0, round(count * month.volume + rng.uniform(-2, 2)))):
            partner = direction == "inbound"
            slow = 1 + 3 * decline if partner else 1.0
            yield (
                {
                    **base,
                    "kind": "email",
                    "occurred_at": _when(rng, month.period).isoformat(),
                    "direction": direction,
                    "subject": "Re: joint plan",
                    "word_count": str(max(5, round(rng.gauss(160, 40) * (1 - 0.6 * decline)))),
                    "reply_hours": f"{rng.expovariate(1 / (8 * slow)):.1f}",
                    "tone": f"{rng.uniform(-0.1, 0.5) - 0.5 * decline:.2f}",
                    "blaming": "true"
                    if partner and rng.random() < 0.02 + 0.2 * decline
                    else "false",
                    "defensive": "true"
                    if partner and rng.random() < 0.02 + 0.2 * decline
                    else "false",
                    "external_id": f"i{next(counter)}",
                },
                [],
            )


def month_starts(end: date, months: int) -> list[date]:
    first = end.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return starts[::-1]
