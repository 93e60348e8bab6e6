"""Action items across the portfolio: "my open and overdue actions", and ticking one off.

A list costs a fixed number of queries whatever the portfolio's size: the page of
items (with their decision, alliance and owner joined in), their count, and the
owners to filter by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils.http import urlencode

from radar.portfolio.models import ActionItem

PAGE_SIZE = 50
STATUSES = {
    "open": "Open (overdue first)",
    "overdue": "Overdue",
    "done": "Done",
    "all": "All",
}


@dataclass(frozen=True)
class ActionFilters:
    owner: str = "me"  # "me", "all" or a user id
    status: str = "open"
    alliance: str = ""  # slug
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ActionFilters:
        owner = query.get("owner", "me")
        raw_page = query.get("page", "1")
        return cls(
            owner=owner if owner in {"me", "all"} or owner.isdigit() else "me",
            status=query.get("status", "open") if query.get("status") in STATUSES else "open",
            alliance=query.get("alliance", "")[:220],
            page=int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) < 100_000 else 1,
        )

    def query(self, **changes: Any) -> str:
        chosen = replace(self, **changes)
        params = {
            "owner": "" if chosen.owner == "me" else chosen.owner,
            "status": "" if chosen.status == "open" else chosen.status,
            "alliance": chosen.alliance,
            "page": str(chosen.page) if chosen.page > 1 else "",
        }
        return "?" + urlencode({k: v for k, v in params.items() if v})


@dataclass(frozen=True)
class ActionPage:
    items: list[ActionItem]
    total: int
    overdue: int
    page: int
    pages: int


def open_on(day: date) -> Q:
    """Still open on `day`: not done, or done later (a backtest sees it open)."""
    return Q(done_on__isnull=True) | Q(done_on__gt=day)


def _selected(filters: ActionFilters, user: Any, today: date) -> QuerySet[ActionItem]:
    found = ActionItem.objects.filter(decision__alliance__active=True)
    if filters.owner == "me":
        found = found.filter(owner_user=user if user.is_authenticated else None)
    elif filters.owner.isdigit():
        found = found.filter(owner_user_id=int(filters.owner))
    if filters.alliance:
        found = found.filter(decision__alliance__slug=filters.alliance)
    if filters.status == "open":
        return found.filter(done_on__isnull=True).order_by("due_on", "pk")
    if filters.status == "overdue":
        return found.filter(done_on__isnull=True, due_on__lt=today).order_by("due_on", "pk")
    if filters.status == "done":
        return found.filter(done_on__isnull=False).order_by("-done_on", "-pk")
    return found.order_by("done_on", "due_on", "pk")  # open ones (no done date) first


def action_page(filters: ActionFilters, user: Any, today: date) -> ActionPage:
    selected = _selected(filters, user, today)
    total = selected.count()
    overdue = selected.filter(done_on__isnull=True, due_on__lt=today).count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(filters.page, pages)
    start = (page - 1) * PAGE_SIZE
    items = list(
        selected.select_related("decision__alliance", "owner_user")[start : start + PAGE_SIZE]
    )
    return ActionPage(items, total, overdue, page, pages)


def owners() -> list[tuple[int, str]]:
    """(user id, name) of everyone who owns an action item, to filter by."""
    users = User.objects.filter(action_items__isnull=False).distinct().order_by("username")
    return [(u.pk, u.get_full_name() or u.get_username()) for u in users]
