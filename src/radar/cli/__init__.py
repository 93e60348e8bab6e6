"""Command line: `radar serve | demo | import | export | evaluate | manage …`.

Importing this package registers every command on `app`, so tests can use
`typer.testing.CliRunner().invoke(app, [...])` directly.
"""

from __future__ import annotations

import importlib

from radar.cli.app import app, err
from radar.env import SettingError

# Each module registers its commands on `app` when imported.
_COMMAND_MODULES = ("server", "evaluate", "bundle", "demo", "backup", "worker", "notify")

for _name in _COMMAND_MODULES:
    importlib.import_module(f"radar.cli.{_name}")


def main() -> None:
    try:
        app()
    except SettingError as exc:
        # A setting that cannot be used: one clear line, not a traceback.
        err.print(f"[bold red]Error:[/] {exc}", highlight=False)
        raise SystemExit(2) from None


__all__ = ["app", "main"]
