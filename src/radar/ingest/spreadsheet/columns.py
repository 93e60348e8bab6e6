"""Which column of a health-tracking sheet means what.

Headings are matched after folding case, punctuation and spacing, against
the synonyms below; `--map "Heading=field"` overrides them. The field names
are what docs/importers.md documents and what `--map` accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SYNONYMS: dict[str, tuple[str, ...]] = {
    "partner": ("partner", "partner name", "alliance", "alliance name", "company", "account"),
    "date": ("date", "as of", "review date", "report date", "week", "month", "updated"),
    "last_contact": ("last contact", "last contacted", "last contact date", "last touch"),
    "deliverables": ("recent deliverables", "deliverables", "delivered", "completed"),
    "milestones": ("upcoming milestones", "milestones", "next milestones", "upcoming"),
    "metrics": ("key metrics", "metrics", "kpis", "kpi"),
    "signals": ("recent signals", "signals", "observations", "warning signs", "red flags"),
    "actions": ("action items", "actions", "next steps", "to do", "todo"),
    "score": ("health score", "health", "score", "rating", "health 1 5"),
    "notes": ("notes", "comments", "comment", "summary"),
}
FIELDS = tuple(SYNONYMS)
# A sheet is a health sheet when it has a partner column and one of these.
TELLING = frozenset({"score", "last_contact", "signals", "milestones", "metrics", "actions"})


def fold(heading: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(heading or "").casefold()).split())


_LOOKUP = {fold(s): field for field, names in SYNONYMS.items() for s in names}


def map_headers(
    headings: Iterable[object], explicit: Iterable[tuple[str, str]] = ()
) -> tuple[dict[int, str], list[str], list[str]]:
    """(column index -> field, unmapped headings, problems with the explicit map)."""
    wanted = {fold(heading): field.strip().lower() for heading, field in explicit}
    problems = [
        f"--map names an unknown field {field!r} (fields: {', '.join(FIELDS)})"
        for field in wanted.values()
        if field not in SYNONYMS
    ]
    mapping: dict[int, str] = {}
    unmapped: list[str] = []
    seen: set[str] = set()
    for index, heading in enumerate(headings):
        key = fold(heading)
        # "Health score (1-5)" is "Health score": a bracketed hint does not rename it.
        bare = fold(re.sub(r"\(.*?\)|\[.*?\]", " ", str(heading or "")))
        field = wanted.get(key) or _LOOKUP.get(key) or _LOOKUP.get(bare)
        if field in SYNONYMS and field not in seen:
            mapping[index] = field
            seen.add(field)
        elif key:
            unmapped.append(str(heading).strip())
    missing = [h for h, _ in explicit if fold(h) not in {fold(x) for x in headings}]
    problems += [f"--map names a column {h!r} that the sheet does not have" for h in missing]
    return mapping, unmapped, problems


def looks_like_health_sheet(headings: Iterable[object]) -> bool:
    mapping, _, _ = map_headers(headings)
    fields = set(mapping.values())
    return "partner" in fields and bool(fields & TELLING)
