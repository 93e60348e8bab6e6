"""One alliance's engine input, the way the tests ask for it."""

from __future__ import annotations

from datetime import date

from radar.engine.records import History
from radar.portfolio.loader import load_histories


def load_history(alliance_id: int, as_of: date) -> History | None:
    """One alliance's history (None when it did not exist on `as_of`)."""
    return load_histories(as_of, [alliance_id]).get(alliance_id)
