from __future__ import annotations

from dataclasses import replace
from datetime import date

from radar.cli.assessment_table import cadence_text, json_document, score_text, signals_text
from radar.engine import assessment as a
from radar.engine.vocab import Category, DecisionKind, Phase, Polarity

DAY = date(2026, 3, 31)


def signal(category: Category, polarity: Polarity, confirmed: bool = True) -> a.Signal:
    return a.Signal(
        rule=f"{category.value}.rule",
        category=category,
        polarity=polarity,
        title="t",
        detail="d",
        evidence=a.Evidence("e"),
        severity=0.5,
        first_seen=DAY,
        last_seen=DAY,
        consecutive=3,
        confirmed=confirmed,
    )


def assessment(name: str = "Globex", **fields: object) -> a.Assessment:
    base = a.Assessment(
        alliance_id=1,
        alliance_name=name,
        as_of=DAY,
        score=2.1,
        baseline_score=4.0,
        trend="down",
        previous_score=3.0,
        why_moved=(),
        categories=(),
        signals=(),
        systemic=False,
        systemic_categories=(),
        phase=a.PhaseDiagnosis(Phase.DECLINE, None, False, ()),
        recommendation=a.Recommendation(DecisionKind.RESET, "Reset", (), (), (), ()),
        cadence=(),
        score_history=(),
    )
    return replace(base, **fields)


def test_it_counts_confirmed_signals_per_category_and_positives_apart():
    found = assessment(
        signals=(
            signal(Category.COMMUNICATION, Polarity.NEGATIVE),
            signal(Category.COMMUNICATION, Polarity.NEGATIVE),
            signal(Category.RESOURCE, Polarity.NEGATIVE, confirmed=False),
            signal(Category.CULTURE, Polarity.NEGATIVE),
            signal(Category.COMMUNICATION, Polarity.POSITIVE),
        )
    )
    assert signals_text(found) == "communication 2, culture 1, +1 positive"
    assert signals_text(assessment()) == "—"


def test_it_shortens_cadence_flags_and_counts_repeats():
    flags = (
        a.CadenceFlag("ritual_overdue", "JSC has not met", days_overdue=40),
        a.CadenceFlag("no_direct_contact", "No contact", days_overdue=12),
        a.CadenceFlag("ritual_overdue", "Ops has not met", days_overdue=5),
        a.CadenceFlag("score_divergence", "Ask a neutral reviewer"),
    )
    assert cadence_text(assessment(cadence=flags)).splitlines() == [
        "ritual overdue x2",
        "no direct contact (12 days)",
        "score divergence",
    ]


def test_it_shows_the_score_with_a_trend_arrow():
    assert score_text(assessment()).plain == "2.1 ↓"
    assert score_text(assessment(score=4.5, trend="up")).plain == "4.5 ↑"


def test_the_json_document_is_sorted_by_alliance_name():
    document = json_document(DAY, [assessment("zeta"), assessment("Alpha")])
    assert [x["alliance_name"] for x in document["assessments"]] == ["Alpha", "zeta"]
    assert document["as_of"] == "2026-03-31"
