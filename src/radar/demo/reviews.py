"""Observations, check-ins and decisions of one demo alliance."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.contrib.auth.models import User

from radar.demo.batch import Batch
from radar.demo.months import nth_weekday, quarterly, story_month, yearly
from radar.demo.noise import Noise
from radar.demo.story import Scenario
from radar.portfolio.models import ActionItem, Alliance, CheckIn, Decision, Observation

# The check-in that covered the yearly agreement review, this many months back.
AGREEMENT_REVIEW_MONTHS_BACK = 1


def _on(as_of: date, month: int, day: int) -> date:
    return min(as_of, story_month(as_of, month) + timedelta(days=day - 1))


def observations(
    batch: Batch, alliance: Alliance, sc: Scenario, as_of: date, owner: User | None
) -> None:
    for spec in sc.observations:
        batch.add(
            "observations",
            Observation(
                alliance=alliance,
                observed_on=_on(as_of, spec.month, spec.day),
                category=spec.category,
                polarity=spec.polarity,
                kind=spec.kind,
                source=spec.source,
                title=spec.title,
                detail=spec.detail,
                url=spec.url,
                recorded_by=owner,
            ),
        )


def checkins(
    batch: Batch,
    alliance: Alliance,
    sc: Scenario,
    as_of: date,
    noise: Noise,
    first: int,
    reviewer: User | None,
) -> None:
    """Monthly for tier 1, quarterly for the rest; the score is the owner's own judgement."""
    overrides = dict(sc.manual_scores)
    priority_months = {o.month for o in sc.observations if o.category == "priority"}
    ended = [c.end for c in sc.contacts if c.end is not None]
    for month in range(first + 2, 1):
        period = story_month(as_of, month)
        if sc.tier != 1 and not quarterly(month):
            continue
        held = nth_weekday(period, 3, 3)
        if held > as_of:
            continue
        levels = sc.levels(month, period.month)
        noisy = levels.health + noise.stream("checkin", month).gauss(0, 0.2)
        score = overrides.get(month, round(noisy))
        team = [c for c in sc.contacts if c.end is not None and month - 3 < c.end <= month]
        batch.add(
            "checkins",
            CheckIn(
                alliance=alliance,
                held_on=held,
                reviewer=reviewer,
                manual_score=max(1, min(5, int(score))),
                spoke_with_partner=levels.engagement >= 0.6,
                team_changes="; ".join(f"{c.name} ({c.title}) moved on" for c in team),
                priorities_shifted=any(month - 3 < m <= month for m in priority_months),
                we_are_delivering=levels.ours_late < 0.3,
                agreement_reviewed=yearly(month, AGREEMENT_REVIEW_MONTHS_BACK),
                category_notes=_category_notes(levels.engagement, levels.tone, bool(ended)),
                notes=_note(levels.health),
            ),
        )


def _category_notes(engagement: float, tone: float, turnover: bool) -> dict[str, str]:
    notes: dict[str, str] = {}
    if engagement < 0.75:
        notes["communication"] = "Harder to get time with them; replies take longer."
    if tone < 0.1:
        notes["culture"] = "Conversations feel guarded."
    if turnover and engagement < 0.75:
        notes["resource"] = "New faces on their side, still finding their feet."
    return notes


def _note(health: float) -> str:
    if health >= 4.3:
        return "Strong month. Momentum on both sides."
    if health >= 3.5:
        return "Steady; nothing unusual."
    if health >= 2.5:
        return "Some wobbles; keep an eye on it."
    return "Worried. Several things slipping at once."


def decisions(
    batch: Batch,
    alliance: Alliance,
    sc: Scenario,
    as_of: date,
    decided_by: User | None,
    users_by_name: Mapping[str, User] | None = None,
) -> None:
    """Decisions and their actions; an action owned by one of the demo's users is theirs."""
    for spec in sc.decisions:
        decided = _on(as_of, spec.month, spec.day)
        decision = batch.add(
            "decisions",
            Decision(
                alliance=alliance,
                decided_on=decided,
                kind=spec.kind,
                rationale=spec.rationale,
                decided_by=decided_by,
            ),
        )
        for action in spec.actions:
            due = decided + timedelta(days=action.due_days)
            done = due - timedelta(days=3) if action.done else None
            batch.add(
                "actions",
                ActionItem(
                    decision=decision,
                    title=action.title,
                    owner=action.owner,
                    owner_user=(users_by_name or {}).get(action.owner),
                    due_on=due,
                    done_on=done if done and done <= as_of else None,
                ),
            )
