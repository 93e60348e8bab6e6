"""Agreement hygiene: the clauses an agreement lacks and the dates coming up on it.

Cadence flags (radar.engine.cadence), judged on `as_of`, only for an alliance with
an agreement on record (no agreement at all is a data gap, not a lapse):
- `agreement_no_review_clause`: no periodic review clause (nor a review interval);
- `agreement_no_exit_clause`: no exit clause (nor a notice period);
- `agreement_renegotiation_due`: renegotiation within `renewal_notice_days`;
- `agreement_renewal_due`: renewal (or expiry) within `renewal_notice_days`;
- `agreement_exit_notice_due`: the last day to give exit notice before the renewal
  (renewal minus the notice period) within `exit_notice_warning_days`.
A date already passed is not "due": the renewal has happened or the notice window
has closed, and the agreement's dates need updating instead.
"""

from __future__ import annotations

from datetime import date, timedelta

from radar.engine.assessment import CadenceFlag
from radar.engine.config import EngineConfig
from radar.engine.records import AgreementInfo


def _due(code: str, what: str, day: date | None, as_of: date, window: int) -> CadenceFlag | None:
    if day is None or day < as_of or (day - as_of).days > window:
        return None
    days = (day - as_of).days
    when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    return CadenceFlag(code, f"{what} is due {when}, on {day}.", due=day)


def _exit_notice_deadline(agreement: AgreementInfo) -> date | None:
    if agreement.renewal is None or agreement.exit_notice_days is None:
        return None
    return agreement.renewal - timedelta(days=agreement.exit_notice_days)


def hygiene_flags(
    agreement: AgreementInfo | None, as_of: date, config: EngineConfig
) -> list[CadenceFlag]:
    if agreement is None:
        return []
    found: list[CadenceFlag | None] = []
    if not agreement.has_review_clause:
        found.append(
            CadenceFlag(
                "agreement_no_review_clause",
                "The agreement has no periodic review clause: goals and terms are never"
                " revisited by design.",
            )
        )
    if not agreement.has_exit_clause:
        found.append(
            CadenceFlag(
                "agreement_no_exit_clause",
                "The agreement has no exit clause: there is no agreed way to end it well.",
            )
        )
    notice = config.renewal_notice_days
    found += [
        _due(
            "agreement_renegotiation_due",
            "The renegotiation",
            agreement.renegotiation,
            as_of,
            notice,
        ),
        _due("agreement_renewal_due", "The renewal", agreement.renewal, as_of, notice),
        _due(
            "agreement_exit_notice_due",
            "The last day to give exit notice",
            _exit_notice_deadline(agreement),
            as_of,
            config.exit_notice_warning_days,
        ),
    ]
    return [flag for flag in found if flag is not None]
