"""The agreement's hygiene flags for its page and the alliance page, fresh from the engine.

The same pure rules as the assessment's cadence output (radar.engine.agreement_hygiene),
applied to the agreement as it is now, so a correction shows at once.
"""

from __future__ import annotations

from datetime import date

from radar.engine.agreement_hygiene import hygiene_flags
from radar.engine.assessment import CadenceFlag
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.words import days_ago
from radar.portfolio import events
from radar.portfolio.models import Agreement, Alliance


def agreement_flags(agreement: Agreement | None, today: date) -> list[CadenceFlag]:
    if agreement is None:
        return []
    info = events.agreements(Alliance.objects.filter(pk=agreement.alliance_id), today).get(
        agreement.alliance_id
    )
    found = hygiene_flags(info, today, DEFAULT_CONFIG)
    upcoming, last = agreement.next_review_on, agreement.last_reviewed_on
    if upcoming and upcoming < today and not (last and last >= upcoming):
        days = (today - upcoming).days
        found.insert(
            0,
            CadenceFlag(
                "agreement_review_overdue",
                f"The review due on {upcoming} has not been recorded ({days_ago(days)}).",
                due=upcoming,
                days_overdue=days,
            ),
        )
    return found
