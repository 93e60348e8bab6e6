"""An alliance's timeline: what happened, newest first, filterable by kind, page by page.

Each kind reads at most `page * PAGE_SIZE + 1` of its newest rows, so a page costs
the same few queries however long the alliance's history is; the "+1" tells
whether older items exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from radar.portfolio.models import ActionItem, Alliance, ContextFactor, Decision, ReviewComment
from radar.web.days import day_after
from radar.web.history.changes import alliance_changes, describe
from radar.web.present import parse_date, ritual_label

PAGE_SIZE = 40
MAX_PAGE = 500

# Filter key -> label, in the order the filter shows them.
KINDS: dict[str, str] = {
    "meeting": "Meetings and calls",
    "message": "E-mails and messages",
    "signal": "Signals",
    "review": "Reviews",
    "decision": "Decisions and actions",
    "observation": "Observations and context",
    "change": "Changes to records",
}


@dataclass(frozen=True)
class Event:
    when: date
    kind: str  # a key of KINDS
    title: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class TimelinePage:
    events: list[Event]
    kinds: tuple[str, ...]  # the kinds shown
    page: int
    has_older: bool
    as_of: date | None = None  # a backtest's day, kept in the links

    @property
    def filtered(self) -> bool:
        return set(self.kinds) != set(KINDS)

    @property
    def older_query(self) -> str:
        return self.query(self.page + 1) if self.has_older else ""

    @property
    def newer_query(self) -> str:
        return self.query(self.page - 1) if self.page > 1 else ""

    def query(self, page: int) -> str:
        """The query string of another page of this view of the timeline."""
        params: list[tuple[str, str]] = []
        if self.as_of:
            params.append(("as_of", self.as_of.isoformat()))
        if self.filtered:
            params += [("kind", k) for k in self.kinds]
        if page > 1:
            params.append(("page", str(page)))
        return "?" + urlencode(params)


def parse_kinds(values: Iterable[str]) -> tuple[str, ...]:
    """Known kinds in filter order; none (or only unknown ones) means all."""
    chosen = {v for v in values if v in KINDS}
    return tuple(k for k in KINDS if k in chosen) or tuple(KINDS)


def parse_page(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) <= MAX_PAGE else 1


Source = Callable[[Alliance, Mapping[str, Any] | None, date, int], list[Event]]


def _interactions(kinds: tuple[str, ...], event_kind: str) -> Source:
    def read(alliance: Alliance, _payload: Any, cutoff: date, limit: int) -> list[Event]:
        rows = alliance.interactions.filter(
            kind__in=kinds, occurred_at__lt=day_after(cutoff)
        ).order_by("-occurred_at")[:limit]
        return [_interaction_event(i, event_kind) for i in rows]

    return read


def _interaction_event(i: Any, event_kind: str) -> Event:
    if event_kind == "message":
        sender = "the partner" if i.direction == "inbound" else "us"
        what = f"{i.get_kind_display()} from {sender}"
    else:
        what = i.get_kind_display()
        if i.ritual and i.ritual != "none":
            what = f"{ritual_label(i.ritual)} ({what.lower()})"
    if i.cancelled:
        what += " — cancelled"
    return Event(i.occurred_at.date(), event_kind, what, i.subject)


def _signals(_alliance: Alliance, payload: Any, cutoff: date, limit: int) -> list[Event]:
    found = []
    for signal in (payload or {}).get("signals", []):
        day = parse_date(signal.get("confirmed_since") or signal.get("first_seen"))
        if day and day <= cutoff and signal.get("confirmed"):
            title = f"Signal confirmed: {signal['title']}"
            found.append(Event(day, "signal", title, signal.get("detail", "")))
    return sorted(found, key=lambda e: e.when, reverse=True)[:limit]


def _reviews(alliance: Alliance, _payload: Any, cutoff: date, limit: int) -> list[Event]:
    found = []
    for c in alliance.checkins.filter(held_on__lte=cutoff).order_by("-held_on")[:limit]:
        score = f"manager's score {c.manual_score}" if c.manual_score else "no manager's score"
        url = reverse("checkin", args=[alliance.slug, c.pk])
        found.append(Event(c.held_on, "review", "Health review", score, url))
    comments = (
        ReviewComment.objects.filter(checkin__alliance=alliance, created_at__lt=day_after(cutoff))
        .select_related("checkin")
        .order_by("-created_at")[:limit]
    )
    for r in comments:
        url = reverse("checkin", args=[alliance.slug, r.checkin_id])
        title = f"Neutral review: {r.get_stance_display().lower()} by {r.author_name or 'someone'}"
        found.append(Event(r.created_at.date(), "review", title, r.body, url))
    return found


def _decisions(alliance: Alliance, _payload: Any, cutoff: date, limit: int) -> list[Event]:
    decisions = alliance.decisions.filter(decided_on__lte=cutoff).order_by("-decided_on")
    done = ActionItem.objects.filter(
        decision__alliance=alliance, done_on__isnull=False, done_on__lte=cutoff
    ).order_by("-done_on")
    return decision_events(decisions[:limit], done[:limit])


def decision_events(decisions: Iterable[Decision], done: Iterable[ActionItem]) -> list[Event]:
    """The timeline's decisions and the action items done, from records already read."""
    found = [
        Event(d.decided_on, "decision", f"Decision: {d.get_kind_display()}", d.rationale)
        for d in decisions
    ]
    found += [
        Event(a.done_on, "decision", f"Action done: {a.title}", a.owner)
        for a in done
        if a.done_on is not None  # always, by the callers' filters: narrows the type
    ]
    return found


