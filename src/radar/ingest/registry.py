"""The list of importers `radar import` chooses from."""

from __future__ import annotations

import importlib
from pathlib import Path

from radar.ingest.base import Importer

_IMPORTERS: list[Importer] = []


def register(importer: Importer) -> Importer:
    _IMPORTERS.append(importer)
    return importer


def all_importers() -> list[Importer]:
    _load_builtin()
    return list(_IMPORTERS)


def by_kind(kind: str) -> Importer:
    for importer in all_importers():
        if importer.kind == kind:
            return importer
    known = ", ".join(sorted(i.kind for i in all_importers()))
    raise LookupError(f"unknown import kind {kind!r}; known kinds: {known}")


def detect(path: Path) -> Importer:
    for importer in all_importers():
        if importer.detect(path):
            return importer
    raise LookupError(f"cannot tell what kind of file {path} is; pass --kind")


_loaded = False


def _load_builtin() -> None:
    """Import the built-in importer modules once; each registers itself."""
    global _loaded
    if _loaded:
        return
    _loaded = True

    # Order matters: the first importer whose detect() says yes wins.
    for module in ("bundle", "ics", "email", "spreadsheet", "crm"):
        try:
            importlib.import_module(f"radar.ingest.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"radar.ingest.{module}":
                raise
