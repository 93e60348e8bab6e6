"""Ground truth: the classes of alliance and what a trustworthy radar says about each.

The expected sets follow the two practitioner guides in /work/shared/seeds
(reinvest / reset / exit as the three deliberate responses, "monitor" when
nothing is confirmed), not the engine's current rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from radar.engine.vocab import DecisionKind, Phase

REINVEST, RESET, EXIT, MONITOR = (
    DecisionKind.REINVEST,
    DecisionKind.RESET,
    DecisionKind.EXIT,
    DecisionKind.MONITOR,
)
ALARMS = frozenset({RESET, EXIT})

# Classes whose relationship is eroding or eroded: a reset/exit call is right for them.
ALARM_CLASSES = ("declining", "stalled")
# Classes where a reset/exit call at any month end is a false alarm.
QUIET_CLASSES = ("healthy", "growing", "seasonal", "plateau", "downturn", "noise")
CLASSES = ALARM_CLASSES + QUIET_CLASSES

EXPECTED_FINAL: dict[str, frozenset[DecisionKind]] = {
    # The relationship eroded and revenue followed: a confirmed, multi-category
    # pattern calls for a candid conversation (reset) or, if it has run its
    # course, a graceful wind-down (exit); the guides say to act within a month.
    "declining": ALARMS,
    # Degraded and flat: champions gone, sponsor delegated, reviews reduced to
    # pro-forma status updates, revenue stuck at a lower level. The guides set
    # this apart from a healthy plateau ("eroding engagement" vs "stable
    # communication, predictable deliverables"): a concerning pattern that is
    # confirmed, so reset (realign, update governance) or exit, never "keep watching".
    "stalled": ALARMS,
    # Nothing confirmed against it: keep going, and reinvest when positive
    # signals or growth show it is ready for more.
    "healthy": frozenset({REINVEST, MONITOR}),
    # Compounding growth is the guides' picture of readiness for reinvestment;
    # monitor is acceptable when nothing stands out.
    "growing": frozenset({REINVEST, MONITOR}),
    # Holiday, August and declared quiet-period dips are routine, not a pattern.
    "seasonal": frozenset({REINVEST, MONITOR}),
    # A healthy plateau is "a natural phase", an inflection point to renew
    # energy (reinvest), not a problem to reset.
    "plateau": frozenset({REINVEST, MONITOR}),
    # A recorded outside force (a downturn, a regulation) explains the falling
    # metrics while the relationship is fine: "adjust your interpretation" —
    # watch with that caveat (monitor); neither reset the partner nor reinvest
    # into a falling market.
    "downturn": frozenset({MONITOR}),
    # One-off events are not signals ("a single data point is not a signal";
    # the rule of three prevents false alarms).
    "noise": frozenset({REINVEST, MONITOR}),
}

YOUNG_MONTHS = 18  # the guides: energy is high "for the first six to eighteen months"
YOUNG = frozenset({Phase.FORMATION, Phase.GROWTH, Phase.MATURITY})
STEADY = frozenset({Phase.MATURITY})
GROWING = frozenset({Phase.GROWTH})
DECLINE = frozenset({Phase.DECLINE})


@dataclass(frozen=True, slots=True)
class Label:
    """What is true about one generated alliance."""

    cls: str
    variant: str  # e.g. "slow: slower_replies+champion_leaves" or "bad_survey"
    expected_final: frozenset[DecisionKind]
    # (month end, acceptable phases); month ends without an entry expect nothing.
    phases: tuple[tuple[date, frozenset[Phase]], ...] = ()
    revenue_fall: date | None = None  # declining: the first day of the month revenue falls
    onset: date | None = None  # declining, stalled: the month the erosion starts

    @property
    def alarm_expected(self) -> bool:
        return self.cls in ALARM_CLASSES

    def phases_at(self, month_end: date) -> frozenset[Phase] | None:
        for day, phases in self.phases:
            if day == month_end:
                return phases
        return None


def base_phases(age_months: int, growing: bool) -> frozenset[Phase]:
    """What a healthy alliance of this age is in: formation or growth while young."""
    if age_months < YOUNG_MONTHS:
        return YOUNG if not growing else frozenset({Phase.FORMATION, Phase.GROWTH})
    return GROWING if growing else STEADY
