"""The free-text cells of a health sheet, read item by item.

Cells hold lists ("a; b" or one item per line). Milestones and action items
may carry a date and an owner in brackets or after a dash; metric cells read
"leads: 12; revenue: 40k". Signals get a category and polarity from a few
keywords (editable afterwards in the admin: this is a first guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from radar.ingest.dates import DateError, parse_date

_SPLIT = re.compile(r"\s*(?:;|\n|\r|•|\s\|\s)\s*")
_DATE_TOKEN = re.compile(
    r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})"
)
_METRIC = re.compile(r"^(?P<name>[^:=]+?)\s*[:=]\s*(?P<value>.+)$")
_NUMBER = re.compile(r"^[-+]?[$€£]?\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*([kKmM%]?)\s*[$€£]?$")
METRIC_ALIASES = {
    "revenue": "joint_revenue",
    "joint revenue": "joint_revenue",
    "sourced revenue": "joint_revenue",
    "pipeline": "pipeline",
    "open pipeline": "pipeline",
    "leads": "leads",
    "new leads": "leads",
    "opportunities": "leads",
}
CATEGORY_WORDS = {
    "communication": ("reply", "replies", "respond", "silent", "silence", "meeting", "call"),
    "resource": (
        "left",
        "leaves",
        "leaving",
        "reassigned",
        "champion",
        "sponsor",
        "headcount",
        "team",
        "budget",
        "hire",
        "departure",
    ),
    "priority": (
        "priority",
        "priorities",
        "competitor",
        "competing",
        "roadmap",
        "focus",
        "strategy",
        "reorg",
    ),
    "execution": ("late", "delay", "delayed", "missed", "slipped", "overdue", "deliverable"),
    "culture": ("blame", "blaming", "defensive", "trust", "tone", "friction", "tension"),
    "metrics": ("leads", "revenue", "pipeline", "conversion", "deals", "nps", "satisfaction"),
}
POSITIVE_WORDS = (
    "won",
    "win",
    "growth",
    "grew",
    "new idea",
    "idea",
    "expanded",
    "praised",
    "promoted",
    "increase",
    "increased",
    "record",
    "introduced",
    "new contact",
)


# Amounts and metric values beyond a quadrillion are typing mistakes (or garbage).
MAX_NUMBER = 1e15


class ItemError(ValueError):
    """One item in a cell could not be read."""


def split_items(text: object) -> list[str]:
    if text is None:
        return []
    parts = _SPLIT.split(str(text))
    return [" ".join(p.strip(" -*").split()) for p in parts if p.strip(" -*")]


@dataclass(frozen=True)
class Dated:
    title: str
    when: date | None
    owner: str = ""


def dated_item(item: str, dayfirst: bool) -> Dated:
    """'Beta launch (2025-04-30, Ana)' -> title, date, owner; no date -> when=None."""
    found = _DATE_TOKEN.search(item)
    when = None
    if found:
        try:
            when = parse_date(found.group(1), dayfirst=dayfirst)
        except DateError as exc:
            raise ItemError(f"{item!r}: {exc}") from exc
        item = (item[: found.start()] + item[found.end() :]).strip()
    owner = ""
    bracket = re.search(r"\(([^()]*)\)\s*$", item)
    if bracket:
        inner = bracket.group(1).strip(" ,;-")
        if inner and len(inner) <= 60:
            owner = inner
        item = item[: bracket.start()]
    title = item.strip(" -\u2013:,;()")
    for prefix in ("due", "by", "on"):
        if title.lower().endswith(" " + prefix):
            title = title[: -len(prefix) - 1].rstrip(" -\u2013:,;")
    return Dated(title or "(untitled)", when, owner)


def metric_pairs(text: object) -> list[tuple[str, str, float]]:
    """[(key, display name, value)] from 'leads: 12; revenue: 40k'."""
    pairs = []
    for item in split_items(text):
        match = _METRIC.match(item)
        if not match:
            raise ItemError(f"{item!r} is not 'name: value' (e.g. 'leads: 12; revenue: 40k')")
        name = " ".join(match["name"].split())
        pairs.append((metric_key(name), name[:200], number(match["value"])))
    return pairs


def metric_key(name: str) -> str:
    folded = " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())
    return METRIC_ALIASES.get(folded, folded.replace(" ", "_")[:60] or "metric")


def number(text: str) -> float:
    match = _NUMBER.match(text.strip().replace(" ", ""))
    if not match:
        raise ItemError(f"{text!r} is not a number (e.g. 12, 40k, 1.5M, 35%)")
    value = float(match[1].replace(",", "")) * {"k": 1e3, "m": 1e6}.get(match[2].lower(), 1)
    if abs(value) > MAX_NUMBER:  # also a string of digits too long for a float (inf)
        raise ItemError(f"{_shown(text)} is too large (at most {MAX_NUMBER:,.0f})")
    return value


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def classify_signal(text: str) -> tuple[str, str]:
    """(category or "", polarity) from keywords."""
    lowered = text.casefold()
    words = set(re.findall(r"[a-z]+", lowered))
    positive = any((w in lowered) if " " in w else (w in words) for w in POSITIVE_WORDS)
    polarity = "positive" if positive else "negative"
    for category, keys in CATEGORY_WORDS.items():
        if words & set(keys):
            return category, polarity
    return "", polarity
