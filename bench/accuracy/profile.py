"""The shape of one alliance, drawn at random: tier, age, volumes, governance, metrics.

Volumes run from sparse (a couple of partner e-mails a month, a monthly sync and
a quarterly review) to busy (dozens of e-mails a week, a weekly working group, a
monthly operating committee and a quarterly steering committee), as the guides
describe multi-tier governance; tier 1 alliances tend to be the busier ones.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from bench.accuracy.dates import add_months
from bench.accuracy.names import company
from radar.engine.vocab import AllianceKind, ContactRole, GovernanceTier, Ritual, SurveyKind

WEEKDAYS = ("MO", "TU", "WE", "TH")


@dataclass(frozen=True, slots=True)
class BodyPlan:
    """A governance body and its recurring meeting."""

    name: str  # also the meeting title: the importers read the ritual from it
    tier: GovernanceTier
    ritual: Ritual
    rule: str
    cadence_days: int
    minutes: int
    partner_roles: tuple[ContactRole, ...]  # who is invited from the partner
    senior: bool  # the executive sponsors sit in it


@dataclass(frozen=True, slots=True)
class Profile:
    index: int
    name: str
    partner: str
    domain: str
    kind: AllianceKind
    tier: int
    first: date  # first month of history
    months: int  # months of history up to the portfolio's last month
    mail_rate: float  # partner messages a month when healthy
    our_mail_ratio: float
    partner_latency: float  # median hours to a partner reply when healthy
    our_latency: float
    words: float  # mean length of a partner message
    bodies: tuple[BodyPlan, ...]
    adhoc_rate: float  # ad hoc meetings a month
    call_rate: float
    partner_roles: tuple[ContactRole, ...]
    our_roles: tuple[ContactRole, ...]
    juniors: int
    metrics: tuple[str, ...]
    partner_metrics: frozenset[str]  # the ones the partner supplies
    surveys: tuple[SurveyKind, ...]
    reports: bool  # the partner e-mails a monthly report
    deliverables: int  # per side and quarter
    calendar: str
    zone: str
    attend: float  # chance a partner invitee accepts, when healthy
    cancel: float  # share of meetings cancelled, when healthy
    late: float  # share of partner deliverables late, when healthy
    base: dict[str, float]  # healthy monthly level of each metric

    @property
    def sparse(self) -> bool:
        return self.mail_rate < 8


def survey_due(kind: SurveyKind, month: date) -> bool:
    """Pulse surveys go out quarterly, health surveys twice a year."""
    return month.month % 3 == 0 if kind is SurveyKind.PULSE else month.month in (6, 12)


def _log_uniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def _bodies(rng: random.Random, mail_rate: float, tier: int) -> tuple[BodyPlan, ...]:
    day = rng.choice(WEEKDAYS)
    other = rng.choice([d for d in WEEKDAYS if d != day])
    core = (ContactRole.CHAMPION, ContactRole.ALLIANCE_MANAGER)
    senior = (ContactRole.EXECUTIVE_SPONSOR, ContactRole.CHAMPION, ContactRole.ALLIANCE_MANAGER)
    review = rng.choice(
        [
            ("Quarterly business review", GovernanceTier.STEERING, Ritual.QBR),
            ("QBR", GovernanceTier.STEERING, Ritual.QBR),
            ("Joint steering committee", GovernanceTier.STEERING, Ritual.STEERING_COMMITTEE),
        ]
    )
    quarterly = BodyPlan(
        review[0],
        review[1],
        review[2],
        f"FREQ=MONTHLY;INTERVAL=3;BYDAY=3{other}",
        91,
        90,
        senior,
        True,
    )
    if mail_rate < 8:
        sync = BodyPlan(
            "Monthly sync",
            GovernanceTier.OPERATING,
            Ritual.CHECK_IN,
            f"FREQ=MONTHLY;BYDAY=2{day}",
            30,
            45,
            core,
            False,
        )
        return (sync, quarterly)
    bodies = [quarterly]
    if mail_rate < 40 and not (tier == 1 and rng.random() < 0.5):
        bodies.append(
            BodyPlan(
                "Partner sync",
                GovernanceTier.OPERATING,
                Ritual.CHECK_IN,
                f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
                14,
                45,
                (*core, ContactRole.SALES_LEAD),
                False,
            )
        )
        return tuple(bodies)
    bodies.append(
        BodyPlan(
            "Operating committee",
            GovernanceTier.OPERATING,
            Ritual.OPERATING_COMMITTEE,
            f"FREQ=MONTHLY;BYDAY=1{day}",
            30,
            60,
            (*core, ContactRole.SALES_LEAD, ContactRole.TECHNICAL_LEAD),
            False,
        )
    )
    bodies.append(
        BodyPlan(
            "Integration working group",
            GovernanceTier.WORKING_GROUP,
            Ritual.WORKING_GROUP,
            f"FREQ=WEEKLY;BYDAY={other}",
            7,
            30,
            (ContactRole.TECHNICAL_LEAD, ContactRole.ALLIANCE_MANAGER, ContactRole.OTHER),
            False,
        )
    )
    return tuple(bodies)


def _metrics(rng: random.Random) -> tuple[tuple[str, ...], frozenset[str]]:
    chosen = [key for key, p in (("joint_revenue", 0.8), ("leads", 0.75)) if rng.random() < p]
    if not chosen:
        chosen = [rng.choice(["joint_revenue", "leads"])]
    chosen += [k for k, p in (("conversion", 0.35), ("customer_nps", 0.3)) if rng.random() < p]
    chosen += ["pipeline"] if rng.random() < 0.25 else []
    partner = {
        k for k in chosen if k in ("leads", "pipeline", "customer_nps") and rng.random() < 0.55
    }
    return tuple(chosen), frozenset(partner)


def _people(rng: random.Random, mail_rate: float) -> tuple[tuple[ContactRole, ...], int]:
    if mail_rate < 8:
        roles = [ContactRole.CHAMPION]
        roles += [ContactRole.EXECUTIVE_SPONSOR] if rng.random() < 0.6 else []
        roles += [ContactRole.ALLIANCE_MANAGER] if rng.random() < 0.4 else []
        return tuple(roles), 0
    roles = [ContactRole.EXECUTIVE_SPONSOR, ContactRole.CHAMPION, ContactRole.ALLIANCE_MANAGER]
    extra = [ContactRole.SALES_LEAD, ContactRole.TECHNICAL_LEAD, ContactRole.MARKETING_LEAD]
    roles += rng.sample(extra, rng.randint(1 if mail_rate < 40 else 2, 3))
    return tuple(roles), rng.randint(0, 1 if mail_rate < 40 else 3)


def draw_profile(
    rng: random.Random, index: int, last_month: date, min_months: int, max_months: int
) -> Profile:
    """One alliance's shape; `last_month` is the portfolio's last (complete) month."""
    tier = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
    lo, hi = {1: (6.0, 120.0), 2: (3.0, 60.0), 3: (1.5, 25.0)}[tier]
    mail_rate = _log_uniform(rng, lo, hi)
    months = rng.randint(min_months, max_months)
    partner, domain = company(rng, index)
    kind = rng.choice([k for k in AllianceKind if k is not AllianceKind.OTHER])
    metrics, partner_metrics = _metrics(rng)
    surveys = tuple(
        k for k, p in ((SurveyKind.PULSE, 0.45), (SurveyKind.HEALTH, 0.25)) if rng.random() < p
    )
    partner_roles, juniors = _people(rng, mail_rate)
    extra = rng.sample([ContactRole.SALES_LEAD, ContactRole.TECHNICAL_LEAD], rng.randint(0, 2))
    our_roles = (ContactRole.ALLIANCE_MANAGER, ContactRole.EXECUTIVE_SPONSOR, *extra)
    revenue = _log_uniform(rng, 15_000, 400_000)
    return Profile(
        index=index,
        name=f"{partner} {kind.value.replace('_', '-')}",
        partner=partner,
        domain=domain,
        kind=kind,
        tier=tier,
        first=add_months(last_month, 1 - months),
        months=months,
        mail_rate=mail_rate,
        our_mail_ratio=rng.uniform(0.8, 1.4),
        partner_latency=_log_uniform(rng, 3, 30) * (1.6 if mail_rate < 8 else 1.0),
        our_latency=_log_uniform(rng, 2, 16),
        words=rng.uniform(60, 220),
        bodies=_bodies(rng, mail_rate, tier),
        adhoc_rate=rng.uniform(0, 0.4) if mail_rate < 8 else rng.uniform(0.5, mail_rate / 12),
        call_rate=rng.uniform(0, 1) if mail_rate < 8 else rng.uniform(0.5, 5),
        partner_roles=partner_roles,
        our_roles=our_roles,
        juniors=juniors,
        metrics=metrics,
        partner_metrics=partner_metrics,
        surveys=surveys,
        reports=rng.random() < (0.6 if partner_metrics else 0.25),
        deliverables=rng.randint(1, 2) if mail_rate < 8 else rng.randint(2, 5),
        calendar=rng.choice(["google", "outlook"]),
        zone=rng.choice(["Europe/Berlin", "Europe/London", "America/New_York", "UTC"]),
        attend=rng.uniform(0.82, 0.96),
        cancel=rng.uniform(0.0, 0.08),
        late=rng.uniform(0.02, 0.1),
        base={
            "joint_revenue": round(revenue, -2),
            "leads": round(_log_uniform(rng, 4, 90)),
            "conversion": rng.uniform(12, 35),
            "customer_nps": rng.uniform(20, 60),
            "pipeline": round(revenue * rng.uniform(2.5, 5), -3),
        },
    )
