"""Deliverables, metric values, survey answers and observations, month by month."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from bench.accuracy.draws import workday
from bench.accuracy.months import MonthState, Plan
from bench.accuracy.people import active
from bench.accuracy.profile import Profile, survey_due
from bench.accuracy.world import Metric, World
from radar.engine.records import (
    DeliverableRecord,
    MetricDefinition,
    ObservationRecord,
    SurveyRecord,
    SurveyResponse,
)
from radar.engine.vocab import (
    Category,
    DeliverableStatus,
    MetricKind,
    ObservationKind,
    Polarity,
    Side,
    SurveyKind,
)

WORK = (
    "Joint solution brief",
    "Integration test report",
    "Co-marketing webinar",
    "Pipeline review pack",
    "Reference case study",
    "Sales enablement session",
    "Connector certification",
    "Joint forecast",
    "Demo environment refresh",
    "Launch checklist",
)
DEFINITIONS = {
    "joint_revenue": MetricDefinition(
        "joint_revenue", "Joint revenue", MetricKind.LAGGING, unit="EUR"
    ),
    "leads": MetricDefinition("leads", "Qualified leads", MetricKind.LEADING),
    "conversion": MetricDefinition("conversion", "Lead conversion", MetricKind.LAGGING, unit="%"),
    "customer_nps": MetricDefinition("customer_nps", "Joint customers' NPS", MetricKind.LAGGING),
    "pipeline": MetricDefinition("pipeline", "Open joint pipeline", MetricKind.LEADING, unit="EUR"),
}
POSITIVE = (
    (ObservationKind.JOINT_WIN, Category.METRICS, "Joint win with a new customer"),
    (ObservationKind.NEW_CONNECTION, Category.COMMUNICATION, "Our engineers now talk directly"),
    (ObservationKind.SPONTANEOUS_IDEA, Category.PRIORITY, "Partner proposed a new joint offer"),
)


def add_deliverables(
    world: World, profile: Profile, plan: Plan, rng: random.Random, last: date
) -> None:
    late_once = {o.month for o in plan.one_offs if o.kind == "late_deliverable"}
    for q in range(0, len(plan.months), 3):
        quarter = plan.months[q].start
        label = f"Q{(quarter.month - 1) // 3 + 1} {quarter.year}"
        titles = rng.sample(WORK, 2 * profile.deliverables)  # distinct: (title, due) is a key
        for n, side in enumerate((Side.PARTNER, Side.OURS)):
            for title in titles[n * profile.deliverables : (n + 1) * profile.deliverables]:
                i = min(len(plan.months) - 1, q + rng.randint(0, 2))
                due = workday(rng, plan.months[i].start)
                if due > last:
                    continue
                month = plan.months[i]
                forced = side is Side.PARTNER and i in late_once
                if forced:
                    late_once.discard(i)
                world.deliverables.append(
                    _deliverable(
                        rng,
                        len(world.deliverables) + 1,
                        f"{title} ({label})",
                        side,
                        due,
                        month,
                        forced,
                        last,
                    )
                )


def _deliverable(
    rng: random.Random,
    n: int,
    title: str,
    side: Side,
    due: date,
    month: MonthState,
    late: bool,
    last: date,
) -> DeliverableRecord:
    late_chance, missed = (month.late, month.missed) if side is Side.PARTNER else (0.04, 0.0)
    draw = rng.random()
    if draw < missed:
        status = DeliverableStatus.PARTIAL if rng.random() < 0.3 else DeliverableStatus.OPEN
        return DeliverableRecord(n, title, side, due, None, status)
    if late or draw < missed + late_chance:
        done = due + timedelta(days=rng.randint(12, 50))
    else:
        done = due - timedelta(days=rng.randint(0, 10))
    if done > last:
        return DeliverableRecord(n, title, side, due, None, DeliverableStatus.OPEN)
    return DeliverableRecord(n, title, side, due, done, DeliverableStatus.DONE)


def _value(key: str, base: float, m: MonthState, growth: float, rng: random.Random) -> float:
    if key in ("joint_revenue", "pipeline"):
        return round(base * growth * m.revenue * math.exp(rng.gauss(0, 0.09)), -2)
    if key == "leads":
        return float(max(0, round(base * growth * m.leads * math.exp(rng.gauss(0, 0.15)))))
    if key == "conversion":
        return round(base * m.quality * math.exp(rng.gauss(0, 0.06)), 1)
    return round(base * m.quality + rng.gauss(0, 4), 0)  # customer NPS


def add_metrics(world: World, profile: Profile, plan: Plan, rng: random.Random) -> None:
    for key in profile.metrics:
        supplier = Side.PARTNER if key in profile.partner_metrics else Side.OURS
        points = []
        for i, m in enumerate(plan.months):
            if key == "customer_nps" and m.start.month % 3 != 0:
                continue  # a quarterly survey of joint customers
            if supplier is Side.PARTNER and (not m.sharing or rng.random() < 0.04):
                continue
            growth = (1 + plan.trend) ** (i / 12)
            points.append((m.start, _value(key, profile.base[key], m, growth, rng)))
        world.metrics.append(Metric(DEFINITIONS[key], tuple(points), supplier))


def add_surveys(world: World, profile: Profile, plan: Plan, rng: random.Random, last: date) -> None:
    level = {SurveyKind.PULSE: rng.uniform(3.9, 4.6), SurveyKind.HEALTH: rng.uniform(7.2, 9.0)}
    bad: set[tuple[SurveyKind, int]] = set()
    for one_off in (o for o in plan.one_offs if o.kind == "bad_survey"):
        kind = profile.surveys[0]  # the noise class only draws it when a survey exists
        due = [
            i
            for i in range(one_off.month, len(plan.months))
            if survey_due(kind, plan.months[i].start)
        ]
        bad |= {(kind, due[0])} if due else set()
    for i, m in enumerate(plan.months):
        for kind in profile.surveys:
            if not survey_due(kind, m.start):
                continue
            scale = 5.0 if kind is SurveyKind.PULSE else 10.0
            sent = m.start + timedelta(days=rng.randint(3, 8))
            answers = _answers(rng, world, m, sent, level[kind], scale, (kind, i) in bad, last)
            world.surveys.append(SurveyRecord(len(world.surveys) + 1, kind, sent, scale, answers))


def _answers(
    rng: random.Random,
    world: World,
    m: MonthState,
    sent: date,
    level: float,
    scale: float,
    bad: bool,
    last: date,
) -> tuple[SurveyResponse, ...]:
    answers = []
    lowest = 1.0 if scale == 5.0 else 0.0
    partner = active(world.people, Side.PARTNER, sent)
    if m.sharing and partner and rng.random() > 0.1:
        for _ in range(min(len(partner), rng.randint(1, 2))):
            score = level + m.survey * scale + rng.gauss(0, 0.06 * scale)
            score -= 0.4 * scale if bad else 0.0
            day = sent + timedelta(days=rng.randint(1, 14))
            if day <= last:
                answers.append(
                    SurveyResponse(day, Side.PARTNER, float(max(lowest, min(scale, round(score)))))
                )
    day = sent + timedelta(days=rng.randint(1, 10))
    if day <= last:
        ours = level + rng.gauss(0, 0.05 * scale)
        answers.append(SurveyResponse(day, Side.OURS, float(max(lowest, min(scale, round(ours))))))
    return tuple(answers)


def add_observations(world: World, plan: Plan, rng: random.Random, last: date) -> None:
    found = [o for o in plan.observations if o.observed <= last]
    for m in plan.months:
        if rng.random() < m.positive:
            kind, category, title = rng.choice(POSITIVE)
            day = m.start + timedelta(days=rng.randint(1, 27))
            if day <= last:
                found.append(
                    ObservationRecord(0, day, category, Polarity.POSITIVE, kind, title=title)
                )
    found.sort(key=lambda o: o.observed)
    seen: set[tuple[date, str]] = set()
    for n, o in enumerate(found, start=1):
        if (o.observed, o.title) in seen:  # the bundle's key is (alliance, day, title)
            continue
        seen.add((o.observed, o.title))
        world.observations.append(
            ObservationRecord(n, o.observed, o.category, o.polarity, o.kind, o.source, o.title)
        )
    world.context.extend(c for c in plan.context if c.start <= last)
