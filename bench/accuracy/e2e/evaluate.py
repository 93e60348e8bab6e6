"""Child process of the end-to-end path: assess the imported store at each month end.

    python -m bench.accuracy.e2e.evaluate 2025-01-31 2025-02-28 ...

Runs `radar.portfolio.assessments.evaluate_portfolio` exactly as `radar evaluate
--as-of DAY --no-store` does (one process) and prints one JSON reading per
alliance and day, keyed by alliance name; then, for the last day, the monthly
totals the store hands the engine (to compare with the truth). RADAR_DATA_DIR
names the store.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date

from bench.accuracy.backtest import read
from radar.cli.app import migrate_quietly

TOTALS = (
    "meetings_scheduled", "meetings_held", "meetings_cancelled", "partner_invited",
    "partner_attended", "calls", "emails_inbound", "emails_outbound", "partner_reply_hours",
    "partner_words", "tone", "toned", "blaming", "defensive", "partner_people",
)  # fmt: skip


def main(days: list[str]) -> int:
    migrate_quietly()  # sets Django up, as every radar command does
    from radar.portfolio.assessments import evaluate_portfolio
    from radar.portfolio.loader import load_histories

    for day in days:
        for assessment in evaluate_portfolio(date.fromisoformat(day), store=False, workers=1):
            found = dataclasses.asdict(read(0, assessment))
            found["name"] = assessment.alliance_name
            found["confirmed"] = sorted(found["confirmed"])
            print(json.dumps(found, default=str))
    for history in load_histories(date.fromisoformat(days[-1])).values():
        periods = [
            {"period": str(p.period), **{name: getattr(p, name) for name in TOTALS}}
            for p in history.periods
        ]
        print(json.dumps({"name": history.alliance.name, "periods": periods}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
