"""Everything the alliance page shows, gathered in one place (a few queries per section).

The page is an overview (score, why it moved, the recommendation, the next
things to do: `state_context`, which forms re-render after a save) and one
section per part of the record (`SECTIONS`). With `as_of` the page is a
backtest: the engine evaluates the alliance as it stood that day (not stored)
and the store's records are cut at that date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
from radar.portfolio.models import ActionItem, Alliance, ContextFactor, Decision
from radar.web.alliance import people
from radar.web.alliance.next_steps import next_steps
from radar.web.alliance.records import agreement_of, deliverables, governance, metric_charts
from radar.web.alliance.timeline import Event, decision_events, timeline
from radar.web.dashboard.portfolio import build_row, store_facts, with_store_facts
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
    return _assessment(alliance, today, as_of)[0]


def _assessment(
    alliance: Alliance, today: date, as_of: date | None
) -> tuple[dict[str, Any] | None, datetime | None]:
    """(payload, when it was computed) of the latest stored assessment, read in one
    query; a past date (never stored: no time) or a new alliance (stored: now) is
    evaluated instead."""
    if as_of is None:
        stored = alliance.assessments.order_by("-as_of").values_list("payload", "computed_at")
        found = stored.first()
        if found is not None:
            return found
    try:
        fresh = evaluate_portfolio(as_of or today, [alliance.pk], store=as_of is None)
    except (NotImplementedError, EvaluationFailed):
        return None, None
    if not fresh:
        return None, None
    return fresh[0].to_dict(), (timezone.now() if as_of is None else None)


def alliance_url(alliance: Alliance, as_of: date | None = None) -> str:
    """The alliance page's address (a backtest keeps its day)."""
    url = reverse("alliance", args=[alliance.slug])
    return f"{url}?as_of={as_of.isoformat()}" if as_of else url


def with_overview_facts(alliances: QuerySet[Alliance], cutoff: date) -> QuerySet[Alliance]:
    """`alliances` with what the overview shows besides the assessment, up to `cutoff`:
    the last direct contact and the latest check-in (its id too), in the same query."""
    _, checkins = store_facts(cutoff)
    latest = Subquery(checkins.values("pk")[:1])
    return with_store_facts(alliances, cutoff).annotate(latest_checkin=latest)


def open_actions(decisions: Iterable[Decision], cutoff: date) -> list[ActionItem]:
    """Action items of `decisions` (read with `decisions_of`) still open on `cutoff`,
    soonest due first."""
    found = [
        a for d in decisions for a in d.actions.all() if a.done_on is None or a.done_on > cutoff
    ]
    return sorted(found, key=lambda a: (a.due_on, a.pk))


def decisions_of(alliance: Alliance, cutoff: date) -> list[Decision]:
    """Decisions made by `cutoff`, newest first, with their action items (two queries)."""
    actions = ActionItem.objects.select_related("owner_user").order_by("due_on", "pk")
    return list(
        alliance.decisions.filter(decided_on__lte=cutoff)
        .select_related("decided_by")
        .prefetch_related(Prefetch("actions", queryset=actions))
    )


def state_context(
    alliance: Alliance,
    today: date,
    as_of: date | None = None,
    *,
    can_edit: bool = False,
    decisions: list[Decision] | None = None,
) -> dict[str, Any]:
    """The overview: score, why it moved, recommendation and the next things to do.
    `alliance` is read with `with_overview_facts` up to the page's day; `decisions`
    are its decisions, when the caller has already read them (`decisions_of`)."""
    cutoff = as_of or today
    payload, assessed_at = _assessment(alliance, today, as_of)
    latest_checkin = alliance.latest_checkin  # type: ignore[attr-defined]
    if decisions is None:
        decisions = decisions_of(alliance, cutoff)
    actions = open_actions(decisions, cutoff)
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
        "row": build_row(alliance, summarize(payload) if payload else None, cutoff),
        "today": cutoff,
        "as_of": as_of,
        "steps": steps[:OVERVIEW_STEPS],
        "more_steps": max(0, len(steps) - OVERVIEW_STEPS),
        "latest_checkin": latest_checkin,
        "assessed_at": assessed_at,
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
    decisions = decisions_of(alliance, cutoff)
    context = state_context(alliance, today, as_of, can_edit=can_edit, decisions=decisions)
    payload = context["payload"]
    contacts = list(alliance.contacts.select_related("successor").all())
    nodes, edges, graph_height = people.connection_graph(alliance, contacts, cutoff)
    signals = _signals(payload)
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
        "timeline": timeline(
            alliance, payload, cutoff, as_of=as_of, known={"decision": _decided(decisions, cutoff)}
        ),
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


def _decided(decisions: list[Decision], cutoff: date) -> list[Event]:
    """The timeline's decision events from the decisions the page shows (an action is
    done after its decision is made, so these hold every action done by `cutoff`)."""
    done = [(a.done_on, a) for d in decisions for a in d.actions.all() if a.done_on]
    newest_first = sorted((p for p in done if p[0] <= cutoff), key=lambda p: p[0], reverse=True)
    return decision_events(decisions, [a for _, a in newest_first])


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
