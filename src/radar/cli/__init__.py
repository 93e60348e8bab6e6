"""Command line: `radar serve | demo | import | export | evaluate | manage …`."""

from __future__ import annotations

import importlib

from radar.cli.app import app

# Each module registers its commands on `app` when imported.
_COMMAND_MODULES = ("server", "evaluate", "bundle", "demo")


def main() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(f"radar.cli.{name}")
    app()


__all__ = ["app", "main"]
