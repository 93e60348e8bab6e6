"""The facts every weekly digest is cut from, read once per run for all users.

A handful of queries over the whole active portfolio (latest assessment
summaries, last week's scores, partner contacts gone quiet, open actions,
agreement dates, alerts cleared this week), whatever the number of users;
each user's digest then filters them to their alliances (radar.notify.digest).
Who has gone quiet is the people directory's own judgement (radar.web.people.directory:
their last direct contact against their keep-in-touch interval, their own or
their alliance tier's), so the digest and the People page never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery

from radar.notify.models import AlertState
from radar.portfolio.models import ActionItem, Agreement, Alliance, Assessment
from radar.web.dashboard.summary import Summary, latest_summaries
from radar.web.people.directory import Filters, people

DEADLINE_DAYS = 90
WEEK = timedelta(days=7)


@dataclass
class PortfolioFacts:
    today: date
    alliances: dict[int, Alliance]
    summaries: dict[int, Summary]
    last_week: dict[int, float | None]
    # alliance -> (name, last direct contact or None if never, their interval in days)
    quiet_contacts: dict[int, list[tuple[str, date | None, int]]] = field(default_factory=dict)
    actions: dict[int, list[tuple[str, str, date]]] = field(default_factory=dict)
    deadlines: dict[int, list[tuple[str, date]]] = field(default_factory=dict)
    cleared: dict[int, list[str]] = field(default_factory=dict)


def read_facts(today: date) -> PortfolioFacts:
    active = Alliance.objects.filter(active=True)
    alliances = {a.pk: a for a in active.only("pk", "name", "slug", "owner_id", "tier")}
    return PortfolioFacts(
        today=today,
        alliances=alliances,
        summaries=latest_summaries(active),
        last_week=_scores_on(today - WEEK),
        quiet_contacts=_quiet_contacts(today, {a.slug: a.pk for a in alliances.values()}),
        actions=_open_actions(),
        deadlines=_deadlines(today),
        cleared=_cleared(today),
    )


def _scores_on(day: date) -> dict[int, float | None]:
    """Each alliance's score as assessed on or before `day` (None: not enough data yet)."""
    newest = Assessment.objects.filter(alliance=OuterRef("alliance"), as_of__lte=day)
    rows = Assessment.objects.filter(
        alliance__active=True,
        as_of=Subquery(newest.order_by("-as_of").values("as_of")[:1]),
    ).values_list("alliance_id", "score")
    return dict(rows)


def _quiet_contacts(
    today: date, ids: dict[str, int]
) -> dict[int, list[tuple[str, date | None, int]]]:
    """The partner people overdue a conversation, under each alliance they belong to."""
    found: dict[int, list[tuple[str, date | None, int]]] = defaultdict(list)
    for person in people(Filters(side="partner"), today):
        if not person.overdue:
            continue
        seen = person.last_contact.date() if person.last_contact else None
        for membership in person.memberships:
            alliance_id = ids.get(membership.slug)
            if alliance_id is not None:
                found[alliance_id].append((person.name, seen, membership.every))
    return found


def _open_actions() -> dict[int, list[tuple[str, str, date]]]:
    found: dict[int, list[tuple[str, str, date]]] = defaultdict(list)
    rows = ActionItem.objects.filter(done_on__isnull=True, decision__alliance__active=True)
    for alliance_id, title, owner, due in rows.order_by("due_on").values_list(
        "decision__alliance_id", "title", "owner", "due_on"
    ):
        found[alliance_id].append((title, owner, due))
    return found


def _deadlines(today: date) -> dict[int, list[tuple[str, date]]]:
    until = today + timedelta(days=DEADLINE_DAYS)
    found: dict[int, list[tuple[str, date]]] = defaultdict(list)
    for agreement in Agreement.objects.filter(alliance__active=True):
        dates = [("Renewal", agreement.renewal_on), ("Renegotiation", agreement.renegotiation_on)]
        if agreement.renewal_on and agreement.exit_notice_days:
            notice = agreement.renewal_on - timedelta(days=agreement.exit_notice_days)
            dates.append(("Last day to give exit notice", notice))
        for label, day in dates:
            if day is not None and today <= day <= until:
                found[agreement.alliance_id].append((label, day))
    for items in found.values():
        items.sort(key=lambda item: item[1])
    return found


def _cleared(today: date) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = AlertState.objects.filter(active=False, cleared_on__gte=today - WEEK)
    for alliance_id, kind in rows.values_list("alliance_id", "kind"):
        found[alliance_id].append(kind)
    return found
