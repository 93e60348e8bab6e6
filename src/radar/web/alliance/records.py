"""The record sections of the alliance page: metrics, deliverables, agreement, governance."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from django.db.models import Max, Prefetch

from radar.portfolio.models import Agreement, Alliance, MetricValue
from radar.web.days import day_after


def metric_charts(alliance: Alliance, cutoff: date) -> list[dict[str, Any]]:
    values = MetricValue.objects.filter(period__lte=cutoff).order_by("period")
    charts = []
    for index, m in enumerate(
        alliance.metrics.prefetch_related(Prefetch("values", queryset=values))
    ):
        points = [(v.period, v.value) for v in m.values.all()]
        earlier = [v for _, v in points[:-3]]
        baseline = _round(median(earlier)) if len(earlier) >= 3 else None
        latest = points[-1][1] if points else None
        charts.append(
            {
                "metric": m,
                "json_id": f"metric-data-{index}",
                "points": points,
                "recent": points[-12:][::-1],
                "baseline": baseline,
                "latest": latest,
                "below_target": m.target is not None
                and latest is not None
                and (latest < m.target if m.higher_is_better else latest > m.target),
                "data": {
                    "labels": [p.strftime("%Y-%m") for p, _ in points],
                    "values": [v for _, v in points],
                    "target": m.target,
                    "baseline": baseline,
                    "unit": m.unit,
                    "name": m.name,
                },
            }
        )
    return charts


def _round(value: float) -> float:
    """Two decimals for small numbers, whole numbers for large ones (92847.5 -> 92848)."""
    return float(round(value)) if abs(value) >= 100 else round(value, 2)


RECENT_DELIVERABLES = timedelta(days=120)


def deliverables(alliance: Alliance, cutoff: date) -> dict[str, Any]:
    """Open and recent deliverables, plus each side's on-time record (are WE delivering?)."""
    every = list(alliance.deliverables.filter(due_on__lte=cutoff + timedelta(days=365)))
    shown = [
        d
        for d in every
        if d.status in ("open", "partial") or d.due_on >= cutoff - RECENT_DELIVERABLES
    ]
    record = {}
    for side, label in (("ours", "Us"), ("partner", "Partner")):
        due = [
            d for d in every if d.side == side and d.due_on <= cutoff and d.status != "cancelled"
        ]
        on_time = [d for d in due if d.done_on is not None and d.done_on <= d.due_on]
        record[side] = {
            "label": label,
            "due": len(due),
            "on_time": len(on_time),
            "rate": round(100 * len(on_time) / len(due)) if due else None,
            "overdue": sum(1 for d in due if d.status in ("open", "partial") and d.due_on < cutoff),
        }
    return {"shown": shown, "older": len(every) - len(shown), "record": record}


def governance(alliance: Alliance, cutoff: date) -> list[dict[str, Any]]:
    held = dict(
        alliance.interactions.filter(cancelled=False, occurred_at__lt=day_after(cutoff))
        .values_list("ritual")
        .annotate(last=Max("occurred_at"))
    )
    rows = []
    for body in alliance.governance.all():
        last: datetime | None = held.get(body.ritual)
        due = last.date() + timedelta(days=body.cadence_days) if last else None
        rows.append(
            {"body": body, "last": last, "next": due, "overdue": due is None or due < cutoff}
        )
    return rows


def agreement_of(alliance: Alliance) -> Agreement | None:
    """The alliance's agreement, read once per alliance instance (Django keeps it on
    the instance; the alliance page joins it to the alliance) however many parts ask."""
    try:
        return alliance.agreement
    except Agreement.DoesNotExist:
        return None
