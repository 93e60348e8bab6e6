"""The practitioner guides' own stories, at the detection level.

The triage (rule of three, triangulation) is tested elsewhere; here we check
that the rules see what a careful alliance manager would see, month by month.
"""

from __future__ import annotations

from datetime import date

from radar.engine.vocab import (
    AllianceKind,
    ContactRole,
    MetricKind,
    ObservationKind,
    Polarity,
)
from tests.engine.builders import (
    alliance,
    contact,
    detect,
    dip,
    fired,
    history,
    metric,
    negatives,
    observation,
    ramp,
    steady_periods,
)

START = date(2024, 1, 1)


def months(*pairs):
    return [date(y, m, 1) for y, m in pairs]


def longest_run(periods):
    """The longest streak of consecutive months in a list of periods."""
    best = run = 0
    previous = None
    for period in sorted(set(periods)):
        consecutive = previous is not None and (
            (period.year * 12 + period.month) - (previous.year * 12 + previous.month) == 1
        )
        run = run + 1 if consecutive else 1
        best = max(best, run)
        previous = period
    return best


def test_reassigned_lead_engineer_then_attendance_falls():
    # 2025-05-12: the partner reassigns its lead engineer, no successor named.
    # From June the partner sends fewer people, and fewer of those invited show up.
    after = list(range(17, 24))  # 2025-06 .. 2025-12
    h = history(
        alliance=alliance(kind=AllianceKind.TECHNOLOGY),
        periods=steady_periods(
            START,
            24,
            partner_attended=dip(9, at=after, to=5),
            partner_people=dip(4, at=after, to=2),
            partner_words=dip(120.0, at=after, to=70.0),
        ),
        contacts=(
            contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=START),
            contact(
                2,
                "Ben Okafor",
                role=ContactRole.TECHNICAL_LEAD,
                title="Lead engineer",
                started=START,
                ended=date(2025, 5, 12),
                end_reason="reassigned",
            ),
            contact(3, "Cleo Park", role=ContactRole.SALES_LEAD, started=START),
        ),
    )
    found = detect(h, date(2025, 8, 31))
    assert fired(found, "resource.key_contact_left") == months((2025, 5))
    left = next(d for d in found if d.rule == "resource.key_contact_left")
    assert left.instant and "no successor named" in left.detail
    # The follow-on signals appear in the months after, and keep appearing.
    assert fired(found, "communication.attendance_falling") == months(
        (2025, 6), (2025, 7), (2025, 8)
    )
    assert fired(found, "resource.team_shrinking") == months((2025, 6), (2025, 7), (2025, 8))
    assert fired(found, "communication.shorter_messages") == months((2025, 6), (2025, 7), (2025, 8))
    # Nothing negative before the reassignment.
    assert [d for d in negatives(found) if d.period < date(2025, 5, 1)] == []


def test_co_selling_partner_leads_slow_after_a_competing_internal_initiative():
    leads = [30, 32, 29, 31, 30, 33, 31, 30, 29, 32, 31, 30, 31, 30, 32, *ramp(24, 12, 9)]
    revenue = [200.0] * 18 + ramp(170, 120, 6)  # revenue follows, later
    h = history(
        alliance=alliance(kind=AllianceKind.CO_SELLING, name="Globex co-selling"),
        periods=steady_periods(START, 24),
        metrics=(
            metric("leads", START, leads, kind=MetricKind.LEADING, name="qualified leads"),
            metric("revenue", START, revenue, kind=MetricKind.LAGGING, unit="kEUR"),
        ),
        observations=(
            observation(
                1,
                date(2025, 3, 18),
                ObservationKind.COMPETING_INITIATIVE,
                title="Partner's sales team pushed onto their new in-house bundle",
            ),
        ),
    )
    found = detect(h, date(2025, 12, 31))
    initiative = [d for d in found if d.rule == "priority.observation"]
    assert [d.period for d in initiative] == months((2025, 3))
    assert not initiative[0].instant  # an internal impression waits for corroboration
    lead_months = fired(found, "metrics.falling.leads")
    revenue_months = fired(found, "metrics.falling.revenue")
    assert lead_months[0] == date(2025, 5, 1)  # two months after the initiative was noticed
    assert longest_run(lead_months) >= 3
    # The leading indicator moves months before the lagging one.
    assert revenue_months and revenue_months[0] >= date(2025, 7, 1)
    assert "leading indicator" in next(
        d.evidence.summary for d in found if d.rule == "metrics.falling.leads"
    )


def test_a_december_holiday_dip_that_recovers_never_persists():
    # Everything dips in December (meetings, calls, mail, people, leads), then recovers.
    decembers = [11, 23]
    n = 26

    def hol(normal, low):
        return dip(normal, at=decembers, to=low, months=n)

    h = history(
        periods=steady_periods(
            START,
            n,
            meetings_scheduled=hol(4, 2),
            meetings_held=hol(4, 1),
            meetings_cancelled=hol(0, 1),
            calls=hol(2, 0),
            emails_inbound=hol(20, 6),
            emails_outbound=hol(22, 8),
            partner_invited=hol(10, 3),
            partner_attended=hol(9, 1),
            partner_people=hol(4, 1),
            partner_reply_hours=hol(12.0, 48.0),
            partner_words=hol(120.0, 60.0),
        ),
        metrics=(metric("leads", START, hol(30, 12), kind=MetricKind.LEADING),),
    )
    found = detect(h, date(2026, 2, 28))
    by_rule: dict[str, list[date]] = {}
    for d in negatives(found):
        by_rule.setdefault(d.rule, []).append(d.period)
    assert by_rule, "the dip itself is visible"
    assert set().union(*by_rule.values()) == set(months((2024, 12), (2025, 12)))
    assert all(longest_run(periods) == 1 for periods in by_rule.values()), by_rule
    # January's rebound is a return to normal, not "rising engagement".
    assert [d for d in found if d.polarity == Polarity.POSITIVE] == []


def test_a_stable_mature_alliance_raises_no_negative_detection():
    h = history(
        alliance=alliance(started=date(2021, 1, 1)),
        periods=steady_periods(START, 36),
        contacts=(
            contact(1, "Ana Ruiz", role=ContactRole.CHAMPION, started=date(2021, 1, 1)),
            contact(2, "Ben Okafor", role=ContactRole.TECHNICAL_LEAD, started=date(2021, 1, 1)),
        ),
        metrics=(metric("revenue", START, [100, 104, 98, 101, 103, 99] * 6, target=90),),
    )
    assert negatives(detect(h, date(2026, 12, 31))) == []
