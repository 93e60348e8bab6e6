"""`radar manage rebuild_activity`: recompute every kept monthly interaction total.

Never needed in normal use (triggers mark every change and evaluations refresh
what is marked); useful after restoring a database copy taken without its
triggers, or to check that the kept totals match a recomputation.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from radar.portfolio import activity


class Command(BaseCommand):
    help = "Recompute the monthly interaction totals kept for evaluations (all alliances)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = activity.rebuild()
        self.stdout.write(f"Recomputed the monthly totals of {count} alliances.")
