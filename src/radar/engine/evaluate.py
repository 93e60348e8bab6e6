"""The one entry point: evaluate(history, as_of) -> Assessment.

One pass, no clock: cut the history at as_of and lay it out per month
(features), run every detector once over all periods (signals), then walk the
periods once to apply the rule of three and triangulation (triage) and score
each period (score). The last period gives the assessment; the earlier ones
give the score history, the baseline and "why it moved".
"""

from __future__ import annotations

from datetime import date

from radar.engine.assessment import Assessment, ScorePoint
from radar.engine.cadence import cadence_flags
from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.coverage import coverage, data_gaps
from radar.engine.features import build_frame, last_complete_month
from radar.engine.lifecycle import diagnose
from radar.engine.records import History
from radar.engine.respond import recommend
from radar.engine.score import (
    PeriodScore,
    baseline_score,
    score_period,
    score_periods,
    trend,
)
from radar.engine.signals import detect_all
from radar.engine.triage import PeriodSignals, triage
from radar.engine.vocab import Category
from radar.engine.why import why_moved


def _imputed_gaps(score: PeriodScore, config: EngineConfig) -> list[str]:
    month = score.period.strftime("%B %Y")
    if score.score is None:
        known = sum(not c.imputed for c in score.categories)
        return [
            f"Not enough data yet for a score: {known} of {len(score.categories)} categories "
            f"had data in {month}, at least {config.score_min_categories} are needed."
        ]
    return [
        f"{str(c.category).capitalize()} had no data in {month} and counts as "
        f"{c.counted_as:.1f} (imputed, never above the known categories)."
        for c in score.categories
        if c.imputed
    ]


def evaluate(history: History, as_of: date, config: EngineConfig = DEFAULT_CONFIG) -> Assessment:
    """Assess one alliance as it stood on `as_of`; ignores anything dated later."""
    frame = build_frame(history, as_of, config)
    covered = coverage(frame, config)
    detections = detect_all(frame, config)
    # Only fresh data may resolve a signal; the score counts held data as known.
    triaged = triage(detections, frame.periods, covered.fresh, frame.history.context, config)
    scores = score_periods(triaged, covered.held, config)
    if triaged:
        current, score = triaged[-1], scores[-1]
    else:  # not a single complete month yet
        current = PeriodSignals(last_complete_month(as_of), (), False, ())
        score = score_period(current, dict.fromkeys(Category, False), config)
    previous = (triaged[-2], scores[-2]) if len(triaged) >= 2 else None
    baseline = baseline_score([p.score for p in scores], config)
    phase = diagnose(frame, current, scores, config)
    alliance = frame.history.alliance
    return Assessment(
        alliance_id=alliance.id,
        alliance_name=alliance.name,
        as_of=as_of,
        score=score.score,
        baseline_score=baseline,
        trend=trend(score.score, baseline, config),
        previous_score=previous[1].score if previous else None,
        why_moved=why_moved(previous, (current, score)),
        categories=score.categories,
        signals=current.signals,
        systemic=current.systemic,
        systemic_categories=current.systemic_categories,
        phase=phase,
        recommendation=recommend(frame, current, scores, phase, config),
        cadence=cadence_flags(frame, current, scores, config),
        score_history=tuple(ScorePoint(p.period, p.score) for p in scores),
        data_gaps=(*data_gaps(frame, config), *_imputed_gaps(score, config)),
    )
