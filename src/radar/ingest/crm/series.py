"""Monthly metric series from opportunities or deals.

- leads: opportunities created in the month;
- pipeline: the open amount at the end of the month (created by then and not
  yet closed; closed ones count until their close month);
- joint_revenue: the closed-won amount by close month.
Months run from the first created opportunity to the month of "today".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from radar.ingest.crm.records import Opportunity
from radar.ingest.dates import month_start

SERIES = {
    "leads": ("New partner opportunities", "leading", True),
    "pipeline": ("Open partner pipeline", "leading", True),
    "joint_revenue": ("Closed-won joint revenue", "lagging", True),
}


def months(first: date, last: date) -> list[date]:
    found, current = [], month_start(first)
    while current <= last:
        found.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return found


def monthly_series(
    opportunities: Iterable[Opportunity], today: date
) -> dict[str, dict[date, float]]:
    opps = list(opportunities)
    if not opps:
        return {}
    periods = months(min(o.created for o in opps), today)
    result: dict[str, dict[date, float]] = {key: dict.fromkeys(periods, 0.0) for key in SERIES}
    for opp in opps:
        created = month_start(opp.created)
        if created in result["leads"]:
            result["leads"][created] += 1
        closed = month_start(opp.closed) if opp.closed and opp.state != "open" else None
        if opp.state == "won" and closed in result["joint_revenue"]:
            result["joint_revenue"][closed] += opp.amount
        for period in periods:
            if period >= created and (closed is None or period < closed):
                result["pipeline"][period] += opp.amount
    return result
