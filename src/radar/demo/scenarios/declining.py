"""Alliances in trouble: the stories the radar must catch early."""

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


def helix() -> Scenario:
    """Technology integration; the partner reassigned its lead engineer five months ago."""
    return Scenario(
        key="helix-data-connector",
        name="Helix Data — connector integration",
        partner="Helix Data Systems",
        domain="helixdata.example",
        kind="technology",
        tier=1,
        owner="demo",
        start=-38,
        phase="maturity",
        description="Two-way connector between our analytics suite and Helix's data "
        "warehouse, sold to joint customers since the second year.",
        story="A three-year technology integration. After a restructuring Helix moved its lead "
        "integration engineer to another team; the newcomer is capable but rarely joins. "
        "Attendance falls, updates shrink to one-liners, the joint roadmap stalls and joint "
        "customers start to complain. Expect a confirmed, systemic decline and a reset.",
        contacts=(
            ContactSpec(
                "ingrid",
                "Ingrid Holm",
                "Chief Product Officer",
                "executive_sponsor",
                tenure_years=2,
            ),
            ContactSpec(
                "rafael",
                "Rafael Ortega",
                "Director of Partner Engineering",
                "champion",
                tenure_years=1,
            ),
            ContactSpec("aiko", "Aiko Tanaka", "Technology Partner Manager", "alliance_manager"),
            ContactSpec(
                "jonas",
                "Jonas Brandt",
                "Lead Integration Engineer",
                "technical_lead",
                end=-5,
                end_reason="reassigned",
                successor="kofi",
                tenure_years=1,
                notes="Moved to Helix's new data-platform team after the restructuring.",
            ),
            ContactSpec(
                "kofi",
                "Kofi Mensah",
                "Integration Engineer",
                "technical_lead",
                start=-5,
                keenness=0.4,
            ),
            ContactSpec(
                "ben",
                "Ben Ashworth",
                "Solutions Engineer",
                "operations",
                end=-4,
                end_reason="reassigned",
            ),
        ),
        metrics=(*metrics.technology(46), metrics.network(11, 0.0)),
        goals=(
            ("Joint customers live on the connector", "joint_customers", 60),
            ("Ship the v3 connector roadmap", "roadmap_items", 3),
        ),
        agreement=AgreementSpec(
            signed=-38,
            renewal_days=320,
            next_review_days=20,
            renegotiation_days=120,
            exit_notice_days=90,
        ),
        base=Levels(reply_hours=9.0, tone=0.4),
        shifts=(
            Shift("attendance", -5, 0.5),
            Shift("reach", -5, 0.45, ramp=2),
            Shift("engagement", -5, 0.55),
            Shift("words", -5, 0.45),
            Shift("reply_hours", -5, 2.8),
            Shift("cancel_rate", -5, 0.22),
            Shift("partner_late", -5, 0.6, ramp=2),
            Shift("velocity", -5, 0.3),
            Shift("satisfaction", -3, 0.7),
            Shift("revenue", -3, 0.88),
            Shift("tone", -4, -0.3),
            Shift("defensive", -3, 0.12),
            Shift("health", -5, -1.8),
        ),
        observations=(
            ObservationSpec(
                -6,
                12,
                "other",
                "Helix announces an engineering restructuring",
                "Press release: engineering reorganised around the new data platform.",
                category="priority",
                source="external",
                polarity="neutral",
            ),
            ObservationSpec(
                -5,
                3,
                "team_change",
                "Jonas Brandt reassigned",
                "Our lead counterpart moved to the data-platform team; Kofi "
                "Mensah takes over the connector part-time.",
                category="resource",
            ),
            ObservationSpec(
                -4,
                18,
                "roadmap_change",
                "v3 connector gone from Helix's public roadmap",
                "Their published roadmap no longer lists the v3 connector we planned together.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -2,
                9,
                "quality_issue",
                "Two joint customers escalate sync failures",
                "Fixes wait on Helix; status updates are vague.",
                category="execution",
            ),
        ),
        decisions=(
            DecisionSpec(
                -25,
                14,
                "reinvest",
                "Connector adoption beats plan; fund the v2 connector and a joint launch.",
                (
                    ActionSpec(
                        "Staff a second engineer on the connector", "Robin Hale", 30, done=True
                    ),
                    ActionSpec("Joint launch webinar", "Lea Novak", 60, done=True),
                ),
            ),
            DecisionSpec(
                -13,
                10,
                "monitor",
                "Annual review: steady, keep the cadence.",
                (ActionSpec("Refresh the joint roadmap", "Robin Hale", 45, done=True),),
            ),
            DecisionSpec(
                -1,
                6,
                "monitor",
                "Helix says the restructuring settles by year end; revisit at the next "
                "steering committee.",
                (
                    ActionSpec("Ask Rafael Ortega for a named integration lead", "Robin Hale", 21),
                    ActionSpec("Status of the two escalated customers", "Hannah Cole", 14),
                ),
            ),
        ),
        emails_per_month=7,
        words=190,
        deliverable_every_weeks=4,
        deliverable_titles=(
            "Connector release",
            "Joint roadmap update",
            "Certification run",
            "Customer escalation fix",
        ),
        wg_name="Connector engineering sync",
    )


