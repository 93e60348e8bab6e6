"""From the engine back to the store: evaluate alliances and keep the results.

`evaluate_portfolio` loads every history in a constant number of queries
(radar.portfolio.loader), runs the pure engine on each, and stores one
`Assessment` row per alliance and day, updated in place when that day was
already assessed (one bulk upsert, not a query per alliance).
`reassess_alliance` does the same for one alliance; the web app calls it
after each form save so pages always show a fresh score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.utils import timezone

from radar import gcpause
from radar.engine.assessment import Assessment
from radar.engine.config import DEFAULT_CONFIG, EngineConfig
from radar.engine.evaluate import evaluate
from radar.portfolio import activity, assessment_rows
from radar.portfolio.errors import EvaluationFailed as EvaluationFailed  # callers import it here
from radar.portfolio.loader import alliances_as_of, load_histories
from radar.portfolio.workers import evaluate_in_workers, worker_count
from radar.progress import Progress, no_progress


def evaluate_portfolio(
    as_of: date,
    alliance_ids: Iterable[int] | None = None,
    config: EngineConfig | None = None,
    store: bool = True,
    progress: Progress | None = None,
    workers: int | None = 1,
) -> list[Assessment]:
    """Assess the alliances (default: every active one) as they stood on `as_of`.

    Returns the assessments in alliance id order; with `store` they are also
    saved (replacing any earlier assessment of the same alliance and day).
    `workers` > 1 spreads the work over that many processes, None picks one
    per core for a big portfolio (radar.portfolio.workers says when it can).
    """
    report = progress or no_progress
    chosen = config or DEFAULT_CONFIG
    with gcpause.paused():
        if workers != 1:
            ids = list(alliances_as_of(as_of, alliance_ids).values_list("id", flat=True))
            count = worker_count(len(ids), workers)
            if count > 1:
                activity.refresh(ids)  # here, so the workers only read
                report(0, len(ids))
                # The workers prepare the rows to store, so the parent only writes them.
                assessments, rows = evaluate_in_workers(as_of, ids, chosen, count, report, store)
                if store:
                    assessment_rows.write(rows)
                return assessments
        histories = load_histories(as_of, alliance_ids)
        report(0, len(histories))
        assessments = []
        for history in histories.values():
            try:
                assessments.append(evaluate(history, as_of, chosen))
            except Exception as exc:
                raise EvaluationFailed(history.alliance.name, as_of) from exc
            report(1, len(histories))
        if store:
            store_assessments(assessments)
    return assessments


def reassess_alliance(
    alliance_id: int, as_of: date | None = None, config: EngineConfig | None = None
) -> Assessment | None:
    """Assess one alliance again and store it; None when it did not exist on `as_of`.

    `as_of` defaults to today in the portfolio's time zone (the outermost caller's clock).
    """
    day = as_of or timezone.localdate()
    found = evaluate_portfolio(day, [alliance_id], config=config)
    return found[0] if found else None


def store_assessments(assessments: Sequence[Assessment]) -> int:
    """Upsert one row per (alliance, as_of) in one transaction; returns how many were written."""
    return assessment_rows.write([assessment_rows.prepare(a) for a in assessments])
