"""Trouble of another kind: an alliance past saving, and one where we are the problem."""

from __future__ import annotations

from radar.demo.scenarios import metrics
from radar.demo.story import (
    ActionSpec,
    AgreementSpec,
    ContactSpec,
    DecisionSpec,
    Levels,
    ObservationSpec,
    Scenario,
    Shift,
)


def stratacom() -> Scenario:
    """Channel alliance that should end: a failed reset, no champion, a rival deal."""
    return Scenario(
        key="stratacom-channel",
        name="Stratacom — channel resale",
        partner="Stratacom Networks",
        domain="stratacom.example",
        kind="co_selling",
        tier=2,
        owner="demo",
        start=-40,
        phase="decline",
        description="Stratacom resells our analytics to its enterprise connectivity customers.",
        story="A channel alliance that has run its course. Its sponsor and champion left "
        "without successors, Stratacom signed with a direct competitor, a reset ten months "
        "ago did not hold, messages turned terse and blaming, the latest survey went "
        "unanswered and revenue collapsed. No decision has been taken since the pattern was "
        "confirmed, and the renewal date is close: the case for a graceful exit.",
        contacts=(
            ContactSpec(
                "walter",
                "Walter Brenner",
                "Chief Operating Officer",
                "executive_sponsor",
                end=-7,
                end_reason="left",
                tenure_years=4,
            ),
            ContactSpec(
                "anika",
                "Anika Sorensen",
                "Director of Channel Partnerships",
                "champion",
                end=-5,
                end_reason="left",
                tenure_years=2,
            ),
            ContactSpec("pieter", "Pieter de Vries", "Channel Account Manager", "alliance_manager"),
            ContactSpec(
                "lucy",
                "Lucy Tran",
                "Sales Engineer",
                "technical_lead",
                end=-3,
                end_reason="reassigned",
            ),
        ),
        metrics=metrics.co_selling(leads=14, revenue=95000, growth=0.0),
        goals=(("Channel revenue per month", "joint_revenue", 110000),),
        agreement=AgreementSpec(
            signed=-40, renewal_days=40, next_review_days=-20, exit_notice_days=60
        ),
        base=Levels(reply_hours=12.0, tone=0.3),
        shifts=(
            Shift("engagement", -11, 0.8),
            Shift("reply_hours", -11, 1.4),
            Shift("leads", -11, 0.75),
            Shift("tone", -11, -0.1),
            Shift("partner_late", -11, 0.15),
            Shift("health", -11, -0.8),
            Shift("engagement", -5, 0.5, ramp=2),
            Shift("reply_hours", -5, 2.3, ramp=2),
            Shift("attendance", -5, 0.55, ramp=2),
            Shift("cancel_rate", -5, 0.3, ramp=2),
            Shift("reach", -5, 0.5, ramp=2),
            Shift("words", -5, 0.5, ramp=2),
            Shift("tone", -5, -0.4, ramp=2),
            Shift("blame", -5, 0.2, ramp=2),
            Shift("defensive", -5, 0.12, ramp=2),
            Shift("leads", -5, 0.4, ramp=2),
            Shift("conversion", -5, 0.6),
            Shift("revenue", -4, 0.4),
            Shift("satisfaction", -5, 0.6),
            Shift("partner_late", -5, 0.5, ramp=2),
            Shift("health", -5, -1.4),
            # Since last month Pieter has stopped answering and meetings are called off.
            Shift("engagement", -1, 0.02, ramp=1),
            Shift("cancel_rate", -1, 0.9, ramp=1),
        ),
        observations=(
            ObservationSpec(
                -9,
                14,
                "competing_initiative",
                "Stratacom signs a resale deal with Veridian Analytics",
                "Veridian is our most direct competitor.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -6,
                2,
                "job_posting",
                "Stratacom advertises for an in-house analytics product team",
                "Product manager and four engineers.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -4,
                21,
                "escalation",
                "Joint customer churned; Stratacom blames our onboarding",
                "Their account team copied our CEO.",
                category="culture",
            ),
            ObservationSpec(
                -1,
                24,
                "other",
                "Our follow-ups go unanswered",
                "Two e-mails and a voicemail to Pieter de Vries since the last check-in.",
                category="communication",
            ),
            ObservationSpec(
                -2,
                7,
                "budget_change",
                "Partner marketing funds cut to zero",
                "For their next fiscal year.",
                category="resource",
                source="external",
            ),
        ),
        decisions=(
            DecisionSpec(
                -10,
                17,
                "reset",
                "Revenue and engagement slipping: realign targets "
                "and governance with Stratacom's channel team.",
                (
                    ActionSpec(
                        "Candid conversation with Anika Sorensen", "Robin Hale", 14, done=True
                    ),
                    ActionSpec("New joint target sheet", "Sam Whitaker", 30, done=True),
                    ActionSpec("Restart the monthly check-in", "Robin Hale", 45),
                ),
            ),
        ),
        unanswered_last_survey=True,
        emails_per_month=5,
        words=140,
        deliverable_titles=("Channel pipeline report", "Reseller certification", "Joint campaign"),
        wg_name="Channel sales sync",
    )


