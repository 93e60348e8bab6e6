"""`radar manage rebuild_standings`: rewrite every alliance's standing row.

Never needed in normal use (each stored assessment writes its standing in the
same transaction); useful after restoring assessments by other means (raw SQL,
a partial dump) or after a release that changes what a standing holds.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from radar.portfolio import standing_rows


class Command(BaseCommand):
    help = "Rewrite the standing (dashboard) row of every alliance from its latest assessment."

    def handle(self, *args: Any, **options: Any) -> None:
        count = standing_rows.rebuild()
        self.stdout.write(f"Rebuilt the standing of {count} alliances.")
