"""Alliances that are fine: growth, a mature plateau, a seasonal dip, a clean handover."""

from __future__ import annotations

from radar.demo.scenarios import metrics
from radar.demo.story import (
    ActionSpec,
    AgreementSpec,
    ContactSpec,
    ContextSpec,
    DecisionSpec,
    Levels,
    ObservationSpec,
    Scenario,
    Shift,
)


def brightpath() -> Scenario:
    return Scenario(
        key="brightpath-advisory",
        name="Brightpath Advisory — retail analytics practice",
        partner="Brightpath Advisory",
        domain="brightpath.example",
        kind="reseller",
        tier=1,
        owner="demo",
        start=-22,
        phase="growth",
        description="Brightpath's consultants build retail analytics practices on our "
        "platform and resell licences.",
        story="A young alliance gathering pace. Every few months another Brightpath team asks "
        "for a direct line to ours, ideas for joint offers arrive unprompted, workshops fill "
        "up and revenue compounds. Positive signals dominate: a candidate to reinvest in.",
        contacts=(
            ContactSpec(
                "sofia", "Sofia Almeida", "Managing Partner", "executive_sponsor", tenure_years=5
            ),
            ContactSpec(
                "liam", "Liam Connolly", "Partner, Digital Practice", "champion", tenure_years=2
            ),
            ContactSpec("yara", "Yara Haddad", "Alliance Director", "alliance_manager"),
            ContactSpec(
                "ethan", "Ethan Brooks", "Practice Lead, Data", "technical_lead", start=-14
            ),
            ContactSpec("mei", "Mei Chen", "Marketing Director", "marketing_lead", start=-10),
            ContactSpec("arjun", "Arjun Mehta", "Engagement Manager", "sales_lead", start=-7),
            ContactSpec("zoe", "Zoe Laurent", "Senior Consultant", "other", start=-4),
            ContactSpec("tobias", "Tobias Wren", "Head of Industry Solutions", "other", start=-2),
            ContactSpec("nora", "Nora Lindgren", "Head of Customer Success", "other", start=-1),
        ),
        metrics=(
            *metrics.co_selling(leads=9, revenue=60000, growth=0.03),
            metrics.network(5, 0.06),
            metrics.initiatives(1.0),
        ),
        goals=(
            ("Licence revenue per month", "joint_revenue", 150000),
            ("Joint initiatives per quarter", "initiatives", 6),
        ),
        agreement=AgreementSpec(
            signed=-22,
            renewal_days=300,
            next_review_days=70,
            renegotiation_days=300,
            exit_notice_days=90,
        ),
        base=Levels(reply_hours=7.0, tone=0.45, health=4.2, ours_late=0.0, partner_late=0.04),
        shifts=(
            Shift("engagement", -10, 1.3, ramp=4),
            Shift("engagement", -4, 1.3, ramp=2),
            Shift("leads", -10, 1.6, ramp=8),
            Shift("velocity", -9, 2.2, ramp=6),
            Shift("satisfaction", -8, 1.1, ramp=4),
            Shift("reply_hours", -8, 0.75),
            Shift("tone", -8, 0.1),
            Shift("attendance", -6, 1.05),
            Shift("health", -8, 0.6),
        ),
        workshops=(-8, -4, -1),
        observations=(
            ObservationSpec(
                -9,
                8,
                "spontaneous_idea",
                "Brightpath proposes a retail analytics accelerator",
                "Unprompted: a packaged offer built on both sides' assets.",
                polarity="positive",
            ),
            ObservationSpec(
                -6,
                19,
                "new_connection",
                "Their data practice asks for a direct line to our product team",
                "Ethan Brooks now meets our product managers monthly.",
                polarity="positive",
            ),
            ObservationSpec(
                -5,
                4,
                "joint_win",
                "First joint deal with a national grocer",
                "Three-year licence, Brightpath implementing.",
                polarity="positive",
                category="metrics",
            ),
            ObservationSpec(
                -3,
                12,
                "spontaneous_idea",
                "Joint benchmark report suggested",
                "Mei Chen offered to co-author and fund the survey.",
                polarity="positive",
            ),
            ObservationSpec(
                -1,
                26,
                "new_connection",
                "Industry head introduced to our CTO",
                "Tobias Wren wants a shared industry roadmap.",
                polarity="positive",
            ),
        ),
        decisions=(
            DecisionSpec(
                -14,
                5,
                "monitor",
                "Early days; ramp enablement first.",
                (ActionSpec("Certify ten Brightpath consultants", "Robin Hale", 60, done=True),),
            ),
            DecisionSpec(
                -7,
                20,
                "reinvest",
                "Growth ahead of plan; fund a dedicated partner solutions architect.",
                (
                    ActionSpec("Hire a partner solutions architect", "Robin Hale", 75),
                    ActionSpec("Co-author the benchmark report", "Lea Novak", 90),
                ),
            ),
        ),
        emails_per_month=6,
        words=180,
        deliverable_titles=("Practice enablement", "Joint offer", "Case study"),
        wg_name="Practice growth working group",
    )