def _observations(alliance: Alliance, _payload: Any, cutoff: date, limit: int) -> list[Event]:
    found = []
    for o in alliance.observations.filter(observed_on__lte=cutoff).order_by("-observed_on")[:limit]:
        source = "External signal" if o.source == "external" else "Observation"
        found.append(Event(o.observed_on, "observation", f"{source}: {o.title}", o.detail))
    factors = ContextFactor.objects.filter(alliance=alliance, starts_on__lte=cutoff)
    for f in factors.order_by("-starts_on")[:limit]:
        title = f"Context: {f.get_kind_display().lower()} begins"
        found.append(Event(f.starts_on, "observation", title, f.note))
    return found


def _changes(alliance: Alliance, _payload: Any, cutoff: date, limit: int) -> list[Event]:
    found = []
    for entry in alliance_changes(alliance.pk, cutoff, limit):
        change = describe(entry)
        found.append(Event(timezone.localdate(change.when), "change", change.title, change.detail))
    return found


SOURCES: dict[str, list[Source]] = {
    "meeting": [_interactions(("meeting", "call"), "meeting")],
    "message": [_interactions(("email", "message"), "message")],
    "signal": [_signals],
    "review": [_reviews],
    "decision": [_decisions],
    "observation": [_observations],
    "change": [_changes],
}


def timeline(
    alliance: Alliance,
    payload: Mapping[str, Any] | None,
    cutoff: date,
    kinds: tuple[str, ...] = tuple(KINDS),
    page: int = 1,
    as_of: date | None = None,
    known: Mapping[str, list[Event]] | None = None,
) -> TimelinePage:
    """`known`: kind -> all its events up to `cutoff`, when the caller has the records
    already (the alliance page shows every decision anyway): not read again."""
    limit = page * PAGE_SIZE + 1
    events: list[Event] = []
    for kind in kinds:
        if known and kind in known:
            events += known[kind]
            continue
        for source in SOURCES[kind]:
            events += source(alliance, payload, cutoff, limit)
    events.sort(key=lambda e: e.when, reverse=True)  # stable: same-day order kept
    start = (page - 1) * PAGE_SIZE
    shown = events[start : start + PAGE_SIZE]
    return TimelinePage(shown, kinds, page, len(events) > start + PAGE_SIZE, as_of)
