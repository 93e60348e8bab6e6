"""Everything the alliance page shows, gathered in one place (a few queries per section).

The page is an overview (score, why it moved, the recommendation, the next
things to do: `state_context`, which forms re-render after a save) and one
section per part of the record (`SECTIONS`). With `as_of` the page is a
backtest: the engine evaluates the alliance as it stood that day (not stored)
and the store's records are cut at that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q
from django.urls import reverse

from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
from radar.portfolio.models import ActionItem, Alliance, ContextFactor
from radar.web.alliance import people
from radar.web.alliance.next_steps import next_steps
from radar.web.alliance.records import agreement_of, deliverables, governance, metric_charts
from radar.web.alliance.timeline import timeline
from radar.web.dashboard.portfolio import annotated_alliances, build_row, latest_payloads
from radar.web.dashboard.summary import summarize
from radar.web.people.directory import people_of

OVERVIEW_STEPS = 3


@dataclass(frozen=True)
class Section:
    """One tab of the alliance page: `template` renders inside <section id=…>."""

    id: str
    label: str
    template: str


SECTIONS = (
    Section("signals", "Signals", "web/alliance/signals.html"),
    Section("people", "People", "web/alliance/people.html"),
    Section("timeline", "Timeline", "web/alliance/timeline.html"),
    Section("actions", "Decisions and actions", "web/alliance/actions.html"),
    Section("deliverables", "Deliverables", "web/alliance/deliverables.html"),
    Section("metrics", "Metrics", "web/alliance/metrics.html"),
    Section("agreement", "Agreement and governance", "web/alliance/agreement.html"),
)


def payload_for(alliance: Alliance, today: date, as_of: date | None) -> dict[str, Any] | None:
    """The stored latest assessment, or a fresh evaluation for a past date / a new alliance."""
    if as_of is None:
        stored = latest_payloads(Alliance.objects.filter(pk=alliance.pk)).get(alliance.pk)
        if stored is not None:
            return stored
    try:
        found = evaluate_portfolio(as_of or today, [alliance.pk], store=as_of is None)
    except (NotImplementedError, EvaluationFailed):
        return None
    return found[0].to_dict() if found else None


def alliance_url(alliance: Alliance, as_of: date | None = None) -> str:
    """The alliance page's address (a backtest keeps its day)."""
    url = reverse("alliance", args=[alliance.slug])
    return f"{url}?as_of={as_of.isoformat()}" if as_of else url


def open_actions(alliance: Alliance, cutoff: date) -> list[ActionItem]:
    """Action items still open on `cutoff`, soonest due first."""
    return list(
        ActionItem.objects.filter(decision__alliance=alliance, decision__decided_on__lte=cutoff)
        .filter(Q(done_on__isnull=True) | Q(done_on__gt=cutoff))
        .select_related("decision", "owner_user")
        .order_by("due_on", "pk")
    )


def state_context(
    alliance: Alliance, today: date, as_of: date | None = None, *, can_edit: bool = False
) -> dict[str, Any]:
    """The overview: score, why it moved, recommendation and the next things to do."""
    cutoff = as_of or today
    payload = payload_for(alliance, today, as_of)
    annotated = annotated_alliances(Alliance.objects.filter(pk=alliance.pk), cutoff).get()
    latest_checkin = (
        alliance.checkins.filter(held_on__lte=cutoff)
        .order_by("-held_on", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    actions = open_actions(alliance, cutoff)
    steps = next_steps(
        alliance,
        payload,
        actions,
        cutoff,
        can_edit=can_edit and as_of is None,
        latest_checkin=latest_checkin,
    )
    return {
        "alliance": alliance,
        "payload": payload,
        "row": build_row(annotated, summarize(payload) if payload else None, cutoff),
        "today": cutoff,
        "as_of": as_of,
        "steps": steps[:OVERVIEW_STEPS],
        "more_steps": max(0, len(steps) - OVERVIEW_STEPS),
        "latest_checkin": latest_checkin,
        "page_url": alliance_url(alliance, as_of),
        "can_edit": can_edit and as_of is None,
        "open_action_count": len(actions),
    }


def alliance_context(
    alliance: Alliance,
    today: date,
    as_of: date | None = None,
    *,
    can_edit: bool = False,
) -> dict[str, Any]:
    cutoff = as_of or today
    context = state_context(alliance, today, as_of, can_edit=can_edit)
    payload = context["payload"]
    contacts = list(alliance.contacts.select_related("successor").all())
    nodes, edges, graph_height = people.connection_graph(alliance, contacts, cutoff)
    signals = _signals(payload)
    decisions = (
        alliance.decisions.filter(decided_on__lte=cutoff)
        .select_related("decided_by")
        .prefetch_related(Prefetch("actions", queryset=_actions_by_due_date()))
    )
    return {
        **context,
        "sections": SECTIONS,
        "counts": {
            "signals": len(signals["confirmed"]),
            "people": sum(1 for c in contacts if c.is_current),
            "actions": context["open_action_count"],
        },
        "signals": signals,
        "signal_titles": {sig["rule"]: sig["title"] for sig in (payload or {}).get("signals", [])},
        "score_chart": _score_chart(payload),
        "people_sides": (("ours", "Our side"), ("partner", "Partner side")),
        "timeline": timeline(alliance, payload, cutoff, as_of=as_of),
        "people": people.people(contacts, cutoff),
        # Last direct contact and keep-in-touch status: today's view only (not in backtests).
        "touch": {} if as_of else people_of(alliance, today),
        "warnings": people.warnings(contacts, cutoff),
        "graph": {"nodes": nodes, "edges": edges, "height": graph_height},
        "deliverables": deliverables(alliance, cutoff),
        "metrics": metric_charts(alliance, cutoff),
        "agreement": agreement_of(alliance),
        "governance": governance(alliance, cutoff),
        "decisions": decisions,
        "context_factors": ContextFactor.objects.filter(
            Q(alliance=alliance) | Q(alliance__isnull=True), starts_on__lte=cutoff
        ),
    }


def _actions_by_due_date() -> Any:
    return ActionItem.objects.select_related("owner_user").order_by("due_on")


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
