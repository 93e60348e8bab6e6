"""Culture: how the two sides talk to and about each other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import SurveyRecord
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import (
    Rule,
    above_usual,
    fmt,
    observation_rule,
    pct,
    trailing_points,
)
from radar.engine.vocab import Category, Polarity, SurveyKind

CU = Category.CULTURE
NEG = Polarity.NEGATIVE
# Surveys that measure the relationship itself (customer NPS is about the offering).
RELATIONSHIP_SURVEYS = (SurveyKind.ALIGNMENT, SurveyKind.HEALTH, SurveyKind.PULSE)

tone_falling = BaselineRule(
    rule="culture.tone_falling",
    category=CU,
    polarity=NEG,
    series="tone",
    direction=Direction.DOWN,
    title="The tone is cooling",
    sentence=(
        "The average tone of messages and notes was {value} (from -1 hostile to +1 warm), "
        "against a usual {median} ({change})."
    ),
    unit="tone",
    min_change_setting="tone_drop_min",
    digits=2,
)


def blaming(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """Blaming or defensive texts make up a notable share of the month's texts."""
    shares = frame.series("flagged_share")
    for i, share in enumerate(shares):
        s = frame.stats[i]
        if share is None or share < config.blaming_share_min:
            continue
        if s.blaming + s.defensive < config.blaming_min_texts:
            continue
        usual = frame.medians("flagged_share")[i]
        if not above_usual(share, usual, config):
            continue
        usual_text = f", against a usual {pct(usual)}" if usual is not None else ""
        yield Detection(
            rule="culture.blaming",
            category=CU,
            polarity=NEG,
            period=frame.periods[i],
            title="Blaming or defensive language",
            detail=(
                f"{s.blaming + s.defensive} of {s.toned} scored texts read as blaming or "
                f"defensive ({s.blaming} blaming, {s.defensive} defensive): "
                f"{pct(share)}{usual_text}."
            ),
            evidence=Evidence(
                summary="share of scored texts flagged as blaming or defensive",
                points=trailing_points(frame, shares, i, config),
                baseline=round(usual, 3) if usual is not None else None,
                threshold=config.blaming_share_min,
                unit="share",
            ),
            severity=round(min(1.0, 0.4 + share), 2),
            occurrences=s.blaming + s.defensive,
        )


@dataclass(frozen=True, slots=True)
class SurveyReading:
    survey: SurveyRecord
    score: float  # mean score as a share of the scale (0..1)
    usual: float | None  # median of the previous readings of the same kind
    start: int  # period index where the reading became known


def _readings(frame: Frame, config: EngineConfig) -> list[tuple[SurveyReading, int]]:
    """Falling readings, each with the period index its hold ends (exclusive)."""
    found: list[tuple[SurveyReading, int]] = []
    by_kind: dict[SurveyKind, list[SurveyRecord]] = {}
    for s in frame.history.surveys:
        if s.responses:
            by_kind.setdefault(s.kind, []).append(s)
    for kind in RELATIONSHIP_SURVEYS:
        scored: list[SurveyReading] = []
        ordered = sorted(by_kind.get(kind, ()), key=lambda s: (s.sent, s.id))
        for survey in ordered:
            i = frame.index_of(max(r.submitted for r in survey.responses))
            if i is None or survey.scale_max <= 0:
                continue
            score = sum(r.score for r in survey.responses) / len(survey.responses)
            previous = [r.score for r in scored[-config.survey_baseline_count :]]
            usual = median(previous) if len(previous) >= 2 else None
            scored.append(SurveyReading(survey, score / survey.scale_max, usual, i))
        for n, reading in enumerate(scored):
            if reading.usual is None or reading.usual - reading.score < config.survey_drop:
                continue
            end = reading.start + max(1, config.survey_hold_months)
            if n + 1 < len(scored):
                end = min(end, scored[n + 1].start)
            found.append((reading, max(end, reading.start + 1)))
    return found


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _reading_text(r: SurveyReading) -> str:
    scale = r.survey.scale_max
    return (
        f"the {r.survey.kind.value} survey of {r.survey.sent.isoformat()} scored "
        f"{fmt(r.score * scale)}/{fmt(scale)}, against a usual "
        f"{fmt((r.usual or 0) * scale)}/{fmt(scale)}"
    )


def _survey_evidence(
    readings: list[SurveyReading], config: EngineConfig
) -> tuple[str, Evidence, float]:
    """Detail, evidence and severity of a month holding these readings."""
    worst = max(readings, key=lambda r: (r.usual or 0) - r.score)
    evidence = Evidence(
        summary="mean survey score as a share of its scale, against earlier surveys",
        points=tuple(EvidencePoint(r.survey.sent.isoformat(), round(r.score, 3)) for r in readings),
        baseline=round(worst.usual, 3) if worst.usual is not None else None,
        threshold=round((worst.usual or 0) - config.survey_drop, 3),
        unit="share of scale",
        points_of="survey sent",
    )
    detail = _sentence("; ".join(_reading_text(r) for r in readings))
    return detail, evidence, round(min(1.0, 0.4 + 2 * ((worst.usual or 0) - worst.score)), 2)


def survey_falling(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A relationship survey scores clearly below the previous ones of its kind.

    A survey is a reading for its whole quarter or half-year, so the detection
    holds until the next survey of that kind (at most `survey_hold_months`).
    """
    found = _readings(frame, config)
    size = len(frame.periods)
    by_period: dict[int, tuple[int, ...]] = {}  # period -> positions in `found`
    for n, (reading, end) in enumerate(found):
        for i in range(reading.start, min(end, size)):
            by_period[i] = (*by_period.get(i, ()), n)
    # A reading holds for months: its texts and evidence are the same in each.
    built: dict[tuple[int, ...], tuple[str, Evidence, float]] = {}
    for i in sorted(by_period):
        held = by_period[i]
        made = built.get(held)
        if made is None:
            made = built[held] = _survey_evidence([found[n][0] for n in held], config)
        detail, evidence, severity = made
        yield Detection(
            rule="culture.survey_falling",
            category=CU,
            polarity=NEG,
            period=frame.periods[i],
            title="Survey scores are falling",
            detail=detail,
            evidence=evidence,
            severity=severity,
            # A survey is one reading: it counts in the month it came in, not while held.
            occurrences=sum(found[n][0].start == i for n in held),
        )


RULES: tuple[Rule, ...] = (
    tone_falling,
    blaming,
    observation_rule("culture.observation", CU, NEG, "Friction in the relationship noted"),
    survey_falling,
)
RULE_IDS = (
    "culture.tone_falling",
    "culture.blaming",
    "culture.observation",
    "culture.survey_falling",
)
