"""Resource: the people and money behind the alliance on the partner's side."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from radar.engine.assessment import Detection, Evidence, EvidencePoint
from radar.engine.baseline import Direction
from radar.engine.config import EngineConfig
from radar.engine.counts import Pooled, PooledShare, binomial_tail
from radar.engine.features import Frame, month_number
from radar.engine.records import ContactRecord
from radar.engine.signals._baseline_rule import BaselineRule
from radar.engine.signals._common import Rule, observation_rule
from radar.engine.vocab import KEY_ROLES, Category, ContactRole, Polarity, Side

R = Category.RESOURCE
NEG = Polarity.NEGATIVE
# The roles whose absence leaves nobody on the partner side fighting for the alliance.
CHAMPION_ROLES = (ContactRole.CHAMPION, ContactRole.EXECUTIVE_SPONSOR)
_REASONS = {"left": "left", "reassigned": "was reassigned", "role_change": "changed role"}


def role_label(role: ContactRole) -> str:
    return role.value.replace("_", " ")


def _active(contact: ContactRecord, day: date) -> bool:
    started = contact.started is None or contact.started <= day
    return started and (contact.ended is None or contact.ended > day)


def _seat_filled(gone: ContactRecord, left: date, contacts: Sequence[ContactRecord]) -> date | None:
    """When someone (the named successor, or anyone on the partner side in the same role)
    was next in post in the role `gone` left on `left`; None while the seat stays empty."""
    found = [
        max(c.started or left, left)
        for c in contacts
        if c.id != gone.id
        and c.side is Side.PARTNER
        and (c.id == gone.successor_id or c.role is gone.role)
        and (c.ended is None or c.ended > left)
    ]
    return min(found) if found else None


def _vacancy_periods(gone: ContactRecord, left: date, frame: Frame, config: EngineConfig) -> int:
    """How many periods the departure stays active: while the seat is empty, at least
    `instant_active_periods`, at most `durable_max_periods` when nobody fills it."""
    filled = _seat_filled(gone, left, frame.history.contacts)
    empty = config.durable_max_periods
    if filled is not None:
        empty = min(month_number(filled) - month_number(left), empty)
    return max(empty, config.instant_active_periods)


def key_contact_left(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """A partner contact in a key role left or was reassigned: a discrete, instant event.

    It is a durable fact: it stays active (and confirmed) while nobody has taken the
    seat over. A planned hand-over — the named successor was already in post at least
    `handover_min_days` before the departure — is still reported, but as an ordinary
    detection (a single sighting, unconfirmed): the relationship was passed on.
    """
    by_id = {c.id: c for c in frame.history.contacts}
    names = {c.id: c.name for c in frame.history.contacts}

    def handed_over(c: ContactRecord) -> date | None:
        successor = by_id.get(c.successor_id) if c.successor_id is not None else None
        if successor is None or successor.started is None or c.ended is None:
            return None
        early = (c.ended - successor.started).days >= config.handover_min_days
        return successor.started if early else None

    by_period: dict[int, list[ContactRecord]] = {}
    for c in frame.history.contacts:
        if c.side != Side.PARTNER or c.role not in KEY_ROLES or c.ended is None:
            continue
        i = frame.index_of(c.ended)
        if i is not None:
            by_period.setdefault(i, []).append(c)
    for i in sorted(by_period):
        gone = sorted(by_period[i], key=lambda c: (c.ended, c.id))
        sentences = []
        points = []
        for c in gone:
            successor = names.get(c.successor_id) if c.successor_id is not None else None
            follow = f"successor: {successor}" if successor else "no successor named"
            since = handed_over(c)
            if since is not None:
                follow += f" (in post since {since.isoformat()}: a planned hand-over)"
            reason = _REASONS.get(c.end_reason, "moved on")
            sentences.append(
                f"{c.name} ({c.title or role_label(c.role)}) {reason} on "
                f"{c.ended.isoformat() if c.ended else '?'}; {follow}"
            )
            points.append(
                EvidencePoint(c.ended.isoformat() if c.ended else "", f"{c.name}: {follow}")
            )
        champion = any(c.role in CHAMPION_ROLES for c in gone)
        unfilled = any(c.successor_id is None for c in gone)
        planned = all(handed_over(c) is not None for c in gone)
        severity = (0.75 if champion else 0.6) + (0.15 if unfilled else 0.0)
        if planned:
            severity = 0.3
        lasts = 0
        if not planned:
            lasts = max(_vacancy_periods(c, c.ended, frame, config) for c in gone if c.ended)
        yield Detection(
            rule="resource.key_contact_left",
            category=R,
            polarity=NEG,
            period=frame.periods[i],
            title="A key partner contact handed over"
            if planned
            else "A key partner contact moved on",
            detail="; ".join(sentences) + ".",
            evidence=Evidence(
                summary="partner contacts in key roles", points=tuple(points), points_of="left"
            ),
            severity=round(severity, 2),
            instant=not planned,
            active_periods=lasts,
            # The seat stays empty beyond the usual window: someone must take it over.
            durable=lasts > config.instant_active_periods,
        )


team_shrinking = BaselineRule(
    rule="resource.team_shrinking",
    category=R,
    polarity=NEG,
    series="partner_people",
    direction=Direction.DOWN,
    title="Fewer partner people involved",
    sentence="Partner people taking part: {value}, against a usual {median} ({change}).",
    unit="people",
)


def sponsor_delegating(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """The partner's executive sponsor, still invited, stops coming, and others come in
    their place: delegation, a resource and priority signal, not network growth.

    The sponsor's share of the held meetings they were invited to is read over the
    month alone and pooled with up to twice `count_pool_periods` months before (sponsors
    sit in quarterly reviews; radar.engine.counts) against their usual share: they must
    have come at least half the time before.
    """
    invited = [s.sponsor_invited for s in frame.stats]
    if sum(invited) < 2:
        return
    skipped = [s.sponsor_invited - s.sponsor_attended for s in frame.stats]
    pooled = Pooled(skipped, invited)
    for i, missed in enumerate(skipped):
        stats = frame.stats[i]
        if missed <= 0 or stats.partner_attended <= 0:
            continue  # no skipped meeting, or nobody from the partner came at all
        # Sponsors sit in quarterly reviews: pool up to two quarters.
        longest = 2 * config.count_pool_periods
        windows = pooled.windows(i, config, longest)
        found = next((w for w in windows if _delegated(w, config)), None)
        if found is None:
            continue
        came = 1 - found.share
        usual = 1 - (found.usual or 0.0)
        months = "this month" if found.months == 1 else f"in the last {found.months} months"
        yield Detection(
            rule="resource.sponsor_delegating",
            category=R,
            polarity=NEG,
            period=frame.periods[i],
            title="The partner's sponsor is delegating",
            detail=(
                f"The partner's executive sponsor was invited to {found.chances} meetings "
                f"{months} and came to {found.chances - found.events} ({came:.0%}, against "
                f"{usual:.0%} before); others from the partner came in their place."
            ),
            evidence=Evidence(
                summary="held meetings the partner's executive sponsor was invited to and "
                "attended, against their usual share",
                points=tuple(
                    EvidencePoint(frame.labels[j], f"{s.sponsor_attended}/{s.sponsor_invited}")
                    for j in range(max(0, i - config.evidence_periods), i + 1)
                    if (s := frame.stats[j]).sponsor_invited
                ),
                baseline=round(usual, 3),
                unit="share",
            ),
            severity=round(min(1.0, 0.3 + usual - came), 2),
            occurrences=missed,
        )


def _delegated(found: PooledShare, config: EngineConfig) -> bool:
    """The sponsor used to come, and now misses clearly more of their meetings."""
    if found.usual is None or found.usual > 0.5 or found.events < 2:
        return False
    usual = max(found.usual, config.count_usual_floor)
    return (
        found.share >= found.usual + config.deviation_relative
        and binomial_tail(found.events, found.chances, usual) <= config.count_p_max
    )


def delegation_months(frame: Frame) -> frozenset[int]:
    """Months in which the partner's sponsor missed a meeting they were invited to."""
    return frozenset(i for i, s in enumerate(frame.stats) if s.sponsor_invited > s.sponsor_attended)


