"""Turn scenarios into unsaved model instances, deterministically for (seed, as_of)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from django.contrib.auth.models import User

from radar.demo import reviews, series
from radar.demo.batch import Batch
from radar.demo.interactions import MonthContext, Person, generate_month
from radar.demo.months import nth_weekday, story_month
from radar.demo.noise import Noise
from radar.demo.people import OUR_DOMAIN, email_of, our_contacts
from radar.demo.scenarios import PORTFOLIO_CONTEXT, build_scenarios
from radar.demo.story import ContactSpec, Scenario
from radar.portfolio.models import (
    Agreement,
    Alliance,
    Contact,
    ContextFactor,
    GovernanceBody,
    Partner,
)

HISTORY_MONTHS = 36

GOVERNANCE = {
    1: (
        ("steering", "Joint steering committee", "steering_committee", 91),
        ("operating", "Operating committee", "operating_committee", 30),
        ("working_group", None, "working_group", 14),
    ),
    2: (
        ("steering", "Quarterly business review", "qbr", 91),
        ("operating", "Monthly check-in", "check_in", 30),
        ("working_group", None, "working_group", 30),
    ),
    3: (
        ("steering", "Quarterly business review", "qbr", 91),
        ("operating", "Monthly check-in", "check_in", 30),
    ),
}

Progress = Callable[[str], None]


def generate(
    seed: int, as_of: date, owners: Mapping[str, User | None], progress: Progress | None = None
) -> Batch:
    """Everything the demo writes, for every scenario, in write order."""
    batch = Batch()
    for spec in PORTFOLIO_CONTEXT:
        batch.add("contexts", _context(spec.kind, spec.start, spec.end, spec.note, as_of, None))
    for scenario in build_scenarios(as_of):
        # Streams per alliance (and per month, item …): adding a story, or another
        # date, never reshuffles the noise of the others.
        _alliance(batch, scenario, as_of, owners, Noise(seed, scenario.key))
        if progress:
            progress(scenario.name)
    return batch


def _context(
    kind: str, start: int, end: int | None, note: str, as_of: date, alliance: Alliance | None
) -> ContextFactor:
    return ContextFactor(
        alliance=alliance,
        kind=kind,
        starts_on=story_month(as_of, start) + timedelta(days=4),
        ends_on=None if end is None else story_month(as_of, end + 1) - timedelta(days=1),
        note=note,
    )


def _alliance(
    batch: Batch, sc: Scenario, as_of: date, owners: Mapping[str, User | None], noise: Noise
) -> None:
    partner = batch.add(
        "partners",
        Partner(
            name=sc.partner,
            website=f"https://www.{sc.domain}/",
            email_domains=sc.domain,
            notes=f"Fictional company created by `radar demo` ({sc.kind.replace('_', ' ')}).",
        ),
    )
    started = story_month(as_of, sc.start) + timedelta(days=noise.stream("start").randrange(0, 20))
    alliance = batch.add(
        "alliances",
        Alliance(
            name=sc.name,
            slug=sc.key,
            partner=partner,
            kind=sc.kind,
            tier=sc.tier,
            owner=owners[sc.owner],
            started_on=started,
            declared_phase=sc.phase,
            description=sc.description,
        ),
    )
    for spec in sc.context:
        batch.add("contexts", _context(spec.kind, spec.start, spec.end, spec.note, as_of, alliance))
    partner_people = _contacts(batch, alliance, sc.contacts, sc.domain, started, as_of)
    our_people = _contacts(
        batch,
        alliance,
        our_contacts(sc.kind, sc.owner) + tuple(c for c in sc.contacts if c.side == "ours"),
        OUR_DOMAIN,
        started,
        as_of,
        side="ours",
    )
    _agreement(batch, alliance, sc, as_of)
    for tier, name, ritual, days in GOVERNANCE[sc.tier]:
        batch.add(
            "governance",
            GovernanceBody(
                alliance=alliance,
                tier=tier,
                name=name or sc.wg_name,
                ritual=ritual,
                cadence_days=days,
            ),
        )
    counter = [0]
    first_month = max(sc.start, -(HISTORY_MONTHS - 1))
    for month in range(first_month, 1):
        first = story_month(as_of, month)
        ctx = MonthContext(
            sc,
            alliance,
            sc.levels(month, first.month),
            first,
            as_of,
            started,
            partner_people,
            our_people,
            noise.stream("month", month),
            batch,
            counter,
        )
        extra = [("workshop", nth_weekday(first, 3, 3))] if month in sc.workshops else []
        generate_month(ctx, extra)
    series.metrics(batch, alliance, sc, as_of, noise, first_month)
    series.deliverables(batch, alliance, sc, as_of, noise, started)
    series.surveys(batch, alliance, sc, as_of, noise, first_month, partner_people, our_people)
    reviews.observations(batch, alliance, sc, as_of, owners[sc.owner])
    reviews.checkins(batch, alliance, sc, as_of, noise, first_month, owners[sc.owner])
    reviews.decisions(batch, alliance, sc, as_of, owners[sc.owner], _by_name(owners))


def _by_name(owners: Mapping[str, User | None]) -> dict[str, User]:
    """The demo's users by full name, so actions they own are theirs in the app."""
    found = {}
    for user in owners.values():
        if user is not None:
            found[f"{user.first_name} {user.last_name}"] = user
    return found


