"""What kind of attention each of the engine's cadence flags asks for.

The dashboard's attention queue (radar.web.dashboard.attention) groups flags by kind; the
standing rows (radar.portfolio.standing_rows) keep each alliance's kinds so the
queue can be ranked in SQL.
"""

from __future__ import annotations

# The first needle found in a flag's code names its kind ("agreement_review" is an
# agreement flag, not a review one), so the order matters.
_NEEDLES = (
    ("agreement", "agreement"),
    ("ritual", "ritual"),
    ("decision", "decision"),
    ("diverg", "divergence"),
    ("review", "review"),
    ("contact", "contact"),
)


def kind_of_flag(code: str) -> str:
    for needle, kind in _NEEDLES:
        if needle in code:
            return kind
    return "other"
