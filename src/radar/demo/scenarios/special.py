"""Alliances whose story is about context or structure rather than mood."""

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


def carelink() -> Scenario:
    return Scenario(
        key="carelink-health",
        name="Carelink Health — patient-flow analytics",
        partner="Carelink Health Networks",
        domain="carelink.example",
        kind="research",
        tier=2,
        owner="tomas",
        start=-28,
        phase="growth",
        description="Joint patient-flow analytics for Carelink's hospital network.",
        story="A healthcare alliance slowed by new health-data sharing rules. Approvals take "
        "longer, partner deliverables wait on compliance reviews and new joint work pauses — "
        "while attendance and tone stay good. The slowdown is real, but a regulatory shift is "
        "on record, so the signals are marked as possibly external.",
        contacts=(
            ContactSpec(
                "amara",
                "Amara Nwosu",
                "Chief Medical Information Officer",
                "executive_sponsor",
                tenure_years=3,
            ),
            ContactSpec("david", "David Sato", "Director of Clinical Analytics", "champion"),
            ContactSpec("rosa", "Rosa Jimenez", "Partnership Manager", "alliance_manager"),
            ContactSpec("ivan", "Ivan Petrov", "Data Protection Officer", "operations"),
            ContactSpec("leila", "Leila Rahimi", "Clinical Informatics Lead", "technical_lead"),
        ),
        metrics=metrics.technology(9, growth=0.02),
        goals=(("Hospitals live on patient-flow analytics", "joint_customers", 16),),
        agreement=AgreementSpec(
            signed=-28,
            renewal_days=260,
            next_review_days=50,
            exit_notice_days=120,
            review_clause="Joint review every 6 months, including a "
            "compliance check of all data flows.",
            review_interval_months=6,
        ),
        base=Levels(reply_hours=14.0, tone=0.35),
        shifts=(
            Shift("partner_late", -6, 0.5),
            Shift("velocity", -6, 0.45),
            Shift("reply_hours", -6, 1.7),
            Shift("engagement", -6, 0.85),
            Shift("revenue", -3, 0.9),
            Shift("health", -6, -0.8),
        ),
        context=(
            ContextSpec(
                "regulation",
                -6,
                "New health-data sharing rules: every joint data flow "
                "needs a fresh impact assessment before go-live.",
            ),
        ),
        observations=(
            ObservationSpec(
                -6,
                10,
                "other",
                "Regulator publishes health-data sharing guidance",
                "Applies to all analytics on patient records.",
                category="priority",
                source="external",
                polarity="neutral",
            ),
            ObservationSpec(
                -4,
                22,
                "quality_issue",
                "Roll-out paused for an impact assessment",
                "Carelink's DPO reviewing the patient-matching feature.",
                category="execution",
            ),
            ObservationSpec(
                -2,
                8,
                "other",
                "Clear approval timeline from Carelink legal",
                "Sign-off expected next quarter; owners named.",
                polarity="positive",
            ),
        ),
        decisions=(
            DecisionSpec(
                -1,
                14,
                "monitor",
                "Slowdown explained by the new rules; agree an approval timeline rather than push.",
                (
                    ActionSpec(
                        "Approval timeline with Carelink legal", "Tomás Okafor", 21, done=True
                    ),
                    ActionSpec(
                        "Share our impact-assessment template", "Hannah Cole", 30, done=True
                    ),
                ),
            ),
        ),
        emails_per_month=5,
        words=200,
        deliverable_titles=("Data-flow approval", "Hospital roll-out", "Clinical dashboard"),
        wg_name="Clinical data working group",
    )


