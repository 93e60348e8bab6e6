"""The few facts of an assessment payload a portfolio row needs, and a cache of them.

A stored payload (`Assessment.to_dict()`) carries every signal with its evidence;
the dashboard needs a twentieth of that. Decoding a thousand payloads on each
visit would dominate the page's time, so each payload is summarised once per
(assessment row, computed_at) and kept in a small per-process cache: a
re-assessment updates `computed_at`, which makes the old entry stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from threading import Lock
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from radar.portfolio.models import Alliance, Assessment

MAX_ENTRIES = 50_000  # summaries are small (about 2 KB); beyond this the cache restarts


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


_cache: dict[int, tuple[datetime, Summary]] = {}
_lock = Lock()


def latest_summaries(alliances: QuerySet[Alliance]) -> dict[int, Summary]:
    """Summary of each alliance's latest stored assessment: two queries at most.

    The first reads only keys and timestamps; the second decodes the payloads
    that are not cached yet (all of them on a cold start, none on a warm one).
    """
    newest = Assessment.objects.filter(alliance=OuterRef("alliance")).order_by("-as_of")
    latest = Assessment.objects.filter(
        alliance__in=alliances.values("pk"), as_of=Subquery(newest.values("as_of")[:1])
    ).order_by()
    keys = list(latest.values_list("pk", "alliance_id", "computed_at"))
    found: dict[int, Summary] = {}
    missing: dict[int, int] = {}
    for pk, alliance_id, computed_at in keys:
        cached = _cache.get(pk)
        if cached is not None and cached[0] == computed_at:
            found[alliance_id] = cached[1]
        else:
            missing[pk] = alliance_id
    if missing:
        # Few misses: fetch those by key; many (cold start): re-read the latest rows
        # (an IN list of thousands of keys would hit database parameter limits).
        source = Assessment.objects.filter(pk__in=list(missing)) if len(missing) <= 500 else latest
        rows = source.values_list("pk", "computed_at", "payload")
        with _lock:
            if len(_cache) > MAX_ENTRIES:
                _cache.clear()
            for pk, computed_at, payload in rows:
                if pk not in missing:
                    continue
                summary = summarize(payload)
                _cache[pk] = (computed_at, summary)
                found[missing[pk]] = summary
    return found


def clear_cache() -> None:
    with _lock:
        _cache.clear()
