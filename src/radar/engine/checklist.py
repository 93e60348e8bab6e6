"""The debugging checklist to work through before concluding an alliance is failing.

Each question gets a status — "ok", "attention" or "unknown" (no data to tell) —
and a finding in plain words. Several questions look at our own side on
purpose: sometimes the problem is us.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from radar.engine.assessment import ChecklistItem
from radar.engine.config import EngineConfig
from radar.engine.features import Frame
from radar.engine.records import ContactRecord, History
from radar.engine.triage import CONTEXT_LABELS, PeriodSignals
from radar.engine.vocab import Category, ContextKind, DeliverableStatus, Side
from radar.engine.words import days_ago

_PRIORITY_CONTEXT = (ContextKind.LEADERSHIP_CHANGE, ContextKind.MERGER_ACQUISITION)


def last_contact(history: History, as_of: date) -> datetime | None:
    """The last direct two-way contact on record up to as_of."""
    seen = [s.last_contact for s in history.periods if s.last_contact is not None]
    seen = [moment for moment in seen if moment.date() <= as_of]
    return max(seen) if seen else None


def is_our_side(rule: str) -> bool:
    """Execution rules about our own deliverables: "execution.our_..." (or "ours" in the id)."""
    return rule.startswith("execution.our_") or (rule.startswith("execution.") and "ours" in rule)


def _spoken(frame: Frame, config: EngineConfig) -> ChecklistItem:
    question = (
        f"Have we spoken directly with the partner in the last {config.no_contact_days} days?"
    )
    last = last_contact(frame.history, frame.as_of)
    if last is None:
        return ChecklistItem(question, "unknown", "No direct contact is on record.")
    days = (frame.as_of - last.date()).days
    status = "ok" if days <= config.no_contact_days else "attention"
    return ChecklistItem(question, status, f"Last direct contact {days_ago(days)} ({last.date()}).")


def _describe_change(contact: ContactRecord, by_id: dict[int, ContactRecord]) -> str:
    how = {"left": "left", "reassigned": "was reassigned", "role_change": "changed role"}
    role = str(contact.role).replace("_", " ")
    text = f"{contact.name} ({role}) {how.get(contact.end_reason, 'moved on')} on {contact.ended}"
    successor = by_id.get(contact.successor_id) if contact.successor_id else None
    return text + (f", replaced by {successor.name}" if successor else ", no successor named")


def _team(frame: Frame, config: EngineConfig) -> ChecklistItem:
    question = "Has the partner's team changed recently? Who left, and who replaced them?"
    partner = [c for c in frame.history.contacts if c.side is Side.PARTNER]
    if not partner:
        return ChecklistItem(question, "unknown", "No partner contacts on record.")
    since = frame.as_of - timedelta(days=config.team_change_days)
    by_id = {c.id: c for c in frame.history.contacts}
    changes = [c for c in partner if c.ended is not None and since <= c.ended <= frame.as_of]
    if not changes:
        return ChecklistItem(
            question, "ok", f"No changes in the last {config.team_change_days} days."
        )
    return ChecklistItem(
        question, "attention", "; ".join(_describe_change(c, by_id) for c in changes) + "."
    )


def _priorities(frame: Frame, signals: PeriodSignals, config: EngineConfig) -> ChecklistItem:
    question = "Have the partner's business priorities shifted (launch, leadership, programme)?"
    found = [s.title for s in signals.negatives if s.category is Category.PRIORITY]
    since = frame.as_of - timedelta(days=config.team_change_days)
    found += [
        f"{CONTEXT_LABELS.get(str(c.kind), 'an external event')} since {c.start}"
        for c in frame.history.context
        if c.kind in _PRIORITY_CONTEXT and (c.end is None or c.end >= since)
    ]
    if found:
        text = "; ".join(found) + "."
        return ChecklistItem(question, "attention", text[0].upper() + text[1:])
    if not frame.history.observations and not frame.history.checkins:
        return ChecklistItem(question, "unknown", "No observations or check-ins to tell.")
    return ChecklistItem(question, "ok", "No sign of shifted priorities.")


def _ours(frame: Frame, signals: PeriodSignals, config: EngineConfig) -> ChecklistItem:
    question = "Are we still delivering on our commitments? Could we be the problem?"
    as_of = frame.as_of
    since = as_of - timedelta(days=config.own_delivery_days)
    grace = timedelta(days=config.deliverable_grace_days)
    ours = [
        d
        for d in frame.history.deliverables
        if d.side is Side.OURS
        and since <= d.due <= as_of
        and d.status != DeliverableStatus.CANCELLED
    ]
    flagged = [s.title for s in signals.negatives if is_our_side(s.rule)]
    late = [d for d in ours if (d.done or as_of) > d.due + grace]
    if not ours and not flagged:
        return ChecklistItem(question, "unknown", "None of our own deliverables were due lately.")
    if late or flagged:
        parts = [f"{len(late)} of our {len(ours)} recent deliverables late or missing"]
        return ChecklistItem(question, "attention", "; ".join(parts + flagged) + ".")
    return ChecklistItem(question, "ok", f"All {len(ours)} of our recent deliverables on time.")


def _agreement(frame: Frame, config: EngineConfig) -> ChecklistItem:
    question = "Have we reviewed the agreement recently? Are the terms still relevant?"
    agreement = frame.history.agreement
    if agreement is None:
        return ChecklistItem(question, "unknown", "No agreement on record.")
    as_of = frame.as_of
    if (
        agreement.next_review
        and agreement.next_review < as_of
        and (agreement.last_reviewed is None or agreement.last_reviewed < agreement.next_review)
    ):
        return ChecklistItem(
            question, "attention", f"The review due {agreement.next_review} is overdue."
        )
    if agreement.last_reviewed is None:
        return ChecklistItem(question, "attention", "No review of the agreement on record.")
    days = (as_of - agreement.last_reviewed).days
    status = "ok" if days <= config.agreement_review_days else "attention"
    return ChecklistItem(
        question, status, f"Last reviewed {agreement.last_reviewed} ({days_ago(days)})."
    )


def checklist(
    frame: Frame, signals: PeriodSignals, config: EngineConfig
) -> tuple[ChecklistItem, ...]:
    return (
        _spoken(frame, config),
        _team(frame, config),
        _priorities(frame, signals, config),
        _ours(frame, signals, config),
        _agreement(frame, config),
    )
