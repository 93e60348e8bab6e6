"""The twelve demo alliances, each a story (docs/demo.md says what each illustrates)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from radar.demo.months import story_month
from radar.demo.scenarios import declining, healthy, special, troubled
from radar.demo.story import ContextSpec, Scenario, Shift

# A downturn across the whole portfolio, long enough ago to sit in every baseline.
PORTFOLIO_CONTEXT = (
    ContextSpec(
        "downturn",
        -30,
        "Market downturn: customers froze new analytics projects "
        "for two quarters; every alliance felt it.",
        end=-24,
    ),
)
_DOWNTURN = (
    Shift("leads", -30, 0.85, ramp=2, end=-24),
    Shift("revenue", -30, 0.9, ramp=2, end=-24),
)


def build_scenarios(as_of: date) -> list[Scenario]:
    decembers = [m for m in range(-35, 1) if story_month(as_of, m).month == 12]
    scenarios = [
        declining.helix(),
        declining.bluefjord(),
        healthy.brightpath(),
        special.vantage(),
        healthy.meridian(),
        healthy.orchid(decembers),
        special.carelink(),
        healthy.ashgrove(),
        troubled.pinecrest(),
        troubled.stratacom(),
        special.quarry(),
        special.lumen(),
    ]
    return [
        replace(sc, shifts=_DOWNTURN + sc.shifts) if sc.start <= -24 else sc for sc in scenarios
    ]


def scenario_keys(as_of: date) -> dict[str, Scenario]:
    return {sc.key: sc for sc in build_scenarios(as_of)}
