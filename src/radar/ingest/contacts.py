"""Contacts created on first sight, with the first and last time we saw them.

Importers call `see()` for every person in every meeting or message, then
`plan()` once (one query for the existing contacts) and `write()` inside the
import's transaction. Seen dates only ever widen, so re-importing the same
file changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from radar.ingest.base import ImportSummary
from radar.portfolio.models import Contact

ContactKey = tuple[int, str]  # (alliance id, lower-case e-mail)


@dataclass
class _Sighting:
    name: str
    side: str
    first: datetime | None  # None: only seen at meetings still to come
    last: datetime | None


def display_name(email: str, name: str = "") -> str:
    """The name to show: the one given, else 'jane.doe@x' becomes 'Jane Doe'."""
    name = " ".join(name.replace('"', "").split())
    if name and "@" not in name:
        return name[:200]
    local = email.partition("@")[0]
    words = [w for w in local.replace("_", ".").replace("-", ".").split(".") if w]
    return (" ".join(w.capitalize() for w in words) or email)[:200]


class ContactBook:
    def __init__(self) -> None:
        self._seen: dict[ContactKey, _Sighting] = {}
        self._ids: dict[ContactKey, int] = {}
        self._new: list[ContactKey] = []
        self._widen: list[tuple[int, datetime | None, datetime | None]] = []
        self._planned = False

    def see(
        self, alliance_id: int, email: str, name: str, side: str, when: datetime | None
    ) -> ContactKey:
        """Record a sighting; `when=None` (a future meeting) creates without dating."""
        key = (alliance_id, email.strip().lower())
        seen = self._seen.get(key)
        if seen is None:
            self._seen[key] = _Sighting(display_name(key[1], name), side, when, when)
        else:
            seen.first = _earliest(seen.first, when)
            seen.last = _latest(seen.last, when)
            if name and "@" not in name and "@" in seen.name:
                seen.name = display_name(key[1], name)
        return key

    def side(self, key: ContactKey) -> str:
        """The side a person seen in this import is on."""
        return self._seen[key].side

    def plan(self, summary: ImportSummary) -> None:
        """Compare with the store (one query) and count what would change."""
        alliance_ids = {a for a, _ in self._seen}
        stored = Contact.objects.filter(alliance_id__in=alliance_ids).exclude(email="")
        existing = {
            (row["alliance_id"], row["email"].lower()): row
            for row in stored.values("id", "alliance_id", "email", "first_seen", "last_seen")
        }
        for key, seen in self._seen.items():
            row = existing.get(key)
            if row is None:
                self._new.append(key)
                summary.created["contacts"] += 1
                continue
            self._ids[key] = row["id"]
            first = _earliest(row["first_seen"], seen.first)
            last = _latest(row["last_seen"], seen.last)
            if (first, last) != (row["first_seen"], row["last_seen"]):
                self._widen.append((row["id"], first, last))
                summary.updated["contacts"] += 1
            else:
                summary.unchanged["contacts"] += 1
        self._planned = True

    def write(self) -> dict[ContactKey, int]:
        """Create new contacts and widen seen dates; return every key's contact id."""
        assert self._planned, "plan() first"
        fresh = [
            Contact(
                alliance_id=key[0],
                email=key[1],
                name=self._seen[key].name,
                side=self._seen[key].side,
                first_seen=self._seen[key].first,
                last_seen=self._seen[key].last,
            )
            for key in self._new
        ]
        Contact.objects.bulk_create(fresh, batch_size=1000)
        if self._new:
            rows = Contact.objects.filter(alliance_id__in={a for a, _ in self._new}).exclude(
                email=""
            )
            for pk, alliance_id, email in rows.values_list("id", "alliance_id", "email"):
                self._ids.setdefault((alliance_id, email.lower()), pk)
        widened = [Contact(pk=pk, first_seen=f, last_seen=last) for pk, f, last in self._widen]
        Contact.objects.bulk_update(widened, ["first_seen", "last_seen"], batch_size=1000)
        return self._ids


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min(a, b) if a and b else a or b


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max(a, b) if a and b else a or b