def bluefjord() -> Scenario:
    """Co-selling; the partner changed rep incentives and launched a rival initiative."""
    return Scenario(
        key="bluefjord-co-sell",
        name="Bluefjord Cloud — co-sell",
        partner="Bluefjord Cloud",
        domain="bluefjord.example",
        kind="co_selling",
        tier=1,
        owner="maya",
        start=-34,
        phase="growth",
        description="Bluefjord's field sellers bring us into cloud migration deals; we pay a "
        "referral fee and co-fund events.",
        story="A co-selling alliance fed by a steady flow of partner leads. Bluefjord changed "
        "its sales compensation so partner deals no longer count toward quota, and launched "
        "its own analytics add-on. Leads slow first; revenue follows three months later. The "
        "owner still scores it 5/5 — a divergence worth a neutral reviewer.",
        contacts=(
            ContactSpec(
                "daniel",
                "Daniel Reyes",
                "SVP Global Alliances",
                "executive_sponsor",
                tenure_years=3,
            ),
            ContactSpec(
                "chloe", "Chloe Martin", "Director, Partner Sales", "champion", tenure_years=1
            ),
            ContactSpec("oskar", "Oskar Lind", "Partner Development Manager", "alliance_manager"),
            ContactSpec("nadia", "Nadia Petrova", "Regional Sales Lead, EMEA", "sales_lead"),
            ContactSpec("grace", "Grace Whitfield", "Partner Marketing Manager", "marketing_lead"),
        ),
        metrics=metrics.co_selling(leads=26, revenue=185000),
        goals=(
            ("Qualified partner leads per month", "leads", 28),
            ("Joint revenue per month", "joint_revenue", 210000),
        ),
        agreement=AgreementSpec(
            signed=-34,
            renewal_days=340,
            next_review_days=35,
            renegotiation_days=45,
            exit_notice_days=120,
        ),
        shifts=(
            Shift("leads", -6, 0.35),
            Shift("conversion", -5, 0.7),
            Shift("revenue", -3, 0.55),
            Shift("engagement", -5, 0.6),
            Shift("reply_hours", -5, 2.2),
            Shift("attendance", -5, 0.65),
            Shift("reach", -5, 0.5),
            Shift("words", -5, 0.6),
            Shift("cancel_rate", -4, 0.15),
            Shift("tone", -4, -0.2),
            Shift("partner_late", -5, 0.45),
            Shift("satisfaction", -3, 0.85),
            Shift("health", -5, -1.9),
        ),
        observations=(
            ObservationSpec(
                -6,
                6,
                "program_tier_change",
                "New Bluefjord rep compensation plan",
                "Partner-sourced deals no longer count toward seller quota.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -5,
                20,
                "competing_initiative",
                "Bluefjord launches its own analytics add-on",
                "Announced at their partner summit; overlaps most of our joint offer.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -4,
                11,
                "job_posting",
                "Bluefjord hiring analytics sales specialists",
                "Six openings to sell the new add-on.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -3,
                15,
                "focus_shift",
                "Their reps are told to lead with the add-on",
                "Heard from two field sellers after the QBR.",
                category="priority",
            ),
        ),
        decisions=(
            DecisionSpec(
                -21,
                8,
                "reinvest",
                "Lead flow above target; co-fund a field enablement tour.",
                (ActionSpec("Enablement tour in three regions", "Sam Whitaker", 60, done=True),),
            ),
            DecisionSpec(-9, 22, "monitor", "Half-year review: on track.", ()),
        ),
        manual_scores=((-2, 4), (-1, 5), (0, 5)),
        emails_per_month=7,
        words=150,
        deliverable_titles=(
            "Lead hand-off report",
            "Joint account plan",
            "Pipeline review",
            "Co-funded event",
        ),
        wg_name="Co-sell pipeline review",
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
            Shift("ours_late", -5, 0.75, ramp=2),
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