def meridian() -> Scenario:
    return Scenario(
        key="meridian-freight",
        name="Meridian Freight — logistics distribution",
        partner="Meridian Freight Networks",
        domain="meridianfreight.example",
        kind="distribution",
        tier=2,
        owner="tomas",
        start=-74,
        phase="maturity",
        description="Meridian bundles our fleet analytics with its freight management service.",
        story="A six-year-old distribution alliance on a healthy plateau: the same people, the "
        "same rhythm, predictable deliverables and flat, on-target numbers. Nothing grows, "
        "nothing decays. The radar should call it maturity, not decline.",
        contacts=(
            ContactSpec(
                "frances",
                "Frances Oyelaran",
                "Chief Commercial Officer",
                "executive_sponsor",
                tenure_years=3,
            ),
            ContactSpec(
                "george", "George Papadakis", "Head of Partnerships", "champion", tenure_years=2
            ),
            ContactSpec("ines", "Ines Moreau", "Partner Operations Manager", "alliance_manager"),
            ContactSpec("karl", "Karl Jansen", "Solutions Lead", "technical_lead"),
        ),
        metrics=metrics.co_selling(leads=12, revenue=120000, growth=0.0),
        goals=(("Distribution revenue per month", "joint_revenue", 120000),),
        agreement=AgreementSpec(
            signed=-74, renewal_days=220, next_review_days=100, exit_notice_days=180
        ),
        base=Levels(reply_hours=11.0, tone=0.3, health=4.0),
        observations=(
            ObservationSpec(
                -15,
                10,
                "other",
                "Annual review: terms still fit both sides",
                "No changes requested.",
                polarity="neutral",
            ),
            ObservationSpec(
                -7,
                3,
                "joint_win",
                "Joint customer renews for three years",
                "Largest shared account.",
                polarity="positive",
                category="metrics",
            ),
        ),
        decisions=(
            DecisionSpec(-23, 9, "monitor", "Mature and steady; keep the quarterly rhythm.", ()),
            DecisionSpec(
                -11,
                14,
                "monitor",
                "Annual review: steady, on target.",
                (ActionSpec("Refresh the contact list", "Tomás Okafor", 30, done=True),),
            ),
        ),
        emails_per_month=4,
        words=150,
        deliverable_every_weeks=8,
        deliverable_titles=("Quarterly distribution report", "Price list update"),
        wg_name="Operations working group",
    )


def orchid(december_months: list[int]) -> Scenario:
    return Scenario(
        key="orchid-vale-campaigns",
        name="Orchid & Vale — joint campaigns",
        partner="Orchid & Vale Retail",
        domain="orchidvale.example",
        kind="co_marketing",
        tier=2,
        owner="maya",
        start=-30,
        phase="maturity",
        description="Joint loyalty-analytics campaigns for Orchid & Vale's store brands.",
        story="A co-marketing alliance with a retailer that goes quiet every December: peak "
        "season freezes campaigns, meetings are dropped and replies wait until January. The "
        "dip is sharp and recovers each time; the rule of three keeps it from escalating.",
        contacts=(
            ContactSpec(
                "harriet",
                "Harriet Osei",
                "Chief Marketing Officer",
                "executive_sponsor",
                tenure_years=2,
            ),
            ContactSpec("julien", "Julien Besson", "Head of Partner Marketing", "champion"),
            ContactSpec("maria", "Maria Castillo", "Campaign Manager", "alliance_manager"),
            ContactSpec("noah", "Noah Fischer", "CRM Lead", "marketing_lead"),
        ),
        metrics=metrics.co_selling(leads=18, revenue=70000, growth=0.002),
        goals=(("Campaign-sourced leads per month", "leads", 18),),
        agreement=AgreementSpec(
            signed=-30, renewal_days=75, next_review_days=45, exit_notice_days=60
        ),
        base=Levels(reply_hours=10.0, tone=0.38),
        holiday_dip=0.35,
        observations=tuple(
            ObservationSpec(
                m,
                2,
                "other",
                "Peak-season freeze at Orchid & Vale",
                "No campaign changes until mid-January.",
                category="communication",
                polarity="neutral",
            )
            for m in december_months
        ),
        # The freeze is declared: a quiet period each December (no streak completes in it).
        context=tuple(
            ContextSpec("quiet_period", m, "Peak-season freeze: no campaigns until January.", m)
            for m in december_months
        ),
        decisions=(DecisionSpec(-16, 11, "monitor", "Good year; same plan.", ()),),
        emails_per_month=8,
        words=140,
        deliverable_titles=("Campaign brief", "Campaign results", "Audience segments"),
        wg_name="Campaign working group",
    )