def vantage() -> Scenario:
    return Scenario(
        key="vantage-pay",
        name="Vantage Pay — checkout analytics",
        partner="Vantage Pay",
        domain="vantagepay.example",
        kind="technology",
        tier=1,
        owner="priya",
        start=-30,
        phase="growth",
        description="Checkout analytics embedded in Vantage Pay's merchant console.",
        story="A partner acquired four months ago by Krona Financial Group. The founder-CEO who "
        "sponsored the alliance left, the acquirer's partner programme moved us down a tier "
        "and its roadmap folds Vantage's console into its own. Engagement is sagging; the "
        "merger is on record, so the radar reads the signals in that light.",
        contacts=(
            ContactSpec(
                "hugo",
                "Hugo Lambert",
                "Founder and CEO",
                "executive_sponsor",
                end=-3,
                end_reason="left",
                successor="isabel",
                tenure_years=6,
            ),
            ContactSpec(
                "isabel",
                "Isabel Kruger",
                "VP Partnerships, Krona Financial Group",
                "executive_sponsor",
                start=-2,
                keenness=0.7,
            ),
            ContactSpec("mateo", "Mateo Silva", "Head of Partnerships", "champion"),
            ContactSpec("emma", "Emma Novak", "Partner Manager", "alliance_manager"),
            ContactSpec("victor", "Victor Ansel", "Engineering Manager, Console", "technical_lead"),
        ),
        metrics=(*metrics.technology(35, growth=0.01), metrics.network(8, 0.0)),
        goals=(("Merchants using checkout analytics (thousands)", "joint_customers", 50),),
        agreement=AgreementSpec(
            signed=-30,
            renewal_days=400,
            next_review_days=25,
            renegotiation_days=25,
            exit_notice_days=90,
            renegotiation_clause="A change of control at either side "
            "allows renegotiation within six months.",
        ),
        base=Levels(reply_hours=8.0, tone=0.4),
        shifts=(
            Shift("engagement", -4, 0.7),
            Shift("reply_hours", -4, 1.7),
            Shift("reach", -4, 0.6),
            Shift("attendance", -4, 0.8),
            Shift("velocity", -4, 0.6),
            Shift("partner_late", -4, 0.3),
            Shift("health", -4, -1.0),
        ),
        context=(
            ContextSpec(
                "merger_acquisition",
                -4,
                "Krona Financial Group acquired Vantage Pay; "
                "teams and products are being integrated over twelve months.",
            ),
        ),
        observations=(
            ObservationSpec(
                -4,
                5,
                "other",
                "Krona Financial Group completes its acquisition of Vantage Pay",
                "Founder-CEO to leave after a transition.",
                category="priority",
                source="external",
                polarity="neutral",
            ),
            ObservationSpec(
                -3,
                12,
                "program_tier_change",
                "Moved to Krona's partner programme at 'Registered' tier",
                "Re-certification needed to regain co-marketing funds.",
                category="priority",
                source="external",
            ),
            ObservationSpec(
                -2,
                2,
                "roadmap_change",
                "Krona roadmap merges Vantage's console into Krona Pay",
                "Our embed point may move.",
                category="priority",
                source="external",
            ),
        ),
        decisions=(
            DecisionSpec(
                -1,
                8,
                "monitor",
                "Wait for Krona's integration plan; keep the working group running.",
                (
                    ActionSpec("Meet Krona's VP Partnerships", "Priya Raman", 30, done=True),
                    ActionSpec("Map our embed point onto the Krona Pay roadmap", "Hannah Cole", 60),
                ),
            ),
        ),
        emails_per_month=6,
        words=170,
        deliverable_titles=("Console release", "Merchant pilot report", "Security review"),
        wg_name="Console integration sync",
    )


def lumen() -> Scenario:
    return Scenario(
        key="lumen-grid",
        name="Lumen Grid — energy forecasting pilot",
        partner="Lumen Grid Analytics",
        domain="lumengrid.example",
        kind="technology",
        tier=3,
        owner="priya",
        start=-3,
        phase="formation",
        description="A pilot combining Lumen's grid sensors with our forecasting models.",
        story="An alliance in formation: signed three months ago, kickoff workshop held, "
        "everyone keen. Too little history for a baseline — the radar says so instead of "
        "guessing.",
        contacts=(
            ContactSpec("olivia", "Olivia Brandt", "Chief Technology Officer", "executive_sponsor"),
            ContactSpec("sami", "Sami Haddad", "Head of Partnerships", "champion"),
            ContactSpec("jana", "Jana Novotna", "Senior Data Engineer", "technical_lead"),
        ),
        metrics=(metrics.initiatives(2.0),),
        goals=(("Pilot sites connected", "initiatives", 3),),
        agreement=AgreementSpec(
            signed=-3, renewal_days=640, next_review_days=150, exit_notice_days=30
        ),
        base=Levels(reply_hours=6.0, tone=0.5, health=4.0),
        workshops=(-3, -1),
        observations=(
            ObservationSpec(
                -2,
                14,
                "spontaneous_idea",
                "Lumen suggests adding weather feeds",
                "Offered their meteorology partner's data.",
                polarity="positive",
            ),
        ),
        emails_per_month=6,
        words=200,
        deliverable_every_weeks=3,
        deliverable_titles=("Pilot site connection", "Data-sharing agreement", "Model baseline"),
        wg_name="Pilot working group",
    )


def quarry() -> Scenario:
    return Scenario(
        key="quarry-robotics",
        name="Quarry Robotics — fleet telemetry",
        partner="Quarry Robotics",
        domain="quarryrobotics.example",
        kind="technology",
        tier=3,
        owner="priya",
        start=-26,
        phase="maturity",
        description="Telemetry from Quarry's warehouse robots feeds our utilisation reports.",
        story="An alliance that works — through one person. Every meeting and e-mail goes "
        "through Quarry's partnerships manager; nobody else at Quarry knows us. A single point "
        "of contact is a single point of failure: a resource risk to fix by building more "
        "connections, not a decline.",
        contacts=(
            ContactSpec(
                "nils", "Nils Eriksson", "Partnerships Manager", "alliance_manager", tenure_years=1
            ),
        ),
        metrics=metrics.technology(12, growth=0.005),
        goals=(("Sites streaming telemetry", "joint_customers", 15),),
        agreement=AgreementSpec(
            signed=-26, renewal_days=250, next_review_days=80, exit_notice_days=60
        ),
        base=Levels(reply_hours=9.0, tone=0.35),
        observations=(
            ObservationSpec(
                -8,
                7,
                "team_change",
                "Everything still runs through Nils",
                "Asked twice for an engineering contact; none named yet.",
                category="resource",
            ),
        ),
        decisions=(
            DecisionSpec(
                -7,
                15,
                "monitor",
                "Works well; ask for a second contact.",
                (ActionSpec("Ask Quarry for an engineering counterpart", "Priya Raman", 30),),
            ),
        ),
        emails_per_month=3,
        words=130,
        deliverable_every_weeks=8,
        deliverable_titles=("Telemetry schema update", "Utilisation report"),
        wg_name="Telemetry sync",
    )
