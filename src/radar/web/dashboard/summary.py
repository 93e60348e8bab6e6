"""The few facts of an assessment a portfolio row needs.

A stored payload (`Assessment.to_dict()`) carries every signal with its evidence;
the dashboard needs a twentieth of that. Those facts are kept per alliance in
its standing row (radar.portfolio.models.Standing), written with each assessment,
so pages read them from there; `summarize` reads them from a payload at hand
(one alliance's page, a backtest's fresh assessments).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from radar.portfolio.models import Alliance, Standing


@dataclass(frozen=True)
class Summary:
    score: float | None  # None: not enough data yet
    baseline: float | None
    trend: str
    phase: str
    action: str
    headline: str
    systemic: bool
    systemic_categories: tuple[str, ...]
    history: tuple[float, ...]
    category_scores: Mapping[str, float | None]
    confirmed_by_category: Mapping[str, int]
    watching_by_category: Mapping[str, int]
    confirmed_titles: tuple[str, ...]
    cadence: tuple[Mapping[str, Any], ...] = field(default=())
    as_of: str = ""  # ISO date the assessment describes


def summarize(payload: Mapping[str, Any]) -> Summary:
    confirmed: dict[str, int] = {}
    watching: dict[str, int] = {}
    titles: list[str] = []
    for signal in payload.get("signals", []):
        if signal.get("polarity") != "negative":
            continue
        bucket = confirmed if signal.get("confirmed") else watching
        bucket[signal["category"]] = bucket.get(signal["category"], 0) + 1
        if signal.get("confirmed"):
            titles.append(str(signal.get("title", "")))
    return Summary(
        score=None if payload.get("score") is None else float(payload["score"]),
        baseline=payload.get("baseline_score"),
        trend=str(payload.get("trend", "")),
        phase=str(payload.get("phase", {}).get("phase", "")),
        action=str(payload.get("recommendation", {}).get("action", "")),
        headline=str(payload.get("recommendation", {}).get("headline", "")),
        systemic=bool(payload.get("systemic")),
        systemic_categories=tuple(payload.get("systemic_categories", [])),
        history=tuple(
            float(p["score"]) for p in payload.get("score_history", []) if p["score"] is not None
        ),
        category_scores={c["category"]: c.get("score") for c in payload.get("categories", [])},
        confirmed_by_category=confirmed,
        watching_by_category=watching,
        confirmed_titles=tuple(titles),
        cadence=tuple(payload.get("cadence", [])),
        as_of=str(payload.get("as_of", "")),
    )


FIELDS = (
    "alliance_id",
    "score",
    "baseline",
    "trend",
    "phase",
    "action",
    "headline",
    "systemic",
    "systemic_categories",
    "history",
    "category_scores",
    "confirmed_by_category",
    "watching_by_category",
    "confirmed_titles",
    "cadence",
    "as_of",
)


def from_standing(values: Sequence[Any]) -> Summary:
    """A summary from a standing row's FIELDS[1:] (radar.portfolio.models.Standing)."""
    (score, baseline, trend, phase, action, headline, systemic, systemic_categories) = values[:8]
    history, category_scores, confirmed, watching, titles, cadence, as_of = values[8:]
    return Summary(
        score=score,
        baseline=baseline,
        trend=trend,
        phase=phase,
        action=action,
        headline=headline,
        systemic=systemic,
        systemic_categories=tuple(systemic_categories),
        history=tuple(history),
        category_scores=category_scores,
        confirmed_by_category=confirmed,
        watching_by_category=watching,
        confirmed_titles=tuple(titles),
        cadence=tuple(cadence),
        as_of=as_of.isoformat(),
    )


def latest_summaries(alliances: QuerySet[Alliance]) -> dict[int, Summary]:
    """Summary of each alliance's latest stored assessment, from its standing: one query."""
    rows = Standing.objects.filter(alliance__in=alliances.values("pk")).values_list(*FIELDS)
    return {row[0]: from_standing(row[1:]) for row in rows}
