"""Priority: the alliance slides down the partner's list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.signals._common import Rule, observation_rule
from radar.engine.vocab import Category, Polarity, Side, SurveyKind

P = Category.PRIORITY
NEG = Polarity.NEGATIVE
# Surveys the partner is asked to answer (customer NPS goes to joint customers).
PARTNER_SURVEYS = frozenset({SurveyKind.PULSE, SurveyKind.HEALTH, SurveyKind.ALIGNMENT})


def survey_unanswered(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """The most recent survey past its answer window has no partner response.

    Judged at the end of each period, so it keeps firing while the partner stays
    silent and stops once they answer (even late) or the survey grows stale.
    """
    wait = timedelta(days=config.survey_response_days)
    stale = timedelta(days=config.survey_unanswered_max_days)
    surveys = sorted(
        (s for s in frame.history.surveys if s.kind in PARTNER_SURVEYS),
        key=lambda s: (s.sent, s.id),
    )
    if not surveys:
        return
    first_answer = [
        min((r.submitted for r in s.responses if r.side == Side.PARTNER), default=None)
        for s in surveys
    ]
    due = 0  # surveys[:due] are past their answer window (period ends only move forward)
    counted = -1  # the last survey whose silence was counted
    for i in range(len(frame.periods)):
        day = frame.period_end(i)
        while due < len(surveys) and surveys[due].sent + wait <= day:
            due += 1
        if not due:
            continue
        latest = surveys[due - 1]
        if day - latest.sent > stale:
            continue
        answered = first_answer[due - 1]
        if answered is not None and answered <= day:
            continue
        waited = (day - latest.sent).days
        fresh, counted = due - 1 != counted, due - 1
        yield Detection(
            rule="priority.survey_unanswered",
            category=P,
            polarity=NEG,
            period=frame.periods[i],
            title="Partner no longer answers surveys",
            detail=(
                f"The {latest.kind.value} survey sent on {latest.sent.isoformat()} has no "
                f"partner response after {waited} days (we allow {config.survey_response_days})."
            ),
            evidence=Evidence(
                summary="latest survey past its answer window",
                points=(EvidencePoint(latest.sent.isoformat(), f"{latest.kind.value}: sent"),),
                threshold=float(config.survey_response_days),
                unit="days",
            ),
            severity=0.5,
            occurrences=int(fresh),  # one survey left unanswered is one reading
        )


RULES: tuple[Rule, ...] = (
    observation_rule("priority.observation", P, NEG, "Partner priorities are shifting"),
    survey_unanswered,
)
RULE_IDS = ("priority.observation", "priority.survey_unanswered")
