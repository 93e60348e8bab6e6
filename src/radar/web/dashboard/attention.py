"""The "needs attention" queue: what a manager should look at first, and why.

Built from the assessments (confirmed patterns, systemic clusters, the engine's
cadence flags) plus two facts the store knows directly (last direct contact,
the latest check-in's manual vs computed score), without extra queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from radar.engine.words import days_ago
from radar.portfolio.flag_kinds import kind_of_flag
from radar.web.dashboard.portfolio import Row, awaits_neutral_review
from radar.web.present import humanize_code

NO_CONTACT_DAYS = 30
ATTENTION_LIMIT = 30  # alliances listed in the queue; the filters narrow it further
DIVERGENCE_POINTS = 2.0

# Kind -> (label, priority); lower priority numbers come first.
KINDS = {
    "systemic": ("Systemic cluster", 0),
    "pattern": ("Confirmed pattern", 1),
    "decision": ("Decision pending", 2),
    "divergence": ("Score divergence", 3),
    "review": ("Review overdue", 4),
    "contact": ("No recent contact", 5),
    "agreement": ("Agreement review", 6),
    "ritual": ("Governance overdue", 7),
    "other": ("Cadence", 8),
}


@dataclass(frozen=True)
class Item:
    kind: str
    row: Row
    detail: str

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def priority(self) -> int:
        return KINDS[self.kind][1]


def items_for(row: Row, today: date) -> list[Item]:
    summary = row.summary
    if summary is None:
        return []
    found: list[Item] = []
    if summary.systemic:
        cats = ", ".join(summary.systemic_categories)
        found.append(Item("systemic", row, f"Signals cluster across {cats}."))
    confirmed = summary.confirmed_titles
    if confirmed:
        titles = "; ".join(confirmed[:3])
        more = f" (+{len(confirmed) - 3} more)" if len(confirmed) > 3 else ""
        found.append(Item("pattern", row, titles + more))
    kinds = set()
    for flag in row.cadence:
        code = str(flag.get("code", ""))
        kind = kind_of_flag(code)
        kinds.add(kind)
        found.append(Item(kind, row, str(flag.get("message") or humanize_code(code))))
    # Facts the engine may not flag itself; never listed twice.
    if "contact" not in kinds:
        if row.last_contact is None:
            found.append(Item("contact", row, "No direct two-way contact on record."))
        elif (today - row.last_contact.date()).days > NO_CONTACT_DAYS:
            days = (today - row.last_contact.date()).days
            found.append(Item("contact", row, f"Last direct contact {days_ago(days)}."))
    if "review" not in kinds and row.review_overdue:
        detail = (
            f"Review was due on {row.next_review:%d %b %Y}."
            if row.next_review
            else "No review on record yet."
        )
        found.append(Item("review", row, detail))
    if "divergence" not in kinds and awaits_neutral_review(row, DIVERGENCE_POINTS):
        found.append(
            Item(
                "divergence",
                row,
                f"Reviewer scored {row.checkin_manual}, the radar {row.checkin_computed:.1f}: "
                "ask a neutral reviewer.",
            )
        )
    return found


def attention_queue(rows: Iterable[Row], today: date) -> list[Item]:
    items = [item for row in rows for item in items_for(row, today)]
    items.sort(key=lambda i: (i.priority, i.row.score if i.row.score is not None else 9))
    return items


@dataclass(frozen=True)
class Group:
    """All of one alliance's attention items, for a compact queue."""

    row: Row
    items: tuple[Item, ...]

    @property
    def priority(self) -> int:
        return min(i.priority for i in self.items)


def grouped(items: Iterable[Item]) -> list[Group]:
    """Items grouped per alliance, most urgent alliance first (queue order is kept)."""
    by_alliance: dict[int, list[Item]] = {}
    for item in items:
        by_alliance.setdefault(item.row.alliance.pk, []).append(item)
    groups = [Group(found[0].row, tuple(found)) for found in by_alliance.values()]
    groups.sort(
        key=lambda g: (g.priority, -len(g.items), g.row.score if g.row.score is not None else 9)
    )
    return groups
