"""Recording an agreement review rolls the next review date forward by the agreed interval."""

from __future__ import annotations

import calendar
from datetime import date

from radar.portfolio.models import Agreement


def months_after(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 -> 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def next_review(agreement: Agreement, reviewed_on: date) -> date | None:
    """When the review after one held on `reviewed_on` is due (None without an interval)."""
    if not agreement.review_interval_months:
        return None
    return months_after(reviewed_on, agreement.review_interval_months)


def record_review(agreement: Agreement, reviewed_on: date, next_on: date | None = None) -> None:
    """Note a review: the last review moves to `reviewed_on` (never backwards) and the next
    one to `next_on`, or else one interval after it; without an interval the next date is
    kept only while it is still ahead of the review."""
    if agreement.last_reviewed_on is None or reviewed_on >= agreement.last_reviewed_on:
        agreement.last_reviewed_on = reviewed_on
    rolled = next_on or next_review(agreement, reviewed_on)
    if rolled is not None:
        agreement.next_review_on = rolled
    elif agreement.next_review_on is not None and agreement.next_review_on <= reviewed_on:
        agreement.next_review_on = None
    agreement.save(update_fields=["last_reviewed_on", "next_review_on"])
