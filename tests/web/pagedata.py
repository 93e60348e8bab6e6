"""Hand-made portfolio data for the read-side page tests.

Payloads are real `radar.engine.assessment.Assessment` objects serialised with
`to_dict()`, so the pages are tested against the documented schema.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.contrib.auth.models import User

from radar.accounts.roles import Role, grant_role
from radar.engine.assessment import (
    Assessment,
    CadenceFlag,
    CategoryScore,
    ChecklistItem,
    Evidence,
    EvidencePoint,
    PhaseDiagnosis,
    Recommendation,
    ScorePoint,
    Signal,
)
from radar.engine.vocab import Category, DecisionKind, Phase, Polarity
from radar.portfolio.assessments import store_assessments
from radar.portfolio.models import Alliance, Interaction, Partner
from radar.portfolio.models import Assessment as StoredAssessment

TODAY = date(2026, 11, 15)
NOW = datetime(2026, 11, 15, 12, tzinfo=UTC)  # noon on TODAY: the page tests' stopped clock


def signal(
    category: Category = Category.COMMUNICATION,
    *,
    title: str = "Partner replies are slower",
    confirmed: bool = True,
    polarity: Polarity = Polarity.NEGATIVE,
    external: bool = False,
) -> Signal:
    return Signal(
        rule=f"{category.value}.reply_slower",
        category=category,
        polarity=polarity,
        title=title,
        detail="Median reply time rose from 9 h to 31 h over three months.",
        evidence=Evidence(
            summary="Reply hours per month",
            points=(EvidencePoint("2026-08", 22.0), EvidencePoint("2026-09", 31.0)),
            baseline=9.0,
            threshold=18.0,
            unit="h",
        ),
        severity=0.7,
        first_seen=date(2026, 8, 1),
        last_seen=date(2026, 10, 1),
        consecutive=3 if confirmed else 1,
        confirmed=confirmed,
        possibly_external=external,
        context=("Downturn since 2026-07",) if external else (),
    )


def assessment(
    alliance: Alliance,
    score: float = 2.4,
    *,
    as_of: date = TODAY,
    signals: tuple[Signal, ...] = (),
    systemic: bool = False,
    cadence: tuple[CadenceFlag, ...] = (),
    action: DecisionKind = DecisionKind.RESET,
    history: tuple[float, ...] = (3.8, 3.6, 3.1, 2.4),
) -> Assessment:
    months = [date(2026, m, 1) for m in range(11 - len(history) + 1, 12)]
    return Assessment(
        alliance_id=alliance.pk,
        alliance_name=alliance.name,
        as_of=as_of,
        score=score,
        baseline_score=3.7,
        trend="down" if score < 3.5 else "flat",
        previous_score=history[-2] if len(history) > 1 else None,
        why_moved=("Communication fell from 4.0 to 2.1: replies slower.",),
        categories=tuple(
            CategoryScore(c, 2.0 if c is Category.COMMUNICATION else 3.8, 1.0, 1, 1)
            for c in Category
        ),
        signals=signals,
        systemic=systemic,
        systemic_categories=(Category.COMMUNICATION, Category.RESOURCE) if systemic else (),
        phase=PhaseDiagnosis(Phase.DECLINE, Phase.MATURITY, False, ("Activity falling",)),
        recommendation=Recommendation(
            action=action,
            headline="Reset the relationship with a joint review",
            reasons=("Three categories declined together.",),
            evidence=tuple(s.rule for s in signals),
            agreement_dates=(("Renegotiation window", date(2027, 1, 31)),),
            checklist=(
                ChecklistItem("Spoke with the partner in the last 30 days?", "attention", "No."),
            ),
        ),
        cadence=cadence,
        score_history=tuple(ScorePoint(m, s) for m, s in zip(months, history, strict=True)),
    )


def store(a: Assessment) -> StoredAssessment:
    """Store as the app does (the assessment and its alliance's standing), return the row."""
    store_assessments([a])
    return StoredAssessment.objects.get(alliance_id=a.alliance_id, as_of=a.as_of)


def alliance(name: str, *, tier: int = 2, owner: str = "Dana", partner: str = "") -> Alliance:
    p, _ = Partner.objects.get_or_create(name=partner or f"{name} Inc")
    return Alliance.objects.create(name=name, partner=p, tier=tier, owner_name=owner)


def contact(a: Alliance, when: datetime) -> Interaction:
    return Interaction.objects.create(
        alliance=a, kind="call", occurred_at=when, partner_invited=1, partner_attended=1
    )


def portfolio(n: int) -> list[Alliance]:
    """n alliances, each with a stored assessment, a contact and a confirmed signal."""
    made = []
    for i in range(n):
        a = alliance(f"Alliance {i:04d}", tier=1 + i % 3, owner=f"Owner {i % 4}")
        store(assessment(a, 1.5 + (i % 7) * 0.5, signals=(signal(),)))
        contact(a, datetime(2026, 11, 1, 10, tzinfo=UTC))
        made.append(a)
    return made


def user(username: str = "reader") -> User:
    """A signed-in reader (viewer role)."""
    u = User.objects.create_user(username, password="pw-for-tests-1")
    grant_role(u, Role.VIEWER)
    return u
