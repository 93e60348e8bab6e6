"""Communication: the partner talks to us less, later, shorter, or stops showing up."""

from __future__ import annotations

from collections.abc import Iterator

from radar.engine.assessment import Detection, Evidence
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.counts import Pooled, PooledShare, binomial_tail
from radar.engine.features import Frame
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import Rule, above_usual, observation_rule, pct, trailing_points
from radar.engine.signals.replies import reply_slower
from radar.engine.vocab import Category, Polarity

C = Category.COMMUNICATION
NEG = Polarity.NEGATIVE

shorter_messages = BaselineRule(
    rule="communication.shorter_messages",
    category=C,
    polarity=NEG,
    series="partner_words",
    direction=Direction.DOWN,
    title="Partner messages are getting shorter",
    sentence=(
        "Partner messages averaged {value}{value_unit}, against a usual {median}{median_unit} "
        "({change})."
    ),
    unit="words",
    log_scale=True,
)

fewer_meetings = BaselineRule(
    rule="communication.fewer_meetings",
    category=C,
    polarity=NEG,
    series="conversations",
    direction=Direction.DOWN,
    title="Fewer meetings and calls",
    sentence="Meetings and calls held: {value}, against a usual {median} a month ({change}).",
    unit="meetings",
)

attendance_falling = BaselineRule(
    rule="communication.attendance_falling",
    category=C,
    polarity=NEG,
    series="partner_attendance",
    direction=Direction.DOWN,
    title="Partner attendance is falling",
    sentence=(
        "{value} of the partner people invited to meetings attended, against a usual "
        "{median} ({change})."
    ),
    unit="share",
    as_percent=True,
)

fewer_inbound = BaselineRule(
    rule="communication.fewer_inbound",
    category=C,
    polarity=NEG,
    series="emails_inbound",
    direction=Direction.DOWN,
    title="Fewer e-mails from the partner",
    sentence="The partner sent {value}{value_unit}, against a usual {median} a month ({change}).",
    unit="e-mails",
    counts=True,
)


def meetings_cancelled(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """More of the scheduled meetings cancelled than usual, as a share, pooled over the last
    months (radar.engine.counts): fires in months with a cancellation of their own."""
    cancelled = [s.meetings_cancelled for s in frame.stats]
    pooled = Pooled(cancelled, [s.meetings_scheduled for s in frame.stats])
    shares = frame.series("cancel_share")
    for i, count in enumerate(cancelled):
        if not count:
            continue
        found = next((w for w in pooled.windows(i, config) if _more_cancelled(w, config)), None)
        if found is None:
            continue
        usual = found.usual
        usual_text = f", against a usual {pct(usual)}" if usual is not None else ""
        months = "this month" if found.months == 1 else f"in the last {found.months} months"
        yield Detection(
            rule="communication.meetings_cancelled",
            category=C,
            polarity=NEG,
            period=frame.periods[i],
            title="Meetings are being cancelled",
            detail=(
                f"{found.events} of {found.chances} meetings scheduled {months} were "
                f"cancelled ({pct(found.share)}{usual_text})."
            ),
            evidence=Evidence(
                summary=f"cancelled meetings as a share of scheduled ones, {months}, against "
                f"the share in the {config.baseline_periods} months before",
                points=trailing_points(frame, shares, i, config),
                baseline=round(usual, 3) if usual is not None else None,
                threshold=config.cancelled_share_min,
                unit="share",
            ),
            severity=round(min(1.0, 0.3 + found.share), 2),
            occurrences=count,
        )


def _more_cancelled(found: PooledShare, config: EngineConfig) -> bool:
    """Enough cancellations, a high enough share, and clearly more than usual."""
    if found.events < config.cancelled_min or found.share < config.cancelled_share_min:
        return False
    if found.usual is None:
        return found.share >= 2 * config.cancelled_share_min  # no history: only the blatant
    usual = max(found.usual, config.count_usual_floor)
    return (
        above_usual(found.share, found.usual, config)
        and binomial_tail(found.events, found.chances, usual) <= config.count_p_max
    )


RULES: tuple[Rule, ...] = (
    reply_slower,  # reply by reply, pooled (radar.engine.signals.replies)
    shorter_messages,
    fewer_meetings,
    meetings_cancelled,
    attendance_falling,
    fewer_inbound,
    observation_rule("communication.observation", C, NEG, "Communication concern noted"),
)
RULE_IDS = (
    "communication.reply_slower",
    "communication.shorter_messages",
    "communication.fewer_meetings",
    "communication.meetings_cancelled",
    "communication.attendance_falling",
    "communication.fewer_inbound",
    "communication.observation",
)