def single_contact(frame: Frame, config: EngineConfig) -> Iterator[Detection]:
    """Everything runs through one partner person: a single point of failure.

    Fires when (a) exactly one partner person took part in each of the last
    `single_contact_periods` months, or (b) the contact register lists exactly one
    current partner contact and the month's activity does not contradict it.
    """
    people = frame.series("partner_people")
    partner_contacts = [c for c in frame.history.contacts if c.side == Side.PARTNER]
    window = max(1, config.single_contact_periods)
    run = 0
    for i in range(len(frame.periods)):
        run = run + 1 if people[i] == 1 else 0
        reason = ""
        if run >= window:
            reason = f"only one partner person took part in each of the last {run} months"
        elif partner_contacts and (people[i] or 0) <= 1:
            day = frame.period_end(i)
            active = [c for c in partner_contacts if _active(c, day)]
            if len(active) == 1:
                reason = f"{active[0].name} is the only partner contact on record"
        if not reason:
            continue
        start = max(0, i - config.evidence_periods)
        yield Detection(
            rule="resource.single_contact",
            category=R,
            polarity=NEG,
            period=frame.periods[i],
            title="Single point of contact",
            detail=f"The relationship hangs on one person: {reason}.",
            evidence=Evidence(
                summary="distinct partner people taking part per month",
                points=tuple(
                    EvidencePoint(frame.labels[j], people[j] or 0.0) for j in range(start, i + 1)
                ),
                threshold=1.0,
                unit="people",
            ),
            severity=0.5,
        )


RULES: tuple[Rule, ...] = (
    key_contact_left,
    team_shrinking,
    sponsor_delegating,
    single_contact,
    observation_rule("resource.observation", R, NEG, "Partner resources cut"),
)
RULE_IDS = (
    "resource.key_contact_left",
    "resource.team_shrinking",
    "resource.sponsor_delegating",
    "resource.single_contact",
    "resource.observation",
)
