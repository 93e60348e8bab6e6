"""Command line: `radar serve | demo | import | export | evaluate | manage …`.

Importing this package registers every command on `app`, so tests can use
`typer.testing.CliRunner().invoke(app, [...])` directly.
"""

from __future__ import annotations

import importlib

from radar.cli.app import app

# Each module registers its commands on `app` when imported.
_COMMAND_MODULES = ("server", "evaluate", "bundle", "demo", "worker", "notify")

for _name in _COMMAND_MODULES:
    importlib.import_module(f"radar.cli.{_name}")


def main() -> None:
    app()


__all__ = ["app", "main"]
