"""Metric sets used by the demo scenarios (leading and lagging indicators)."""

from __future__ import annotations

from radar.demo.story import MetricSpec


def co_selling(leads: float, revenue: float, growth: float = 0.004) -> tuple[MetricSpec, ...]:
    return (
        MetricSpec(
            "leads",
            "Partner-sourced qualified leads",
            "leads",
            leads,
            "leads",
            kind="leading",
            target=round(leads * 0.85),
            noise=0.08,
        ),
        MetricSpec(
            "joint_revenue",
            "Joint revenue",
            "revenue",
            revenue,
            "EUR",
            target=round(revenue * 0.88, -3),
            noise=0.06,
            growth=growth,
        ),
        MetricSpec(
            "conversion", "Lead-to-deal conversion", "conversion", 21.0, "%", noise=0.07, decimals=1
        ),
        MetricSpec(
            "customer_nps", "NPS of joint customers", "satisfaction", 41.0, "NPS", noise=0.07
        ),
        MetricSpec(
            "alignment",
            "Strategic alignment score",
            "health",
            4.2,
            "1-5",
            kind="leading",
            noise=0.03,
            decimals=1,
        ),
    )


def technology(customers: float, growth: float = 0.006) -> tuple[MetricSpec, ...]:
    return (
        MetricSpec(
            "joint_customers",
            "Joint customers live on the integration",
            "revenue",
            customers,
            "customers",
            growth=growth,
            noise=0.03,
        ),
        MetricSpec(
            "roadmap_items",
            "Joint roadmap items shipped",
            "velocity",
            3.0,
            "items",
            kind="leading",
            noise=0.15,
        ),
        MetricSpec(
            "escalations",
            "Joint support escalations",
            "satisfaction",
            3.0,
            "tickets",
            higher_is_better=False,
            noise=0.15,
            inverse=True,
        ),
        MetricSpec(
            "customer_nps", "NPS of joint customers", "satisfaction", 38.0, "NPS", noise=0.07
        ),
        MetricSpec(
            "alignment",
            "Strategic alignment score",
            "health",
            4.1,
            "1-5",
            kind="leading",
            noise=0.03,
            decimals=1,
        ),
    )


def network(base: float, growth: float) -> MetricSpec:
    return MetricSpec(
        "connections",
        "Cross-organisation connections",
        "reach",
        base,
        "people",
        kind="leading",
        growth=growth,
        noise=0.04,
    )


def initiatives(base: float) -> MetricSpec:
    return MetricSpec(
        "initiatives",
        "Joint initiatives launched",
        "velocity",
        base,
        "initiatives",
        kind="leading",
        noise=0.15,
    )
