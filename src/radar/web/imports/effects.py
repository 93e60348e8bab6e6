"""Which alliances an import changed, and re-assessing them.

An importer reports counts per entity, not alliances, so the page compares what
the engine sees before and after the import: an alliance whose history (as of
today) differs, or that did not exist before, was affected and is assessed
again. Loading histories takes a constant number of queries whatever the size
of the portfolio (radar.portfolio.loader).
"""

from __future__ import annotations

import logging
from datetime import date

from django.db.models import Q

from radar.engine.records import History
from radar.portfolio.assessments import EvaluationFailed, evaluate_portfolio
from radar.portfolio.loader import load_histories
from radar.portfolio.models import Alliance

log = logging.getLogger(__name__)


def _scope(alliance: str | None) -> list[int] | None:
    """The alliance ids an import restricted to one alliance can touch (None: all)."""
    if not alliance:
        return None
    found = Alliance.objects.filter(Q(slug=alliance) | Q(name=alliance))
    return list(found.values_list("id", flat=True))


def snapshot(today: date, alliance: str | None = None) -> dict[int, History]:
    return load_histories(today, _scope(alliance))


def reassess_changed(
    before: dict[int, History] | None, today: date, alliance: str | None = None
) -> tuple[list[tuple[str, str]], list[str]]:
    """Re-assess the alliances whose history changed; returns their (name, slug) and notes."""
    notes: list[str] = []
    after = load_histories(today, _scope(alliance))
    if before is None:
        changed = sorted(after)  # could not compare: assess them all
    else:
        changed = sorted(i for i, history in after.items() if before.get(i) != history)
    if changed:
        try:
            evaluate_portfolio(today, changed)
        except EvaluationFailed as exc:
            log.exception("Re-assessing after an import failed")
            notes.append(
                f"The data was imported, but {exc.alliance_name} could not be re-assessed; "
                "its page shows the last assessment until the next evaluation."
            )
    found = Alliance.objects.filter(id__in=changed).order_by("name").values_list("name", "slug")
    return [(name, slug) for name, slug in found], notes
