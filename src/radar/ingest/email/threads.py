"""Threads and reply latency from Message-ID, In-Reply-To and References.

The index keeps four small things per message of the mailbox (its parents,
its References root, its date and the sender's side), whether or not the
message concerns a partner: a partner's reply to our internal note still
answers us. Parents missing from the mailbox are looked up among the mails
imported before, so a newer export continues the threads of an older one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from radar.engine.vocab import Direction
from radar.ingest.email.facts import OURS, Mail
from radar.portfolio.models import Interaction

SOURCE = "email"
_LOOKUP_BATCH = 500
_MAX_DEPTH = 1_000  # a loop of References never hangs the import


@dataclass(slots=True, frozen=True)
class Entry:
    parents: tuple[str, ...]
    root: str
    when: datetime | None
    sender: int  # side code: a partner id, OURS or OTHER
    automatic: bool = False  # an out-of-office note or report: nobody's reply


class ThreadIndex:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self._roots: dict[str, str] = {}

    def add(self, mail: Mail) -> None:
        entry = Entry(mail.parents, mail.root, mail.when, mail.sender, bool(mail.automatic))
        self.entries.setdefault(mail.key, entry)

    def load_stored(self, wanted: set[str]) -> None:
        """Parents this mailbox lacks, from earlier e-mail imports."""
        missing = sorted(wanted - self.entries.keys())
        for start in range(0, len(missing), _LOOKUP_BATCH):
            rows = Interaction.objects.filter(
                source=SOURCE, external_id__in=missing[start : start + _LOOKUP_BATCH]
            ).values_list(
                "external_id", "occurred_at", "direction", "thread_id", "alliance__partner_id"
            )
            for key, when, direction, thread, partner in rows:
                sender = partner if direction == Direction.INBOUND.value else OURS
                self.entries.setdefault(key, Entry((), thread or key, when, sender))

    def parent(self, mail: Mail) -> Entry | None:
        """The message this one answers: the first of its parents we know.

        An automatic message (an out-of-office note) answers nobody and is
        answered by nobody: a reply to it answers the message before it.
        """
        for key in mail.parents:
            entry = self.entries.get(key)
            if entry is not None and not entry.automatic:
                return entry
        return None

    def root(self, key: str) -> str:
        """The thread's first message: walk up the known parents, then trust References.

        Following parents first keeps every reply in its parent's thread even
        when a client trimmed or rewrote the References header.
        """
        path: list[str] = []
        current = key
        found = key
        for _ in range(_MAX_DEPTH):
            if current in self._roots:
                found = self._roots[current]
                break
            entry = self.entries.get(current)
            if entry is None:
                found = current  # an ancestor outside the mailbox starts the thread
                break
            path.append(current)
            known = next((p for p in entry.parents if p in self.entries), None)
            if known is None or known in path:  # the top we know (or a References loop)
                found = entry.root or (entry.parents[-1] if entry.parents else current)
                break
            current = known
        for step in path:
            self._roots[step] = found
        return found


def reply_hours(mail: Mail, parent: Entry | None, partner: int) -> float | None:
    """Hours since the other side's message this one answers (None if it answers no one)."""
    if parent is None or parent.when is None or mail.when is None:
        return None
    other_side = OURS if mail.sender == partner else partner
    if parent.sender != other_side:
        return None
    hours = (mail.when - parent.when).total_seconds() / 3600
    return round(hours, 4) if hours >= 0 else None  # a clock skew is not a reply time