def pinecrest() -> Scenario:
    """Our own side is the problem: we keep missing our deliverables."""
    return Scenario(
        key="pinecrest-integration",
        name="Pinecrest — workflow integration",
        partner="Pinecrest Software",
        domain="pinecrest.example",
        kind="technology",
        tier=2,
        owner="tomas",
        start=-30,
        phase="growth",
        description="Embedding our dashboards in Pinecrest's workflow product.",
        story="A healthy partner let down by us. Our integration engineer was pulled onto an "
        "internal migration five months ago and our releases slip one after another. Pinecrest "
        "still shows up and answers quickly, but its tone cools. The execution signal points "
        "at our own side: 'could our own performance be the issue?'",
        contacts=(
            ContactSpec("ruth", "Ruth Abernathy", "VP Product", "executive_sponsor"),
            ContactSpec("diego", "Diego Fernandez", "Head of Integrations", "champion"),
            ContactSpec("hanna", "Hanna Virtanen", "Partner Manager", "alliance_manager"),
            ContactSpec("wei", "Wei Zhang", "Staff Engineer", "technical_lead"),
            ContactSpec(
                "our-dev",
                "Felix Grant",
                "Integration Engineer",
                "technical_lead",
                side="ours",
                end=-5,
                end_reason="reassigned",
                notes="Moved to our internal platform migration.",
            ),
        ),
        metrics=metrics.technology(28),
        goals=(("Joint customers on the embedded dashboards", "joint_customers", 40),),
        agreement=AgreementSpec(
            signed=-30, renewal_days=260, next_review_days=60, exit_notice_days=90
        ),
        shifts=(
            Shift("ours_late", -5, 0.9, ramp=2),
            Shift("velocity", -4, 0.55),
            Shift("tone", -3, -0.25),
            Shift("words", -3, 1.3),
            Shift("satisfaction", -2, 0.85),
            Shift("health", -4, -1.0),
        ),
        observations=(
            ObservationSpec(
                -4,
                9,
                "escalation",
                "Pinecrest asks when our fixes will land",
                "Polite, but the third time.",
                category="execution",
            ),
            ObservationSpec(
                -2,
                16,
                "quality_issue",
                "We missed the second release window in a row",
                "Our connector fixes moved again.",
                category="execution",
            ),
        ),
        decisions=(DecisionSpec(-14, 12, "monitor", "Steady; nothing to change.", ()),),
        emails_per_month=5,
        words=170,
        deliverable_every_weeks=4,
        deliverable_titles=("Dashboard embed release", "API contract update", "Joint test plan"),
        wg_name="Integration working group",
    )
