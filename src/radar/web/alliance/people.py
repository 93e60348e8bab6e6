"""Contacts on both sides, their tenure, key-person warnings and the connection graph."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from radar.engine.vocab import KEY_ROLES, ContactRole
from radar.portfolio.models import Alliance, Contact, InteractionParticipant
from radar.web.days import day_start

# A key contact who left within this window still shows as a warning.
CHANGE_WINDOW = timedelta(days=180)
GRAPH_WINDOW = timedelta(days=365)
CHAMPION_ROLES = {ContactRole.CHAMPION.value, ContactRole.EXECUTIVE_SPONSOR.value}


@dataclass(frozen=True)
class Person:
    contact: Contact
    tenure_days: int | None

    @property
    def tenure(self) -> str:
        if self.tenure_days is None:
            return "tenure unknown"
        years, days = divmod(self.tenure_days, 365)
        months = days // 30
        if years:
            return f"{years} yr {months} mo" if months else f"{years} yr"
        return f"{months} mo" if months else f"{self.tenure_days} days"


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    side: str
    current: bool
    x: int
    y: int

    @property
    def label_x(self) -> int:
        return self.x - 12 if self.side == "ours" else self.x + 12

    @property
    def anchor(self) -> str:
        return "end" if self.side == "ours" else "start"


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    weight: int


def people(contacts: list[Contact], today: date) -> dict[str, list[Person]]:
    sides: dict[str, list[Person]] = {"ours": [], "partner": []}
    for c in contacts:
        end = c.ended_on or today
        tenure = (end - c.started_on).days if c.started_on else None
        sides.setdefault(c.side, []).append(Person(c, tenure))
    for group in sides.values():
        group.sort(
            key=lambda p: (not p.contact.is_current, p.contact.role != "champion", p.contact.name)
        )
    return sides


def warnings(contacts: list[Contact], today: date) -> list[tuple[str, str]]:
    """(severity, text): single point of contact and champion changes."""
    found: list[tuple[str, str]] = []
    current_partner = [c for c in contacts if c.side == "partner" and c.is_current]
    if len(current_partner) == 1:
        found.append(
            (
                "strong",
                f"Single point of contact: {current_partner[0].name} is the only current "
                "partner contact. If they move on, the alliance loses its voice.",
            )
        )
    elif not current_partner:
        found.append(("strong", "No current partner contact on record."))
    key_values = {r.value for r in KEY_ROLES}
    for c in contacts:
        if c.ended_on and c.role in key_values and today - c.ended_on <= CHANGE_WINDOW:
            reason = c.get_end_reason_display().lower() if c.end_reason else "moved on"
            successor = (
                f"; successor: {c.successor.name}" if c.successor else "; no successor named"
            )
            severity = "strong" if c.role in CHAMPION_ROLES and not c.successor else "normal"
            found.append(
                (
                    severity,
                    f"{c.get_role_display()} change: {c.name} ({c.get_side_display().lower()}) "
                    f"{reason} on {c.ended_on:%d %b %Y}{successor}.",
                )
            )
    for role in CHAMPION_ROLES:
        if not any(c.role == role and c.is_current and c.side == "partner" for c in contacts):
            label = ContactRole(role).value.replace("_", " ")
            found.append(("normal", f"The partner side has no current {label}."))
    return found


def connection_graph(
    alliance: Alliance, contacts: list[Contact], today: date
) -> tuple[list[Node], list[Edge], int]:
    """Who on our side met whom on theirs in the last year (shared interactions).

    Returns nodes laid out in two columns, weighted edges and the SVG height.
    """
    since = today - GRAPH_WINDOW
    rows = InteractionParticipant.objects.filter(
        interaction__alliance=alliance,
        interaction__occurred_at__gte=day_start(since),
        interaction__cancelled=False,
        attended=True,
    ).values_list("interaction_id", "contact_id")
    by_interaction: dict[int, set[int]] = {}
    for interaction_id, contact_id in rows:
        by_interaction.setdefault(interaction_id, set()).add(contact_id)
    side = {c.pk: c.side for c in contacts}
    pairs: Counter[tuple[int, int]] = Counter()
    for members in by_interaction.values():
        ours = [m for m in members if side.get(m) == "ours"]
        theirs = [m for m in members if side.get(m) == "partner"]
        pairs.update(product(ours, theirs))
    shown = [c for c in contacts if c.is_current or any(c.pk in p for p in pairs)]
    columns = {
        "ours": [c for c in shown if c.side == "ours"],
        "partner": [c for c in shown if c.side == "partner"],
    }
    height = max(80, 30 * max(len(columns["ours"]), len(columns["partner"]), 1) + 40)
    nodes: dict[int, Node] = {}
    for key, x in (("ours", 150), ("partner", 290)):
        for i, c in enumerate(columns[key]):
            nodes[c.pk] = Node(c.pk, c.name, key, c.is_current, x, 44 + i * 30)
    edges = [
        Edge(nodes[a], nodes[b], n) for (a, b), n in pairs.items() if a in nodes and b in nodes
    ]
    return list(nodes.values()), edges, height
