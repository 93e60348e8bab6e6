"""What the importer benchmarks (bench/ics.py, bench/mbox.py) share."""

from __future__ import annotations

import os
import resource
from pathlib import Path

# Both generators spread their traffic over this many partner domains,
# partner0.example … partner19.example; our side is ours.example.
PARTNERS = 20


def cpu_seconds() -> float:
    """User + system time of this process and of its finished children (the workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb(who: int) -> float:
    """Peak RSS in MB of RUSAGE_SELF or (the largest of) RUSAGE_CHILDREN."""
    return resource.getrusage(who).ru_maxrss / 1024


def throwaway_store(workdir: Path) -> None:
    """A fresh SQLite store in `workdir` with one alliance per generated partner domain."""
    os.environ["RADAR_DATA_DIR"] = str(workdir)
    os.environ.pop("RADAR_DATABASE_URL", None)
    os.environ["RADAR_OUR_DOMAINS"] = "ours.example"
    os.environ["DJANGO_SETTINGS_MODULE"] = "radar.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from radar.portfolio.models import Alliance, Partner

    call_command("migrate", verbosity=0)
    for n in range(PARTNERS):
        partner, _ = Partner.objects.get_or_create(
            name=f"Partner {n}", defaults={"email_domains": f"partner{n}.example"}
        )
        Alliance.objects.get_or_create(name=f"Alliance {n}", defaults={"partner": partner})
