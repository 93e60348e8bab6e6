"""The readings docs/demo.md promises for each demo alliance, as checks on assessments.

Written against the stories, not exact scores or rule lists: the engine is
tuned independently, and what the demo promises is the reading a manager
would act on (decline and a reset or exit for the declining alliances, no
alarm for the healthy ones, the maturity, growth and formation phases, the
external causes, the cadence flags docs/demo.md names).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from radar.demo.months import story_month
from radar.engine.assessment import Assessment
from radar.engine.vocab import Category, DecisionKind, Phase, Polarity

Readings = dict[str, Assessment]  # alliance slug -> assessment

DECLINING = ("helix-data-connector", "bluefjord-co-sell", "stratacom-channel")
# Healthy with a history long enough to score; Lumen Grid (formation) is checked apart.
HEALTHY = (
    "brightpath-advisory",
    "meridian-freight",
    "orchid-vale-campaigns",
    "ashgrove-maintenance",
)
ALARM = (DecisionKind.RESET, DecisionKind.EXIT)
CALM = (DecisionKind.REINVEST, DecisionKind.MONITOR)


def confirmed_negatives(assessment: Assessment) -> list:  # type: ignore[type-arg]
    return [s for s in assessment.confirmed_signals if s.polarity is Polarity.NEGATIVE]


@dataclass(frozen=True)
class Backtests:
    """The two backtest dates the stories name, placed like the demo places its months."""

    after_holidays: date  # a mid-January: the Orchid & Vale dip has just happened
    two_months_earlier: date  # Bluefjord: leads already confirmed, revenue not yet

    @classmethod
    def for_date(cls, as_of: date) -> Backtests:
        january = date(as_of.year if as_of >= date(as_of.year, 1, 12) else as_of.year - 1, 1, 12)
        back = story_month(as_of, -2)
        if story_month(as_of, 0).month != as_of.month:  # as_of ends its month
            earlier = back - timedelta(days=1)
        else:
            earlier = back.replace(day=min(as_of.day, 28))
        return cls(january, earlier)


Check = Callable[[Readings, Readings, Readings], list[str]]


def failures(now: Readings, after_holidays: Readings, earlier: Readings) -> list[str]:
    """Every documented reading that does not hold, in words (empty: all hold)."""
    found: list[str] = []
    for check in CHECKS:
        found += check(now, after_holidays, earlier)
    return found


def _declining(now: Readings, *_: Readings) -> list[str]:
    found = []
    for slug in DECLINING:
        a = now[slug]
        negatives = confirmed_negatives(a)
        if len({s.category for s in negatives}) < 2:
            found.append(f"{slug}: confirmed negatives in <2 categories: {_rules(negatives)}")
        if not all(s.detail and s.evidence.summary for s in negatives):
            found.append(f"{slug}: a confirmed signal without its explanation")
        if a.recommendation.action not in ALARM:
            found.append(f"{slug}: told to {a.recommendation.action.value}, not reset or exit")
        if a.phase.phase is not Phase.DECLINE:
            found.append(f"{slug}: phase {a.phase.phase.value}, not decline")
        if not a.score < 3.5:
            found.append(f"{slug}: score {a.score}, not below 3.5")
    return found


def _healthy(now: Readings, *_: Readings) -> list[str]:
    found = []
    lowest_decline = max(now[slug].score for slug in DECLINING)
    for slug in HEALTHY:
        a = now[slug]
        if confirmed_negatives(a):
            found.append(f"{slug}: confirmed negatives {_rules(confirmed_negatives(a))}")
        if a.recommendation.action not in CALM:
            found.append(f"{slug}: told to {a.recommendation.action.value}")
        if a.phase.phase is Phase.DECLINE:
            found.append(f"{slug}: diagnosed as declining")
        if not a.score >= 4.0 or not a.score > lowest_decline:
            found.append(f"{slug}: score {a.score}, not in the healthy band")
    return found


def _helix(now: Readings, *_: Readings) -> list[str]:
    helix = now["helix-data-connector"]
    communication = [s for s in confirmed_negatives(helix) if s.category is Category.COMMUNICATION]
    found = [] if communication else ["helix: no confirmed communication decay"]
    if not helix.systemic:
        found.append("helix: the decline is not read as systemic")
    return found


def _bluefjord(now: Readings, _: Readings, earlier: Readings) -> list[str]:
    found = []
    if "score_divergence" not in {f.code for f in now["bluefjord-co-sell"].cadence}:
        found.append("bluefjord: the owner's 5/5 does not ask for a neutral reviewer")
    before = {s.rule for s in confirmed_negatives(earlier["bluefjord-co-sell"])}
    if "metrics.falling.leads" not in before:
        found.append(f"bluefjord two months earlier: leads not yet confirmed ({sorted(before)})")
    if any("joint_revenue" in rule for rule in before):
        found.append("bluefjord two months earlier: revenue already confirmed falling")
    return found


def _stratacom(now: Readings, *_: Readings) -> list[str]:
    stratacom = now["stratacom-channel"]
    found = []
    if stratacom.recommendation.action is not DecisionKind.EXIT:
        found.append(f"stratacom: told to {stratacom.recommendation.action.value}, not exit")
    codes = {flag.code for flag in stratacom.cadence}
    if not {"decision_overdue", "no_direct_contact"} <= codes:
        found.append(f"stratacom: cadence flags {sorted(codes)}")
    if "renewal" not in {name for name, _ in stratacom.recommendation.agreement_dates}:
        found.append("stratacom: the renewal date is not named")
    return found


def _phases(now: Readings, *_: Readings) -> list[str]:
    found = []
    meridian, brightpath = now["meridian-freight"], now["brightpath-advisory"]
    if meridian.phase.phase is not Phase.MATURITY or meridian.trend == "down":
        found.append(f"meridian: {meridian.phase.phase.value}, trend {meridian.trend}")
    if brightpath.phase.phase is not Phase.GROWTH:
        found.append(f"brightpath: phase {brightpath.phase.phase.value}, not growth")
    if brightpath.recommendation.action is not DecisionKind.REINVEST:
        found.append(f"brightpath: told to {brightpath.recommendation.action.value}")
    if not any(s.polarity is Polarity.POSITIVE for s in brightpath.signals):
        found.append("brightpath: no positive signal")
    lumen = now["lumen-grid"]
    if lumen.phase.phase is not Phase.FORMATION or lumen.recommendation.action in ALARM:
        found.append(f"lumen: {lumen.phase.phase.value}, {lumen.recommendation.action.value}")
    for slug in ("ashgrove-maintenance", "quarry-robotics"):
        if (
            now[slug].phase.phase is Phase.DECLINE
            or now[slug].recommendation.action is DecisionKind.EXIT
        ):
            found.append(f"{slug}: read as a decline")
    return found


def _orchid(now: Readings, after_holidays: Readings, _: Readings) -> list[str]:
    dip = after_holidays["orchid-vale-campaigns"]
    found = []
    if not any(s.rule.startswith("communication.") for s in dip.signals):
        found.append("orchid after the holidays: the December dip is not seen")
    if confirmed_negatives(dip):
        found.append(f"orchid after the holidays: escalated {_rules(confirmed_negatives(dip))}")
    return found


def _our_side_and_context(now: Readings, *_: Readings) -> list[str]:
    found = []
    pinecrest = now["pinecrest-integration"]
    if "execution.our_missed" not in {s.rule for s in pinecrest.signals}:
        found.append("pinecrest: our missed deliverables are not pointed at")
    if pinecrest.recommendation.action is not DecisionKind.RESET:
        found.append(f"pinecrest: told to {pinecrest.recommendation.action.value}, not reset")
    for slug in ("vantage-pay", "carelink-health"):
        negatives = [s for s in now[slug].signals if s.polarity is Polarity.NEGATIVE]
        if not negatives or not all(s.possibly_external for s in negatives):
            found.append(f"{slug}: negatives not all marked possibly external")
    return found


def _rules(signals: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(s.rule for s in signals)


CHECKS: tuple[Check, ...] = (
    _declining,
    _healthy,
    _helix,
    _bluefjord,
    _stratacom,
    _phases,
    _orchid,
    _our_side_and_context,
)
