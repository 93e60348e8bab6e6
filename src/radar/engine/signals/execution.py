"""Execution: commitments missed, late or half done, on either side.

Each deliverable is judged once, with what is known at as_of, and counted in
the month it was due: missed (still not done `deliverable_grace_days` after its
due date), late (done more than that after it) or partial. Our own side gets its
own rule: the honest answer to "could our own side be the problem?".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import DeliverableRecord
from radar.engine.signals._common import Rule, observation_rule, pct
from radar.engine.vocab import Category, DeliverableStatus, Polarity, Side

E = Category.EXECUTION
NEG = Polarity.NEGATIVE


@dataclass(slots=True)
class Tally:
    due: int = 0  # judged deliverables due this period
    missed: int = 0
    late: int = 0
    partial: int = 0

    @property
    def slipped(self) -> int:
        return self.missed + self.late + self.partial


def verdict(item: DeliverableRecord, frame: Frame, config: EngineConfig) -> str | None:
    """'ok', 'missed', 'late', 'partial', or None when it cannot be judged yet."""
    if item.status == DeliverableStatus.CANCELLED:
        return None
    overdue = (frame.as_of - item.due).days > config.deliverable_grace_days
    if item.status == DeliverableStatus.PARTIAL:
        return "partial" if overdue or item.done is not None else None
    if item.done is not None:
        return "late" if (item.done - item.due).days > config.deliverable_grace_days else "ok"
    if item.status == DeliverableStatus.DONE:
        return "ok"  # done, date unknown: give the benefit of the doubt
    return "missed" if overdue else None


def tallies(frame: Frame, config: EngineConfig) -> dict[Side, list[Tally]]:
    """Per side, per period: deliverables due and how many slipped (computed once per frame)."""
    return frame.memo("execution.tallies", lambda: _tallies(frame, config))


def _tallies(frame: Frame, config: EngineConfig) -> dict[Side, list[Tally]]:
    size = len(frame.periods)
    result = {side: [Tally() for _ in range(size)] for side in Side}
    for item in frame.history.deliverables:
        if item.due > frame.as_of:
            continue
        found = verdict(item, frame, config)
        i = frame.index_of(item.due)
        if found is None or i is None:
            continue
        tally = result[item.side][i]
        tally.due += 1
        if found == "missed":
            tally.missed += 1
        elif found == "late":
            tally.late += 1
        elif found == "partial":
            tally.partial += 1
    return result


def _tally_text(t: Tally) -> str:
    parts = [
        f"{n} {word}"
        for n, word in ((t.missed, "missed"), (t.late, "late"), (t.partial, "partial"))
        if n
    ]
    return ", ".join(parts)


def _side_rule(side: Side) -> Rule:
    ours = side == Side.OURS
    rule_id = "execution.our_missed" if ours else "execution.partner_missed"
    title = "Our side missed commitments" if ours else "Partner missed commitments"

    def detect(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
        per_period = tallies(frame, config)[side]
        for i, t in enumerate(per_period):
            if not t.slipped:
                continue
            who = "We" if ours else "The partner"
            whose = "our" if ours else "partner"
            detail = (
                f"{who} slipped on {t.slipped} of {t.due} deliverables due in "
                f"{frame.labels[i]} ({_tally_text(t)})."
            )
            if ours:
                detail += " Could our own side be part of the problem?"
            share = t.slipped / t.due
            start = max(0, i - config.evidence_periods)
            yield Detection(
                rule=rule_id,
                category=E,
                polarity=NEG,
                period=frame.periods[i],
                title=title,
                detail=detail,
                evidence=Evidence(
                    summary=f"{whose} deliverables that slipped, by month due",
                    points=tuple(
                        EvidencePoint(frame.labels[j], f"{u.slipped}/{u.due}")
                        for j in range(start, i + 1)
                        if (u := per_period[j]).due
                    ),
                    threshold=float(config.deliverable_grace_days),
                    unit="days of grace",
                ),
                severity=round(min(1.0, 0.3 + 0.5 * share + (0.2 if t.missed else 0.0)), 2),
                occurrences=t.slipped,
            )

    return detect


def late_share_rising(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """The share of slipped deliverables (both sides) rises well above its earlier level.

    Fires only in months that themselves had a slip, so one bad month cannot
    carry the signal through the following months of the window.
    """
    per_side = tallies(frame, config)
    if not frame.history.deliverables:
        return
    size = len(frame.periods)
    due = [0] * (size + 1)  # prefix sums over both sides
    slipped = [0] * (size + 1)
    partner, ours = per_side[Side.PARTNER], per_side[Side.OURS]
    for i in range(size):
        p, o = partner[i], ours[i]
        due[i + 1] = due[i] + p.due + o.due
        slipped[i + 1] = slipped[i] + p.missed + p.late + p.partial + o.missed + o.late + o.partial
    w = max(1, config.late_window_periods)
    for i in range(size):
        if slipped[i + 1] == slipped[i]:
            continue
        lo = max(0, i + 1 - w)
        recent_due, recent_slipped = due[i + 1] - due[lo], slipped[i + 1] - slipped[lo]
        b_lo = max(0, lo - config.baseline_periods)
        before_due, before_slipped = due[lo] - due[b_lo], slipped[lo] - slipped[b_lo]
        if recent_due < config.late_min_deliverables or before_due < config.late_min_deliverables:
            continue
        recent, before = recent_slipped / recent_due, before_slipped / before_due
        if recent < before + config.late_share_rise:
            continue
        yield Detection(
            rule="execution.late_share_rising",
            category=E,
            polarity=NEG,
            period=frame.periods[i],
            title="More deliverables are slipping",
            detail=(
                f"{recent_slipped} of {recent_due} deliverables due in the last {i + 1 - lo} "
                f"months slipped ({pct(recent)}), against {pct(before)} before."
            ),
            evidence=Evidence(
                summary="share of deliverables missed, late or partial",
                points=(
                    EvidencePoint("before", round(before, 3)),
                    EvidencePoint(f"last {i + 1 - lo} months", round(recent, 3)),
                ),
                baseline=round(before, 3),
                threshold=round(before + config.late_share_rise, 3),
                unit="share",
                points_of="months",
            ),
            severity=round(min(1.0, 0.3 + recent - before), 2),
        )


RULES: tuple[Rule, ...] = (
    _side_rule(Side.PARTNER),
    _side_rule(Side.OURS),
    late_share_rising,
    observation_rule("execution.observation", E, NEG, "Delivery problem noted"),
)
RULE_IDS = (
    "execution.partner_missed",
    "execution.our_missed",
    "execution.late_share_rising",
    "execution.observation",
)
