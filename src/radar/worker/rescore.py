"""Re-assess the alliances marked by the triggers (portfolio migration 0013).

The marks are claimed (`pending` cleared), the alliances assessed and stored,
then the marks still claimed are deleted: a write that lands during the
assessment sets `pending` again and keeps its mark for the next run, and a run
that dies leaves its marks for the next one. Two runs at once (two workers)
only assess some alliances twice; the assessment of a day is an upsert.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from radar.portfolio.assessments import evaluate_portfolio
from radar.progress import Progress, no_progress
from radar.worker.models import RescoreMark

CHUNK = 500  # alliances per claim: bounded parameter lists and memory


def marked() -> list[int]:
    return list(RescoreMark.objects.order_by("alliance_id").values_list("alliance_id", flat=True))


def rescore_marked(
    today: date,
    ids: Sequence[int] | None = None,
    progress: Progress = no_progress,
    workers: int | None = 1,
) -> list[int]:
    """Assess the marked alliances (or those of `ids` that are marked); returns their ids."""
    if ids is None:
        found = marked()
    else:  # by key: re-scoring a few alliances never reads every mark
        asked = sorted(set(ids))
        found = [
            pk
            for chunk in _chunks(asked)
            for pk in RescoreMark.objects.filter(alliance_id__in=chunk)
            .order_by("alliance_id")
            .values_list("alliance_id", flat=True)
        ]
    for chunk in _chunks(found):
        RescoreMark.objects.filter(alliance_id__in=chunk).update(pending=False)
        evaluate_portfolio(today, chunk, progress=progress, workers=workers)
        RescoreMark.objects.filter(alliance_id__in=chunk, pending=False).delete()
    return found


def clear_claimed(ids: Sequence[int]) -> None:
    """After assessing `ids` by other means (the nightly run), drop their claimed marks."""
    for chunk in _chunks(list(ids)):
        RescoreMark.objects.filter(alliance_id__in=chunk, pending=False).delete()


def claim_all() -> list[int]:
    """Claim every mark (the nightly run assesses everyone anyway)."""
    ids = marked()
    for chunk in _chunks(ids):
        RescoreMark.objects.filter(alliance_id__in=chunk).update(pending=False)
    return ids


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
