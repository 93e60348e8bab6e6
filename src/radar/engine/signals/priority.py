"""Priority: the alliance slides down the partner's list."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from itertools import pairwise

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
                points_of="sent",
            ),
            severity=0.5,
            occurrences=int(fresh),  # one survey left unanswered is one reading
        )


def _cadence(months: list[int]) -> int | None:
    """The usual gap, in months, between a series' values (None with too few)."""
    gaps = sorted(b - a for a, b in pairwise(months))
    return gaps[len(gaps) // 2] if len(gaps) >= 3 else None


def _silent_months(values: Sequence[float | None], i: int) -> tuple[int, int] | None:
    """(months since the last value, usual gap) at period i, when it has gone silent."""
    seen = [j for j in range(i + 1) if values[j] is not None]
    usual = _cadence(seen)
    if usual is None:
        return None
    since = i - seen[-1]
    return (since, usual) if since >= max(2, 2 * usual) else None


def reports_stopped(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """Figures the partner used to send have stopped coming: the partner no longer shares
    information. A signal, not a data gap; it holds while the silence lasts."""
    supplied = [
        m.definition for m in frame.history.metrics if m.definition.supplied_by is Side.PARTNER
    ]
    for i in range(len(frame.periods)):
        silent = []
        expected = 0
        for d in supplied:
            found = _silent_months(frame.metric(d.key), i)
            if found is not None:
                since, usual = found
                silent.append((d, since, usual))
                expected += since % usual == 0  # a report was due this very month
        if not silent:
            continue
        parts = [
            f"no {d.name.lower()} for {since} months (it came every "
            f"{'month' if usual == 1 else f'{usual} months'})"
            for d, since, usual in silent
        ]
        yield Detection(
            rule="priority.reports_stopped",
            category=P,
            polarity=NEG,
            period=frame.periods[i],
            title="The partner no longer shares its figures",
            detail="The partner has stopped sending figures: " + "; ".join(parts) + ".",
            evidence=Evidence(
                summary="months since each partner-supplied metric last came in",
                points=tuple(EvidencePoint(d.name, float(since)) for d, since, _ in silent),
                unit="months",
                points_of="metric",
            ),
            severity=0.6,
            occurrences=min(expected, 1),  # one reading per report that was due and missed
        )


RULES: tuple[Rule, ...] = (
    observation_rule("priority.observation", P, NEG, "Partner priorities are shifting"),
    survey_unanswered,
    reports_stopped,
)
RULE_IDS = ("priority.observation", "priority.survey_unanswered", "priority.reports_stopped")
