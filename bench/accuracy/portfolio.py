"""A seeded portfolio: every class, `per_class` alliances each (declining twice as many).

Each alliance draws from its own RNG, seeded by (portfolio seed, alliance
index), so a portfolio is reproduced exactly by its seed. The portfolio's last
complete month is drawn from the seed too (between March 2025 and September
2026): the readings must not depend on the calendar date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from bench.accuracy.classes import BUILDERS, Scenario
from bench.accuracy.dates import add_months, month_end
from bench.accuracy.labels import CLASSES, Label
from bench.accuracy.realize import realize
from bench.accuracy.world import World

# Seeds below HOLDOUT_FIRST are for development; the engine's authors may look at
# their alliances. Seeds from HOLDOUT_FIRST on are the hold-out: only their totals.
HOLDOUT_FIRST = 10_000
DECLINING_FACTOR = 2


@dataclass(frozen=True, slots=True)
class Alliance:
    id: int
    world: World
    label: Label
    scenario: Scenario


@dataclass(frozen=True, slots=True)
class Portfolio:
    seed: int
    last_day: date  # the last day of the portfolio's last complete month
    alliances: tuple[Alliance, ...]

    @property
    def split(self) -> str:
        return split_of(self.seed)


def split_of(seed: int) -> str:
    return "holdout" if seed >= HOLDOUT_FIRST else "dev"


def seeds_for(split: str, count: int) -> list[int]:
    first = HOLDOUT_FIRST if split == "holdout" else 1
    return list(range(first, first + count))


def build_portfolio(seed: int, per_class: int, classes: tuple[str, ...] = CLASSES) -> Portfolio:
    last_month = add_months(date(2025, 3, 1), random.Random(f"accuracy:{seed}").randint(0, 18))
    last_day = month_end(last_month)
    alliances: list[Alliance] = []
    for cls in classes:
        for _ in range(per_class * (DECLINING_FACTOR if cls == "declining" else 1)):
            index = len(alliances)
            rng = random.Random(f"accuracy:{seed}:{index}")
            scenario = BUILDERS[cls](rng, index, last_month)
            world = realize(scenario, rng, last_day)
            alliances.append(Alliance(index + 1, world, scenario.label, scenario))
    return Portfolio(seed, last_day, tuple(alliances))
