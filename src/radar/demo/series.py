"""Metric series, deliverables and surveys of one demo alliance."""

from __future__ import annotations

import random
from datetime import date, timedelta

from radar.demo.batch import Batch
from radar.demo.interactions import Person
from radar.demo.months import half_yearly, quarterly, story_month, story_month_of, workday
from radar.demo.noise import Noise
from radar.demo.story import Scenario
from radar.portfolio.models import (
    Alliance,
    Deliverable,
    Goal,
    MetricDefinition,
    MetricValue,
    Survey,
    SurveyResponse,
)


def last_agreement_review(sc: Scenario, as_of: date) -> date:
    """When the agreement (and with it the goals) was last reviewed with the partner."""
    spec = sc.agreement
    next_review = as_of + timedelta(days=spec.next_review_days)
    return next_review - timedelta(days=30 * spec.review_interval_months)


def metrics(
    batch: Batch, alliance: Alliance, sc: Scenario, as_of: date, noise: Noise, first: int
) -> None:
    """Monthly values for every complete month (the current one is not closed yet)."""
    definitions = {}
    for spec in sc.metrics:
        definition = batch.add(
            "metrics",
            MetricDefinition(
                alliance=alliance,
                key=spec.key,
                name=spec.name,
                unit=spec.unit,
                kind=spec.kind,
                higher_is_better=spec.higher_is_better,
                target=spec.target,
            ),
        )
        definitions[spec.key] = definition
        for month in range(first, 0):
            period = story_month(as_of, month)
            level = getattr(sc.levels(month, period.month), spec.level)
            if spec.level == "health":  # a 1-5 judgement, 4 = normal
                level /= 4.0
            factor = 1.0 / level if spec.inverse else level
            trend = (1.0 + spec.growth) ** (month - first)
            rng = noise.stream("metric", spec.key, month)
            value = spec.base * trend * factor * rng.gauss(1.0, spec.noise)
            batch.add(
                "metric_values",
                MetricValue(
                    metric=definition,
                    period=period,
                    value=round(max(0.0, value), spec.decimals),
                    source="demo",
                ),
            )
    target_date = story_month(as_of, 7) - timedelta(days=1)  # six months ahead, a month's end
    for title, key, target in sc.goals:
        batch.add(
            "goals",
            Goal(
                alliance=alliance,
                title=title,
                metric=definitions.get(key),
                target_value=target,
                target_date=target_date,
                # The agreement's review covers goals and terms (its clause says so).
                reviewed_on=last_agreement_review(sc, as_of),
            ),
        )


def deliverables(
    batch: Batch, alliance: Alliance, sc: Scenario, as_of: date, noise: Noise, start: date
) -> None:
    """Deliverables on both sides; slips follow the partner_late/ours_late levels.

    Rounds are counted from an anchor early in the last complete month (its
    5th), backwards to the alliance's start and forwards 75 days past as_of:
    whatever the date, a round falls due in the last complete month, early
    enough that a slip of it is known (the grace week has passed) even when
    the demo runs on the 1st, and the rounds before sit the same weeks back.
    """
    titles = sc.deliverable_titles or ("Joint plan update", "Shared pipeline report")
    every = timedelta(weeks=sc.deliverable_every_weeks)
    anchor = story_month(as_of, -1) + timedelta(days=4)
    horizon = as_of + timedelta(days=75)
    first = (start - anchor) // every + 1  # the first round after the start
    rounds = range(first, (horizon - anchor) // every + 1)
    for number, n in enumerate(rounds):
        rng = noise.stream("deliverable", n)
        due = workday(anchor + n * every + timedelta(days=rng.randrange(-4, 5)))
        # Each round both sides owe something: the partner first, then us a few days later.
        for side, offset in (("partner", 0), ("ours", 5)):
            _deliverable(
                batch,
                alliance,
                sc,
                as_of,
                rng,
                side,
                workday(due + timedelta(days=offset)),
                titles[(2 * number + (side == "ours")) % len(titles)],
            )


def _deliverable(
    batch: Batch,
    alliance: Alliance,
    sc: Scenario,
    as_of: date,
    rng: random.Random,
    side: str,
    due: date,
    title: str,
) -> None:
    levels = sc.levels(story_month_of(as_of, due), due.month)
    late_chance = levels.partner_late if side == "partner" else levels.ours_late
    done_on, status = None, "open"
    if rng.random() < 0.02:
        status = "cancelled"
    elif rng.random() < late_chance:
        slipped = due + timedelta(days=rng.randrange(12, 50))
        if slipped <= as_of:
            done_on, status = slipped, "done"
        elif due < as_of and rng.random() < 0.3:
            status = "partial"
    else:
        finished = due - timedelta(days=rng.randrange(0, 7))
        if finished <= as_of:
            done_on, status = finished, "done"
    batch.add(
        "deliverables",
        Deliverable(
            alliance=alliance,
            title=f"{title} ({due:%b %Y})",
            side=side,
            due_on=due,
            done_on=done_on,
            status=status,
            notes="Overdue." if status in ("open", "partial") and due < as_of else "",
        ),
    )


def surveys(
    batch: Batch,
    alliance: Alliance,
    sc: Scenario,
    as_of: date,
    noise: Noise,
    first: int,
    partner: list[Person],
    ours: list[Person],
) -> None:
    """Alignment (tier 1) or pulse (others) each quarter; a health survey twice a year."""
    planned: list[tuple[str, date, int, str, int]] = []
    for month in range(first + 1, 1):
        period = story_month(as_of, month)
        if quarterly(month):
            kind = "alignment" if sc.tier == 1 else "pulse"
            title = (
                "Strategic alignment (steering committee)" if sc.tier == 1 else "Quarterly pulse"
            )
            planned.append((kind, period + timedelta(days=20), 5, title, month))
        if half_yearly(month):
            planned.append(
                ("health", period + timedelta(days=5), 10, "Partnership health survey", month)
            )
    planned = [p for p in planned if p[1] <= as_of]
    for index, (kind, sent, scale, title, month) in enumerate(planned):
        rng = noise.stream("survey", kind, month)
        survey = batch.add(
            "surveys",
            Survey(alliance=alliance, kind=kind, title=title, sent_on=sent, scale_max=scale),
        )
        levels = sc.levels(story_month_of(as_of, sent), sent.month)
        last = index == len(planned) - 1
        respondents = [p for p in partner if p.active(sent)][: 2 if kind != "health" else 4]
        if last and sc.unanswered_last_survey:
            respondents = []
        mine = [p for p in ours if p.active(sent)][: 0 if kind == "pulse" else 2]
        for person in respondents + mine:
            typical = (4.3 if scale == 5 else 8.2) * levels.satisfaction
            if person.contact.side == "ours":
                typical = (4.2 if scale == 5 else 8.0) * min(1.0, 0.3 + levels.health / 5)
            score = max(0.0 if scale == 10 else 1.0, min(scale, rng.gauss(typical, 0.3)))
            submitted = sent + timedelta(days=rng.randrange(1, 12))
            if submitted > as_of:
                continue
            batch.add(
                "responses",
                SurveyResponse(
                    survey=survey,
                    contact=person.contact,
                    respondent=person.contact.name,
                    side=person.contact.side,
                    submitted_on=submitted,
                    score=round(score) if scale == 10 else round(score, 1),
                ),
            )
