"""Monthly metric series from opportunities or deals.

- leads: opportunities created in the month;
- pipeline: the open amount at the end of the month (created by then and not
  yet closed; closed ones count until their close month);
- joint_revenue: the closed-won amount by close month.
Months run from the first created opportunity to the month of "today".

`SeriesTally` adds opportunities one at a time and keeps only sums per month
(per pair of created and close month for the pipeline), so its memory does
not grow with the number of opportunities. Sums are exact (fractions) and
rounded once at the end, so the result does not depend on the rows' order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from fractions import Fraction

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


class SeriesTally:
    """The three series of one alliance, built an opportunity at a time."""

    def __init__(self) -> None:
        self.first: date | None = None
        self.leads: Counter[date] = Counter()
        self.revenue: dict[date, Fraction] = {}
        # (created month, close month or None while open) -> amount open in between
        self.open: dict[tuple[date, date | None], Fraction] = {}

    def add(self, opp: Opportunity) -> None:
        self.first = opp.created if self.first is None else min(self.first, opp.created)
        created = month_start(opp.created)
        self.leads[created] += 1
        amount = Fraction(opp.amount)
        closed = month_start(opp.closed) if opp.closed and opp.state != "open" else None
        if opp.state == "won" and closed is not None:
            self.revenue[closed] = self.revenue.get(closed, Fraction(0)) + amount
        key = (created, closed)
        self.open[key] = self.open.get(key, Fraction(0)) + amount

    def series(self, today: date) -> dict[str, dict[date, float]]:
        if self.first is None:
            return {}
        periods = months(self.first, today)
        pipeline = {
            period: float(
                sum(
                    (
                        amount
                        for (created, closed), amount in self.open.items()
                        if period >= created and (closed is None or period < closed)
                    ),
                    Fraction(0),
                )
            )
            for period in periods
        }
        return {
            "leads": {p: float(self.leads.get(p, 0)) for p in periods},
            "pipeline": pipeline,
            "joint_revenue": {p: float(self.revenue.get(p, 0)) for p in periods},
        }


def monthly_series(
    opportunities: Iterable[Opportunity], today: date
) -> dict[str, dict[date, float]]:
    tally = SeriesTally()
    for opp in opportunities:
        tally.add(opp)
    return tally.series(today)
