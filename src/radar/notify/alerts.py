"""Alerts: tell the people concerned once per change, and remind them while it lasts.

`check_alerts(ids, today)` reads the latest stored assessment of each alliance,
compares each alert condition (radar.notify.conditions) with what was last said
(`AlertState`), and sends an alert when a condition becomes true or changes
(reset -> exit), a "still true" reminder RADAR_ALERT_REMINDER_DAYS after the
last message, and nothing otherwise. The states are locked while they are
compared and updated, so two workers checking the same alliance at once send
one alert, not two. Called after every re-assessment: the nightly run, the
re-score of changed alliances, a full evaluation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery

from radar.notify import delivery
from radar.notify.conditions import KINDS, Condition, conditions
from radar.notify.models import AlertState
from radar.portfolio.models import Alliance, Assessment

CHUNK = 500


@dataclass(frozen=True)
class Alert:
    alliance_id: int
    condition: Condition
    reminder: bool  # "still true", not a new change
    payload: Mapping[str, Any]


def decide(state: AlertState, found: Condition | None, today: date, every: int) -> str | None:
    """Update `state` for today's finding; returns "new", "still", "cleared" or None."""
    if found is None:
        if not state.active:
            return None
        state.active, state.cleared_on = False, today
        return "cleared"
    if not state.active or state.fingerprint != found.fingerprint:
        state.active, state.fingerprint = True, found.fingerprint
        state.opened_on = state.notified_on = today
        state.cleared_on = None
        return "new"
    if state.notified_on is None or (today - state.notified_on).days >= every:
        state.notified_on = today
        return "still"
    return None


def latest_payloads(ids: Sequence[int]) -> dict[int, Mapping[str, Any]]:
    newest = Assessment.objects.filter(alliance=OuterRef("alliance")).order_by("-as_of")
    rows = Assessment.objects.filter(
        alliance_id__in=list(ids), as_of=Subquery(newest.values("as_of")[:1])
    ).values_list("alliance_id", "payload")
    return dict(rows)


@dataclass(frozen=True)
class AlertsSent:
    alerts: int  # alerts decided (each in the inbox of whoever asked for it)
    undelivered: int = 0  # e-mails and chat posts that failed (logged; the job says so)


def check_alerts(ids: Sequence[int], today: date) -> AlertsSent:
    """Send what changed for these alliances; says how many alerts went out and how
    many of their e-mails and chat posts could not be delivered."""
    every = settings.RADAR_ALERT_REMINDER_DAYS
    total = undelivered = 0
    for chunk in _chunks(sorted(set(ids))):
        payloads = latest_payloads(chunk)
        with transaction.atomic():
            alerts = _compare(payloads, today, every)
            pending = delivery.record(alerts)  # inbox rows, in this transaction
        outcome = delivery.send(pending)  # e-mail and chat once the states are committed
        total += len(alerts)
        undelivered += outcome.get("email_failed", 0) + outcome.get("chat_failed", 0)
    return AlertsSent(total, undelivered)


def _compare(payloads: Mapping[int, Mapping[str, Any]], today: date, every: int) -> list[Alert]:
    active = Alliance.objects.filter(pk__in=list(payloads), active=True)  # not the archived
    live = set(active.values_list("pk", flat=True))
    AlertState.objects.bulk_create(
        [AlertState(alliance_id=a, kind=k) for a in sorted(live) for k in KINDS],
        ignore_conflicts=True,
    )
    states = AlertState.objects.select_for_update().filter(alliance_id__in=sorted(live))
    found = {a: conditions(payloads[a]) for a in live}
    alerts: list[Alert] = []
    changed: list[AlertState] = []
    for state in states.order_by("alliance_id", "kind"):
        condition = found[state.alliance_id].get(state.kind)
        outcome = decide(state, condition, today, every)
        if outcome is None:
            continue
        changed.append(state)
        if condition is not None and outcome in ("new", "still"):
            payload = payloads[state.alliance_id]
            alerts.append(Alert(state.alliance_id, condition, outcome == "still", payload))
    AlertState.objects.bulk_update(
        changed, ["active", "fingerprint", "opened_on", "notified_on", "cleared_on"]
    )
    return alerts


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
