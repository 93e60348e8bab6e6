"""What every importer shares: problems, summaries, progress, the registry.

An importer turns an outside file into store records in two steps: it parses
and validates everything first (collecting every problem with file, location
and column), then writes in one transaction. It never half-writes, and
re-importing the same source changes nothing (natural keys).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from radar.ingest.shown import shown
from radar.progress import Progress


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    file: str
    location: str  # "row 12", "line 40", "message <id@host>", "event UID …"
    message: str
    column: str = ""

    def __post_init__(self) -> None:
        # Messages quote the input, which may hold terminal escapes or be huge.
        for name in ("file", "location", "message", "column"):
            object.__setattr__(self, name, shown(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.file}, {self.location}"
        if self.column:
            where += f", column {self.column!r}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """Validation failed: nothing was written."""

    def __init__(self, problems: list[Problem], omitted: int = 0):
        self.problems = problems
        # Problems counted but not kept (a huge broken file stays cheap to report).
        self.omitted = omitted
        super().__init__(f"{len(problems) + omitted} problem(s); nothing was written")


@dataclass
class ImportSummary:
    """What an import changed (or, on a dry run, would change)."""

    kind: str
    source: str
    dry_run: bool = False
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    # Rows of an earlier import that the newer source shows were never real
    # (e.g. meetings still to come that a newer calendar export no longer has).
    removed: Counter[str] = field(default_factory=Counter)
    # What the source holds but the import left out, and why:
    # (what, why) -> how many, e.g. ("messages", "automatic replies …").
    skipped: Counter[tuple[str, str]] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            sum(self.created.values()) or sum(self.updated.values()) or sum(self.removed.values())
        )

    @property
    def kept(self) -> int:
        """Records the source held that are now in the store (new, updated or as they were)."""
        return (
            sum(self.created.values()) + sum(self.updated.values()) + sum(self.unchanged.values())
        )

    def skip(self, what: str, why: str, count: int = 1) -> None:
        """Count `count` records of the source (`what`: "messages") left out because `why`."""
        if count:
            self.skipped[(what, why)] += count

    def skipped_lines(self) -> list[str]:
        """One plain sentence per reason: "12 messages skipped: automatic replies …"."""
        return [
            f"{n:,} {what if n != 1 else _one(what)} skipped: {why}"
            for (what, why), n in self.skipped.items()
        ]


def _one(what: str) -> str:
    """The singular of a plural noun phrase: "calendar entries" -> "calendar entry"."""
    head, sep, rest = what.partition(" with ")
    *before, noun = head.split(" ")
    noun = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
    return " ".join([*before, noun]) + sep + rest


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    alliance: str | None = None  # restrict/assign to one alliance, by name or slug
    store_bodies: bool = False  # e-mail: keep message bodies (opt-in)
    # E-mail: domains of our own side, on top of settings.RADAR_OUR_DOMAINS (--our-domain).
    our_domains: tuple[str, ...] = ()
    # Calendars: the window recurring series are expanded over (docs/importers.md).
    since: date | None = None
    until: date | None = None
    # The day that counts as "today" (default: the clock, read by the caller).
    today: date | None = None
    # Spreadsheets and CRM exports: read 03/04/2025 as 3 April (not March 4).
    dayfirst: bool = False
    # Spreadsheets: explicit header mapping, ("Column heading", "field") pairs.
    column_map: tuple[tuple[str, str], ...] = ()
    # Where the notes are read: False for `radar import`, True for the web Import
    # page, whose users know the upload form, not command options or settings.
    web: bool = False

    def say(self, command: str, web: str) -> str:
        """The advice fit for where it is read (see `web`)."""
        return web if self.web else command


class Importer(Protocol):
    kind: str  # the --kind name, e.g. "bundle", "ics", "mbox"
    description: str

    def detect(self, path: Path) -> bool:
        """True when this importer recognises the file or folder."""
        ...

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        """Validate, then write in one transaction; raise ImportFailed on bad input."""
        ...
