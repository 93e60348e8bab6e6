"""Communication: the partner talks to us less, later, shorter, or stops showing up."""

from __future__ import annotations

from collections.abc import Iterator

from radar.engine.assessment import Detection, Evidence
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import Rule, above_usual, observation_rule, pct, trailing_points
from radar.engine.vocab import Category, Polarity

C = Category.COMMUNICATION
NEG = Polarity.NEGATIVE

reply_slower = BaselineRule(
    rule="communication.reply_slower",
    category=C,
    polarity=NEG,
    series="partner_reply_hours",
    direction=Direction.UP,
    title="Partner replies more slowly",
    sentence=(
        "The partner took {value} hours on average to reply, against a usual {median} hours "
        "({change}) over the previous {months} months."
    ),
    unit="hours",
    log_scale=True,
)

shorter_messages = BaselineRule(
    rule="communication.shorter_messages",
    category=C,
    polarity=NEG,
    series="partner_words",
    direction=Direction.DOWN,
    title="Partner messages are getting shorter",
    sentence=(
        "Partner messages averaged {value} words, against a usual {median} words ({change})."
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
    sentence=("{value} meetings and calls were held, against a usual {median} a month ({change})."),
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
    sentence="The partner sent {value} e-mails, against a usual {median} a month ({change}).",
    unit="e-mails",
    counts=True,
)


def meetings_cancelled(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A high share of scheduled meetings cancelled, above the alliance's usual share."""
    shares = frame.series("cancel_share")
    for i, share in enumerate(shares):
        stats = frame.stats[i]
        if share is None or share < config.cancelled_share_min:
            continue
        if stats.meetings_cancelled < config.cancelled_min:
            continue
        usual = frame.medians("cancel_share")[i]
        if not above_usual(share, usual, config):
            continue
        usual_text = f", against a usual {pct(usual)}" if usual is not None else ""
        yield Detection(
            rule="communication.meetings_cancelled",
            category=C,
            polarity=NEG,
            period=frame.periods[i],
            title="Meetings are being cancelled",
            detail=(
                f"{stats.meetings_cancelled} of {stats.meetings_scheduled} scheduled meetings "
                f"were cancelled ({pct(share)}{usual_text})."
            ),
            evidence=Evidence(
                summary="cancelled meetings as a share of scheduled ones",
                points=trailing_points(frame, shares, i, config),
                baseline=round(usual, 3) if usual is not None else None,
                threshold=config.cancelled_share_min,
                unit="share",
            ),
            severity=round(min(1.0, 0.3 + share), 2),
            occurrences=stats.meetings_cancelled,
        )


RULES: tuple[Rule, ...] = (
    reply_slower,
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
