"""One user's weekly digest, cut from the portfolio facts (radar.notify.digest_data).

Scope: the alliances a user owns; every alliance for administrators; never the
muted ones. Sections follow the rhythm of alliance management: what needs
attention, people gone quiet, reviews and rituals due, decisions waiting,
actions, agreement dates within 90 days, what improved — and a table of
scores against last week that reads well in any mail client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from django.template.loader import render_to_string

from radar.engine.words import days_ago
from radar.notify.channels import Message
from radar.notify.digest_data import DEADLINE_DAYS, PortfolioFacts
from radar.notify.links import absolute, alliance_link, preferences_link
from radar.notify.recipients import Choices, is_admin
from radar.portfolio.models import Alliance

SHOWN = 12  # items per section; the rest are counted
IMPROVED_POINTS = 0.3
CLEARED = {
    "systemic": "no longer systemic",
    "drop": "score recovered",
    "response": "no longer needs a reset or exit",
    "watch": "off watch",
}
CADENCE_SECTIONS = {
    "review_overdue": "reviews",
    "ritual_overdue": "reviews",
    "agreement_review_overdue": "reviews",
    "decision_overdue": "decisions",
}


@dataclass(frozen=True)
class Item:
    alliance: str
    link: str
    text: str


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)

    @property
    def shown(self) -> list[Item]:
        return self.items[:SHOWN]

    @property
    def more(self) -> int:
        return max(0, len(self.items) - SHOWN)


@dataclass(frozen=True)
class ScoreRow:
    alliance: str
    link: str
    score: float | None  # None: not enough data yet (engine schema 2.0)
    last_week: float | None

    @property
    def width(self) -> int:
        return 0 if self.score is None else max(2, round(self.score / 5 * 100))

    @property
    def change(self) -> float | None:
        if self.score is None or self.last_week is None:
            return None
        return round(self.score - self.last_week, 1)

    def order(self) -> tuple[bool, float]:
        """Lowest score first; those without a score after the scored ones."""
        return (self.score is None, self.score or 0.0)


@dataclass
class Digest:
    user: User
    today: date
    scope: int
    sections: list[Section]
    scores: list[ScoreRow]

    @property
    def empty(self) -> bool:
        return not any(s.items for s in self.sections)


def scope_of(user: User, choice: Choices, facts: PortfolioFacts) -> list[Alliance]:
    everyone = is_admin(user)
    found = [
        a
        for a in facts.alliances.values()
        if (everyone or a.owner_id == user.pk) and a.pk not in choice.muted
    ]
    return sorted(found, key=lambda a: a.name.casefold())


def build(user: User, choice: Choices, facts: PortfolioFacts) -> Digest | None:
    """The digest of `user`, or None when they have no alliance to hear about."""
    alliances = scope_of(user, choice, facts)
    if not alliances:
        return None
    sections = {
        key: Section(title)
        for key, title in (
            ("attention", "Needs attention"),
            ("people", "People not contacted within their keep-in-touch interval"),
            ("reviews", "Reviews and governance rituals due"),
            ("decisions", "Decisions pending after a confirmed pattern"),
            ("actions", "Open and overdue actions"),
            ("deadlines", f"Agreement dates within {DEADLINE_DAYS} days"),
            ("improved", "What improved"),
        )
    }
    scores: list[ScoreRow] = []
    for alliance in alliances:
        _add(alliance, facts, sections, scores)
    scores.sort(key=ScoreRow.order)
    return Digest(user, facts.today, len(alliances), list(sections.values()), scores)


def _add(
    alliance: Alliance, facts: PortfolioFacts, sections: dict[str, Section], scores: list[ScoreRow]
) -> None:
    link = alliance_link(alliance.slug)

    def item(key: str, text: str) -> None:
        sections[key].items.append(Item(alliance.name, link, text))

    summary = facts.summaries.get(alliance.pk)
    if summary is not None:
        if summary.systemic:
            item(
                "attention",
                f"Systemic: signals cluster across {', '.join(summary.systemic_categories)}.",
            )
        elif summary.action in ("reset", "exit"):
            item("attention", summary.headline or f"A {summary.action} is recommended.")
        elif summary.confirmed_titles:
            item("attention", "Confirmed: " + "; ".join(summary.confirmed_titles[:3]) + ".")
        for flag in summary.cadence:
            key = CADENCE_SECTIONS.get(str(flag.get("code", "")))
            if key:
                item(key, str(flag.get("message", "")))
        row = ScoreRow(alliance.name, link, summary.score, facts.last_week.get(alliance.pk))
        scores.append(row)
        if row.change is not None and row.change >= IMPROVED_POINTS - 1e-9:
            item(
                "improved", f"Score up from {row.last_week:.1f} to {row.score:.1f} since last week."
            )
    for name, seen, every in facts.quiet_contacts.get(alliance.pk, []):
        item("people", _quiet(name, seen, every, facts.today))
    for title, owner, due in facts.actions.get(alliance.pk, []):
        item("actions", _action(title, owner, due, facts.today))
    for label, day in facts.deadlines.get(alliance.pk, []):
        item("deadlines", f"{label} on {day:%d %b %Y} (in {(day - facts.today).days} days).")
    for kind in facts.cleared.get(alliance.pk, []):
        item("improved", f"{CLEARED.get(kind, kind).capitalize()}.")


def _quiet(name: str, seen: date | None, every: int, today: date) -> str:
    if seen is None:
        return f"{name}: no direct contact on record (keep in touch every {every} days)."
    return (
        f"{name}: last direct contact {days_ago((today - seen).days)} ({seen:%d %b %Y}); "
        f"keep in touch every {every} days."
    )


def _action(title: str, owner: str, due: date, today: date) -> str:
    """Every open action, each alliance's in due-date order: overdue ones say since when."""
    who = f" ({owner})" if owner else ""
    if due < today:
        return f"Overdue since {due:%d %b %Y}: {title}{who}."
    return f"Due {due:%d %b %Y}: {title}{who}."


def message(digest: Digest) -> Message:
    title = f"Your alliances this week ({digest.today:%d %b %Y})"
    dashboard = absolute("/")
    context = {
        "title": title,
        "digest": digest,
        "dashboard": dashboard,
        "preferences": preferences_link(),
    }
    return Message(
        kind="digest",
        title=title,
        text=render_to_string("notify/email/digest.txt", context),
        html=render_to_string("notify/email/digest.html", context),
        link=dashboard,
        summary=_summary_line(digest),
    )


def _summary_line(digest: Digest) -> str:
    counts = [f"{len(s.items)} {s.title.lower()}" for s in digest.sections if s.items]
    return "; ".join(counts) or "Nothing needs your attention this week."
