"""From the store to the engine: build `History` records for many alliances at once.

`load_histories` runs a fixed number of queries (about fifteen) whatever the
number of alliances: interactions are aggregated in the database per
(alliance, calendar month) in one GROUP BY pass (radar.portfolio.activity_stats),
everything else is fetched in bulk and grouped in Python
(radar.portfolio.events). Nothing dated after `as_of` is used, so the same
store can be evaluated at any past date (backtesting).

Which alliances: the ones named by `alliance_ids` (active or not), or by
default every active alliance; either way an alliance that started after
`as_of` did not exist yet and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet

from radar.engine.records import AllianceInfo, History
from radar.engine.vocab import AllianceKind, Phase
from radar.portfolio import events
from radar.portfolio.activity_stats import Alliances
from radar.portfolio.models import Alliance
from radar.portfolio.periods import monthly_stats

FEW = 100  # alliances named by id in the monthly statistics' statement


def alliances_as_of(as_of: date, alliance_ids: Iterable[int] | None = None) -> QuerySet[Alliance]:
    """The alliances to evaluate on `as_of` (see the module docstring)."""
    if alliance_ids is None:
        chosen = Alliance.objects.filter(active=True)
    else:
        chosen = Alliance.objects.filter(id__in=sorted({int(i) for i in alliance_ids}))
    return chosen.filter(Q(started_on__isnull=True) | Q(started_on__lte=as_of))


def load_histories(as_of: date, alliance_ids: Iterable[int] | None = None) -> dict[int, History]:
    """Engine input for many alliances, keyed by alliance id, in a constant number of queries."""
    alliances = alliances_as_of(as_of, alliance_ids)
    infos = [_info(a) for a in alliances.select_related("owner", "partner").order_by("id")]
    if not infos:
        return {}
    # A few alliances (a re-score) are named by their ids: plain IN lists, cheap to
    # compile; a portfolio by its query, as a subquery (no parameter per alliance).
    chosen: Alliances = alliances
    if alliance_ids is not None and len(infos) <= FEW:
        chosen = [info.id for info in infos]
    periods = monthly_stats(chosen, as_of)
    contacts = events.contacts(chosen, as_of)
    deliverables = events.deliverables(chosen, as_of)
    metrics = events.metrics(chosen, as_of)
    surveys = events.surveys(chosen, as_of)
    observations = events.observations(chosen, as_of)
    context, everywhere = events.context(chosen, as_of)
    checkins = events.checkins(chosen, as_of)
    decisions = events.decisions(chosen, as_of)
    agreements = events.agreements(chosen, as_of)
    governance = events.governance(chosen)
    goals = events.goals(chosen, as_of)
    histories = {}
    for info in infos:
        key = info.id
        histories[key] = History(
            alliance=info,
            periods=tuple(periods.get(key, ())),
            contacts=tuple(contacts.get(key, ())),
            deliverables=tuple(deliverables.get(key, ())),
            metrics=tuple(metrics.get(key, ())),
            surveys=tuple(surveys.get(key, ())),
            observations=tuple(observations.get(key, ())),
            context=(*context.get(key, ()), *everywhere),
            checkins=tuple(checkins.get(key, ())),
            decisions=tuple(decisions.get(key, ())),
            agreement=agreements.get(key),
            governance=tuple(governance.get(key, ())),
            goals=tuple(goals.get(key, ())),
        )
    return histories


def _info(alliance: Alliance) -> AllianceInfo:
    phase = alliance.declared_phase
    return AllianceInfo(
        id=alliance.id,
        name=alliance.name,
        partner=alliance.partner.name,
        kind=events.enum(AllianceKind, alliance.kind, AllianceKind.OTHER),
        tier=alliance.tier,
        owner=alliance.owner_display,
        started=alliance.started_on,
        declared_phase=Phase(phase) if phase in set(Phase) else None,
    )
