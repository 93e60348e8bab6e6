"""The dashboard read from the standing rows: one page and a few totals, in SQL.

Each alliance's standing (radar.portfolio.models.Standing) holds what the
dashboard needs from its latest assessment. The filters, the sort, the page and
the ranking of the attention queue run in SQL (radar.web.dashboard.board_sql): one
statement returns the totals of the filtered portfolio, the page's ids (ORDER BY
… LIMIT … OFFSET) and the top of the queue's. Only those alliances are then read
in full. The number of queries and the rows read in Python never depend on the
portfolio's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from radar.portfolio.models import Alliance
from radar.web.dashboard.attention import ATTENTION_LIMIT, Group, items_for
from radar.web.dashboard.board_sql import OWNER_SHOWN, TOTALS, fetch, statement
from radar.web.dashboard.listing import PAGE_SIZE, Listing, Page
from radar.web.dashboard.portfolio import (
    MAX_INLINE_ASSESSMENTS,
    Row,
    annotated_alliances,
    assess_missing,
    build_row,
)
from radar.web.dashboard.summary import latest_summaries
from radar.web.present import parse_date


def rows_for(ids: Iterable[int], today: date) -> dict[int, Row]:
    """Full dashboard rows for a few alliances (a page, the top of the queue)."""
    chosen = Alliance.objects.filter(pk__in=list(ids))
    summaries = latest_summaries(chosen)
    listed = annotated_alliances(chosen, cutoff=today)
    return {a.pk: build_row(a, summaries.get(a.pk), today) for a in listed}


def assess_unassessed(today: date) -> None:
    """Assess (and store) a few active alliances with no assessment yet, as a first
    visit after an import did before: a bounded number, the rest wait for the worker."""
    missing = list(
        Alliance.objects.filter(active=True, standing__isnull=True).only("pk")[
            :MAX_INLINE_ASSESSMENTS
        ]
    )
    if missing:
        assess_missing(missing, today)


def owners(listing: Listing, count: int) -> tuple[list[str], int]:
    """(owners of all active alliances, their count) for the filter menu and the total."""
    active = Alliance.objects.filter(active=True)
    # The filter's own expression, so every name offered matches what it filters on.
    # order_by(): the alliances' default order would join DISTINCT and keep every row.
    shown = active.annotate(shown=OWNER_SHOWN).order_by().values_list("shown", flat=True)
    names = set(shown.distinct())
    return sorted({name for name in names if name}, key=str.lower), (
        active.count() if listing.active else count
    )


def board_context(today: date, listing: Listing) -> dict[str, object]:
    """The dashboard's context (the keys radar.web.views.dashboard.dashboard_context gives)."""
    assess_unassessed(today)
    rows = fetch(*statement(listing, today, PAGE_SIZE, ATTENTION_LIMIT))
    figures = dict(zip(TOTALS, rows[0][: len(TOTALS)], strict=True))
    page_ids = [row[-1] for row in rows if row[-2] == 0]
    top = [row[-1] for row in rows if row[-2] == 1]
    total = int(figures["count"])
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(listing.page, pages)
    start = (number - 1) * PAGE_SIZE
    full = rows_for({*page_ids, *top}, today)
    page_rows = [full[pk] for pk in page_ids]
    groups = [  # each alliance's items in queue order (radar.web.dashboard.attention.grouped)
        Group(full[pk], tuple(sorted(items_for(full[pk], today), key=lambda i: i.priority)))
        for pk in top
    ]
    owner_names, all_count = owners(listing, total)
    average = figures["average"]
    stats = {
        "count": total,
        "average": None if average is None else round(float(average), 1),
        "at_risk": figures["at_risk"],
        "confirmed": figures["confirmed"],
        "systemic": figures["systemic"],
        "overdue": figures["overdue"],
        "as_of": parse_date(figures["as_of"]),
    }
    return {
        "rows": page_rows,
        "page": Page(page_rows, number, pages, start, total),
        "all_count": all_count,
        "listing": listing,
        "today": today,
        "stats": stats,
        "attention": groups,
        "attention_total": figures["queued"],
        "owners": owner_names,
    }