def _contacts(
    batch: Batch,
    alliance: Alliance,
    specs: Iterable[ContactSpec],
    domain: str,
    started: date,
    as_of: date,
    side: str = "partner",
) -> list[Person]:
    people: list[Person] = []
    by_key: dict[str, Contact] = {}
    wanted = [s for s in specs if s.side == side]
    for spec in wanted:
        start = started if spec.start is None else story_month(as_of, spec.start) + timedelta(9)
        end = None if spec.end is None else story_month(as_of, spec.end) + timedelta(days=14)
        contact = batch.add(
            "contacts",
            Contact(
                alliance=alliance,
                side=side,
                name=spec.name,
                email=email_of(spec.name, domain),
                title=spec.title,
                role=spec.role,
                started_on=start - timedelta(days=int(spec.tenure_years * 365)),
                ended_on=end,
                end_reason=spec.end_reason if end else "",
                notes=spec.notes,
            ),
        )
        by_key[spec.key] = contact
        core = spec.role in ("alliance_manager", "champion") or len(wanted) == 1
        people.append(Person(contact, spec.role, max(start, started), end, spec.keenness, core))
    for spec in wanted:
        if spec.successor:
            batch.successors.append((by_key[spec.key], by_key[spec.successor]))
    return people


def _agreement(batch: Batch, alliance: Alliance, sc: Scenario, as_of: date) -> None:
    spec = sc.agreement
    next_review = as_of + timedelta(days=spec.next_review_days)
    batch.add(
        "agreements",
        Agreement(
            alliance=alliance,
            signed_on=story_month(as_of, spec.signed) + timedelta(days=2),
            renewal_on=as_of + timedelta(days=spec.renewal_days),
            review_clause=spec.review_clause
            or f"Joint review of goals and terms every {spec.review_interval_months} months.",
            review_interval_months=spec.review_interval_months,
            next_review_on=next_review,
            last_reviewed_on=series.last_agreement_review(sc, as_of),
            renegotiation_clause=spec.renegotiation_clause
            or "Either side may ask to renegotiate commercial terms at the annual review.",
            renegotiation_on=None
            if spec.renegotiation_days is None
            else as_of + timedelta(days=spec.renegotiation_days),
            exit_clause=spec.exit_clause
            or f"Either side may end the alliance with {spec.exit_notice_days} days' written "
            "notice; joint customers keep support for twelve months.",
            exit_notice_days=spec.exit_notice_days,
        ),
    )
