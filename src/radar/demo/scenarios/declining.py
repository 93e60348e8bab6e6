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
            Shift("attendance", -5, 0.4),
            Shift("reach", -5, 0.7, ramp=2),
            Shift("engagement", -5, 0.55),
            Shift("words", -5, 0.35),
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
            Shift("reply_hours", -5, 2.8),
            Shift("attendance", -5, 0.45),
            Shift("reach", -5, 0.7),
            Shift("words", -5, 0.4),
            Shift("cancel_rate", -4, 0.2),
            Shift("tone", -4, -0.3),
            Shift("defensive", -4, 0.15),
            Shift("partner_late", -5, 0.6),
            Shift("satisfaction", -3, 0.8),
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
