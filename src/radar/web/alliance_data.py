"""Everything the alliance page shows, gathered in one place (a few queries per section).

With `as_of` the page is a backtest: the engine evaluates the alliance as it stood
that day (not stored) and the store's records are cut at that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from django.db.models import Max, Prefetch
from django.urls import reverse

from radar.portfolio.models import (
    ActionItem,
    Agreement,
    Alliance,
    ContextFactor,
    MetricValue,
)
from radar.web import people
from radar.web.portfolio import annotated_alliances, build_row, latest_payloads
from radar.web.present import RITUAL_LABELS, parse_date
from radar.web.summary import summarize

TIMELINE_LIMIT = 60


@dataclass(frozen=True)
class Event:
    when: date
    kind: str  # interaction, signal, checkin, decision, observation, context
    title: str
    detail: str = ""
    url: str = ""


def payload_for(alliance: Alliance, today: date, as_of: date | None) -> dict[str, Any] | None:
    """The stored latest assessment, or a fresh evaluation for a past date / a new alliance."""
    from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio

    if as_of is None:
        stored = latest_payloads(Alliance.objects.filter(pk=alliance.pk)).get(alliance.pk)
        if stored is not None:
            return stored
    try:
        found = evaluate_portfolio(as_of or today, [alliance.pk], store=as_of is None)
    except (NotImplementedError, EvaluationFailed):
        return None
    return found[0].to_dict() if found else None


def timeline(alliance: Alliance, payload: dict[str, Any] | None, cutoff: date) -> list[Event]:
    events: list[Event] = []
    interactions = alliance.interactions.filter(occurred_at__date__lte=cutoff).order_by(
        "-occurred_at"
    )[:TIMELINE_LIMIT]
    for i in interactions:
        what = i.get_kind_display()
        if i.ritual and i.ritual != "none":
            what = f"{RITUAL_LABELS.get(i.ritual, i.get_ritual_display())} ({what.lower()})"
        if i.cancelled:
            what += " — cancelled"
        detail = i.subject
        if i.kind in ("email", "message"):
            detail = f"{i.get_direction_display()}: {i.subject}".strip(": ")
        events.append(Event(i.occurred_at.date(), "interaction", what, detail))
    for o in alliance.observations.filter(observed_on__lte=cutoff):
        source = "External signal" if o.source == "external" else "Observation"
        events.append(Event(o.observed_on, "observation", f"{source}: {o.title}", o.detail))
    for c in alliance.checkins.filter(held_on__lte=cutoff):
        score = f"reviewer score {c.manual_score}" if c.manual_score else "no reviewer score"
        url = _reverse("checkin", alliance.slug, c.pk)
        events.append(Event(c.held_on, "checkin", "Health review", score, url))
    for d in alliance.decisions.filter(decided_on__lte=cutoff):
        events.append(
            Event(d.decided_on, "decision", f"Decision: {d.get_kind_display()}", d.rationale)
        )
    for signal in (payload or {}).get("signals", []):
        day = parse_date(signal.get("confirmed_since") or signal.get("first_seen"))
        if day and signal.get("confirmed"):
            events.append(
                Event(day, "signal", f"Signal confirmed: {signal['title']}", signal["detail"])
            )
    events.sort(key=lambda e: e.when, reverse=True)
    return events[:TIMELINE_LIMIT]


def _reverse(name: str, slug: str, pk: int) -> str:
    try:
        return reverse(name, args=[slug, pk])
    except Exception:  # the write side's URL is optional for the read side
        return ""


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
        alliance.interactions.filter(cancelled=False, occurred_at__date__lte=cutoff)
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
    try:
        return alliance.agreement
    except Agreement.DoesNotExist:
        return None


def state_context(alliance: Alliance, today: date, as_of: date | None = None) -> dict[str, Any]:
    """What the score header and signals need (the partial forms re-render after a save)."""
    cutoff = as_of or today
    payload = payload_for(alliance, today, as_of)
    annotated = annotated_alliances(Alliance.objects.filter(pk=alliance.pk), cutoff).get()
    return {
        "alliance": alliance,
        "payload": payload,
        "row": build_row(annotated, summarize(payload) if payload else None, cutoff),
        "today": cutoff,
        "as_of": as_of,
        "signals": _signals(payload),
        "signal_titles": {sig["rule"]: sig["title"] for sig in (payload or {}).get("signals", [])},
        "score_chart": _score_chart(payload),
    }


def alliance_context(alliance: Alliance, today: date, as_of: date | None = None) -> dict[str, Any]:
    cutoff = as_of or today
    context = state_context(alliance, today, as_of)
    payload = context["payload"]
    contacts = list(alliance.contacts.select_related("successor").all())
    nodes, edges, graph_height = people.connection_graph(alliance, contacts, cutoff)
    decisions = (
        alliance.decisions.filter(decided_on__lte=cutoff)
        .select_related("decided_by")
        .prefetch_related(Prefetch("actions", queryset=ActionItem.objects.order_by("due_on")))
    )
    return {
        **context,
        "people_sides": (("ours", "Our side"), ("partner", "Partner side")),
        "timeline": timeline(alliance, payload, cutoff),
        "people": people.people(contacts, cutoff),
        "warnings": people.warnings(contacts, cutoff),
        "graph": {"nodes": nodes, "edges": edges, "height": graph_height},
        "deliverables": deliverables(alliance, cutoff),
        "metrics": metric_charts(alliance, cutoff),
        "agreement": agreement_of(alliance),
        "governance": governance(alliance, cutoff),
        "decisions": decisions,
        "context_factors": ContextFactor.objects.filter(
            alliance__in=[alliance.pk], starts_on__lte=cutoff
        )
        | ContextFactor.objects.filter(alliance__isnull=True, starts_on__lte=cutoff),
    }


def _signals(payload: dict[str, Any] | None) -> dict[str, list[dict[str, Any]]]:
    """Signals grouped for display: confirmed warnings, watching, positive."""
    groups: dict[str, list[dict[str, Any]]] = {"confirmed": [], "watching": [], "positive": []}
    for s in (payload or {}).get("signals", []):
        if s["polarity"] == "positive":
            groups["positive"].append(s)
        elif s["confirmed"]:
            groups["confirmed"].append(s)
        else:
            groups["watching"].append(s)
    for group in groups.values():
        group.sort(key=lambda s: -float(s.get("severity", 0)))
    return groups


def _score_chart(payload: dict[str, Any] | None) -> dict[str, Any]:
    history = (payload or {}).get("score_history", [])
    return {
        "labels": [str(p["period"])[:7] for p in history],
        "scores": [p["score"] for p in history],
        "baseline": (payload or {}).get("baseline_score"),
    }