def ashgrove() -> Scenario:
    return Scenario(
        key="ashgrove-maintenance",
        name="Ashgrove — predictive maintenance venture",
        partner="Ashgrove Manufacturing",
        domain="ashgrove.example",
        kind="joint_venture",
        tier=2,
        owner="maya",
        start=-32,
        phase="maturity",
        description="A joint predictive-maintenance service for Ashgrove's machine fleet.",
        story="A champion change handled well. A new CEO arrived at Ashgrove; our champion was "
        "promoted and introduced her successor, who sat in three operating committees before "
        "the hand-over. Engagement barely moved. Departures with a named successor and a "
        "leadership change on record should not read as decline.",
        contacts=(
            ContactSpec(
                "henrik",
                "Henrik Vogel",
                "Chief Executive Officer",
                "executive_sponsor",
                end=-9,
                end_reason="left",
                successor="ruth",
                tenure_years=6,
            ),
            ContactSpec(
                "ruth", "Ruth Kimani", "Chief Executive Officer", "executive_sponsor", start=-9
            ),
            ContactSpec(
                "claire",
                "Claire Dubois",
                "VP Digital Services",
                "champion",
                end=-7,
                end_reason="role_change",
                successor="samuel",
                tenure_years=2,
                notes="Promoted to Chief Operating Officer; still our escalation path.",
            ),
            ContactSpec(
                "samuel",
                "Samuel Adeyemi",
                "Director, Digital Partnerships",
                "champion",
                start=-10,
                keenness=1.05,
            ),
            ContactSpec("paula", "Paula Jensen", "Alliance Manager", "alliance_manager"),
            ContactSpec("omar", "Omar Farouk", "Reliability Engineering Lead", "technical_lead"),
        ),
        metrics=metrics.technology(18, growth=0.004),
        goals=(("Machines under predictive maintenance (customers)", "joint_customers", 25),),
        agreement=AgreementSpec(
            signed=-32, renewal_days=400, next_review_days=120, exit_notice_days=180
        ),
        base=Levels(reply_hours=9.0, tone=0.4),
        shifts=(Shift("engagement", -8, 0.9, ramp=1, end=-7),),
        context=(
            ContextSpec(
                "leadership_change",
                -9,
                "New CEO at Ashgrove reviews all partnerships in her first hundred days.",
            ),
        ),
        observations=(
            ObservationSpec(
                -10,
                15,
                "team_change",
                "Claire introduces her successor",
                "Samuel Adeyemi joins the next three operating committees before taking over.",
                category="resource",
                polarity="positive",
            ),
            ObservationSpec(
                -7,
                20,
                "team_change",
                "Hand-over complete",
                "Samuel ran the QBR; Claire stays as escalation path.",
                category="resource",
                polarity="positive",
            ),
            ObservationSpec(
                -5,
                6,
                "spontaneous_idea",
                "Samuel proposes a spare-parts forecasting pilot",
                "Would extend the venture to a second plant.",
                polarity="positive",
            ),
        ),
        decisions=(
            DecisionSpec(
                -8,
                24,
                "monitor",
                "New CEO at Ashgrove: keep governance steady and brief her on the venture.",
                (
                    ActionSpec("Briefing pack for Ruth Kimani", "Maya Lindqvist", 14, done=True),
                    ActionSpec(
                        "Invite Samuel to our product council", "Maya Lindqvist", 30, done=True
                    ),
                ),
            ),
        ),
        emails_per_month=5,
        words=170,
        deliverable_titles=("Model retraining", "Plant roll-out", "Service report"),
        wg_name="Reliability working group",
    )
