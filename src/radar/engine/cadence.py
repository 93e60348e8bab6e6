"""Cadence flags: the habits of alliance management that have lapsed.

All of them are judged on `as_of` itself (not on the last complete month):
- `no_direct_contact`: no direct two-way contact for more than `no_contact_days`;
- `review_overdue`: the last health check-in is older than the tier's
  `review_days_by_tier` (tier 1 monthly, the rest quarterly), or there is none;
- `ritual_overdue`: a governance body's ritual not held within its cadence;
- `decision_overdue`: a confirmed negative pattern with no decision taken
  since it was confirmed, after `decision_overdue_days`;
- `score_divergence`: the latest check-in's manual score differs from the
  computed score of that month by `divergence_points` or more: ask a neutral
  reviewer to challenge the scorecard. When that check-in was already done by
  (or with) a neutral reviewer, the challenge has happened and there is no
  flag: the gap then says something about the data, not about the owner;
- `agreement_review_overdue`: the agreement's next review date has passed
  without a review;
- the agreement hygiene flags (missing clauses, renewal, renegotiation and
  exit-notice dates coming up): radar.engine.agreement_hygiene.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from radar.engine.agreement_hygiene import hygiene_flags
from radar.engine.assessment import CadenceFlag
from radar.engine.checklist import last_contact
from radar.engine.config import EngineConfig
from radar.engine.features import Frame, add_months, month_start
from radar.engine.records import GovernanceBody, History
from radar.engine.score import PeriodScore
from radar.engine.triage import PeriodSignals


def _no_contact(history: History, as_of: date, config: EngineConfig) -> CadenceFlag | None:
    last = last_contact(history, as_of)
    if last is None:
        if not history.periods:
            return None  # nothing logged at all: a data gap, not a lapse
        return CadenceFlag("no_direct_contact", "No direct contact with the partner on record.")
    days = (as_of - last.date()).days
    if days <= config.no_contact_days:
        return None
    return CadenceFlag(
        "no_direct_contact",
        f"No direct contact with the partner for {days} days (last on {last.date()}).",
        since=last.date(),
        due=last.date() + timedelta(days=config.no_contact_days),
        days_overdue=days - config.no_contact_days,
    )


def _review(history: History, as_of: date, config: EngineConfig) -> CadenceFlag | None:
    tier = history.alliance.tier
    if history.alliance.started is not None and history.alliance.started > as_of:
        return None  # not started yet: nothing to review
    every = config.review_days_by_tier.get(
        tier, max(config.review_days_by_tier.values(), default=92)
    )
    rhythm = "monthly" if every <= 31 else "quarterly" if every <= 92 else f"every {every} days"
    if not history.checkins:
        return CadenceFlag("review_overdue", f"No health review on record (tier {tier}: {rhythm}).")
    last = max(c.held for c in history.checkins)
    due = last + timedelta(days=every)
    if as_of <= due:
        return None
    return CadenceFlag(
        "review_overdue",
        f"The {rhythm} health review is overdue: the last was on {last}.",
        since=last,
        due=due,
        days_overdue=(as_of - due).days,
    )


def _last_held(history: History, body: GovernanceBody) -> date | None:
    held = [s.rituals[body.ritual] for s in history.periods if body.ritual in s.rituals]
    return max(held) if held else None


def _rituals(history: History, as_of: date) -> list[CadenceFlag]:
    flags: list[CadenceFlag] = []
    for body in history.governance:
        last = _last_held(history, body)
        if last is None:
            flags.append(CadenceFlag("ritual_overdue", f"{body.name} has never met on record."))
            continue
        due = last + timedelta(days=body.cadence_days)
        if as_of > due:
            flags.append(
                CadenceFlag(
                    "ritual_overdue",
                    f"{body.name} has not met since {last} (every {body.cadence_days} days).",
                    since=last,
                    due=due,
                    days_overdue=(as_of - due).days,
                )
            )
    return flags


def _confirmed_on(signals: PeriodSignals) -> date | None:
    """When the current confirmed pattern became known: the month after it was confirmed."""
    months = [s.confirmed_since for s in signals.negatives if s.confirmed_since is not None]
    return add_months(min(months), 1) if months else None


def _decision(
    history: History, signals: PeriodSignals, as_of: date, config: EngineConfig
) -> CadenceFlag | None:
    known = _confirmed_on(signals)
    if known is None or any(d.decided >= known for d in history.decisions):
        return None
    due = known + timedelta(days=config.decision_overdue_days)
    if as_of <= due:
        return None
    return CadenceFlag(
        "decision_overdue",
        f"A confirmed pattern has waited since {known} without a decision "
        "(reinvest, reset, exit or monitor).",
        since=known,
        due=due,
        days_overdue=(as_of - due).days,
    )


def _divergence(
    history: History, scores: Sequence[PeriodScore], config: EngineConfig
) -> CadenceFlag | None:
    rated = [c for c in history.checkins if c.manual_score is not None]
    if not rated or not scores:
        return None
    latest = max(rated, key=lambda c: c.held)
    if latest.neutral_reviewer:
        return None  # a neutral reviewer has already challenged this scorecard
    month = month_start(latest.held)
    before = [p for p in scores if p.period <= month] or [scores[0]]
    computed = before[-1].score
    manual = float(latest.manual_score or 0)
    if computed is None or abs(manual - computed) < config.divergence_points:
        return None
    who = f" by {latest.reviewer}" if latest.reviewer else ""
    return CadenceFlag(
        "score_divergence",
        f"The check-in on {latest.held}{who} scored {manual:.0f}, the data says {computed:.1f}: "
        "ask a neutral reviewer to challenge the scorecard.",
        since=latest.held,
    )


def _agreement(history: History, as_of: date) -> CadenceFlag | None:
    agreement = history.agreement
    if agreement is None or agreement.next_review is None or agreement.next_review >= as_of:
        return None
    if agreement.last_reviewed is not None and agreement.last_reviewed >= agreement.next_review:
        return None
    return CadenceFlag(
        "agreement_review_overdue",
        f"The agreement review due on {agreement.next_review} has not happened.",
        due=agreement.next_review,
        days_overdue=(as_of - agreement.next_review).days,
    )


def cadence_flags(
    frame: Frame,
    signals: PeriodSignals,
    scores: Sequence[PeriodScore],
    config: EngineConfig,
) -> tuple[CadenceFlag, ...]:
    history, as_of = frame.history, frame.as_of
    found = [
        _no_contact(history, as_of, config),
        _review(history, as_of, config),
        *_rituals(history, as_of),
        _decision(history, signals, as_of, config),
        _divergence(history, scores, config),
        _agreement(history, as_of),
        *hygiene_flags(history.agreement, as_of, config),
    ]
    return tuple(flag for flag in found if flag is not None)
