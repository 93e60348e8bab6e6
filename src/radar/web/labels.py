"""Human labels for the engine's vocabulary in the record forms ("QBR", not "Qbr").

The stored values stay the engine's; only what people read changes.
"""

from __future__ import annotations

from radar.web.present import RITUAL_LABELS

ALLIANCE_KIND_LABELS = {
    "technology": "Technology partnership",
    "co_selling": "Co-selling",
    "reseller": "Reseller",
    "co_marketing": "Co-marketing",
    "joint_venture": "Joint venture",
    "distribution": "Distribution",
    "research": "Research",
    "other": "Other",
}

PHASE_LABELS = {
    "formation": "Formation",
    "growth": "Growth",
    "maturity": "Maturity",
    "decline": "Decline",
    "renewal": "Renewal",
}

CONTACT_ROLE_LABELS = {
    "executive_sponsor": "Executive sponsor",
    "champion": "Champion",
    "alliance_manager": "Alliance manager",
    "technical_lead": "Technical lead",
    "sales_lead": "Sales lead",
    "marketing_lead": "Marketing lead",
    "operations": "Operations",
    "other": "Other",
}

SIDE_LABELS = {"partner": "Partner side", "ours": "Our side"}

GOVERNANCE_TIER_LABELS = {
    "steering": "Steering (executives)",
    "operating": "Operating (managers)",
    "working_group": "Working group (teams)",
}

MEETING_LABELS = {"none": "No particular meeting", **RITUAL_LABELS}

METRIC_KIND_LABELS = {
    "leading": "Leading (tells early: pipeline, activity)",
    "lagging": "Lagging (tells late: revenue, savings)",
}

SURVEY_KIND_LABELS = {
    "pulse": "Pulse check (1 to 5)",
    "health": "Health survey (0 to 10)",
    "alignment": "Strategic alignment (1 to 5)",
    "customer_nps": "Joint customers' NPS (0 to 10)",
}

# The scale each kind of survey is usually answered on.
SURVEY_SCALES = {"pulse": 5, "health": 10, "alignment": 5, "customer_nps": 10}
