"""The error an evaluation raises, in a module of its own so both ways of running one
(radar.portfolio.assessments in this process, radar.portfolio.workers in forked
ones) can raise it without importing each other."""

from __future__ import annotations

from datetime import date


class EvaluationFailed(Exception):
    """The engine could not assess an alliance; names it so the user knows where to look."""

    def __init__(self, alliance_name: str, as_of: date):
        self.alliance_name = alliance_name
        super().__init__(f"could not assess {alliance_name!r} as of {as_of.isoformat()}")
