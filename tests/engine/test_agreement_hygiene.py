"""Agreement hygiene flags: missing clauses and the dates coming up on the agreement."""

from __future__ import annotations

from datetime import date, timedelta

from radar.engine.agreement_hygiene import hygiene_flags
from radar.engine.assessment import CadenceFlag
from radar.engine.config import DEFAULT_CONFIG
from radar.engine.records import AgreementInfo

AS_OF = date(2026, 3, 1)
TIDY = AgreementInfo(has_review_clause=True, has_exit_clause=True)


def codes(agreement: AgreementInfo | None, as_of: date = AS_OF) -> dict[str, CadenceFlag]:
    return {f.code: f for f in hygiene_flags(agreement, as_of, DEFAULT_CONFIG)}


def days(n: int) -> date:
    return AS_OF + timedelta(days=n)


def test_a_tidy_agreement_and_no_agreement_raise_nothing():
    assert codes(TIDY) == {}
    assert codes(None) == {}  # no agreement at all is a data gap, not a lapse


def test_missing_review_and_exit_clauses_are_flagged():
    found = codes(AgreementInfo())
    assert set(found) == {"agreement_no_review_clause", "agreement_no_exit_clause"}


def test_a_renewal_and_a_renegotiation_are_due_within_ninety_days():
    agreement = AgreementInfo(
        renewal=days(90), renegotiation=days(12), has_review_clause=True, has_exit_clause=True
    )
    found = codes(agreement)
    assert set(found) == {"agreement_renewal_due", "agreement_renegotiation_due"}
    assert found["agreement_renewal_due"].due == days(90)
    assert "in 12 days" in found["agreement_renegotiation_due"].message
    assert (
        codes(AgreementInfo(renewal=days(91), has_review_clause=True, has_exit_clause=True)) == {}
    )


def test_the_exit_notice_deadline_is_the_renewal_minus_the_notice_period():
    agreement = AgreementInfo(
        renewal=days(150), exit_notice_days=90, has_review_clause=True, has_exit_clause=True
    )
    found = codes(agreement)
    assert set(found) == {"agreement_exit_notice_due"}
    assert found["agreement_exit_notice_due"].due == days(60)
    later = AgreementInfo(renewal=days(151), exit_notice_days=90, has_review_clause=True)
    assert "agreement_exit_notice_due" not in codes(later)


def test_dates_already_passed_are_not_due():
    agreement = AgreementInfo(
        renewal=days(-1), renegotiation=days(-30), exit_notice_days=10, has_review_clause=True
    )
    assert set(codes(agreement)) == {"agreement_no_exit_clause"}


def test_a_renewal_today_is_due_today():
    found = codes(AgreementInfo(renewal=AS_OF, has_review_clause=True, has_exit_clause=True))
    assert "due today" in found["agreement_renewal_due"].message
