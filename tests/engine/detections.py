"""Hand-made detections and signals for the judgement-layer unit tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from radar.engine.assessment import Detection, Evidence, Signal
from radar.engine.features import add_months
from radar.engine.vocab import Category, Polarity

START = date(2025, 1, 1)


def months(n: int, start: date = START) -> tuple[date, ...]:
    return tuple(add_months(start, i) for i in range(n))


def det(
    rule: str,
    period: date,
    *,
    polarity: Polarity = Polarity.NEGATIVE,
    severity: float = 0.5,
    instant: bool = False,
    title: str = "",
    occurrences: int = 1,
) -> Detection:
    category = Category(rule.split(".")[0]) if "." in rule else Category.COMMUNICATION
    return Detection(
        rule=rule,
        category=category,
        polarity=polarity,
        period=period,
        title=title or rule,
        detail=f"{rule} fired",
        evidence=Evidence(summary="test"),
        severity=severity,
        instant=instant,
        occurrences=occurrences,
    )


def fires(rule: str, periods: Sequence[date], **kwargs: object) -> list[Detection]:
    return [det(rule, p, **kwargs) for p in periods]  # type: ignore[arg-type]


def covered(
    n: int, *, missing: dict[Category, Sequence[int]] | None = None
) -> dict[Category, tuple[bool, ...]]:
    """Every category has data in every period, except the listed period indices."""
    gaps = missing or {}
    return {c: tuple(i not in gaps.get(c, ()) for i in range(n)) for c in Category}


def sig(
    rule: str,
    *,
    confirmed: bool = False,
    polarity: Polarity = Polarity.NEGATIVE,
    severity: float = 0.5,
    first_seen: date = START,
    consecutive: int = 1,
) -> Signal:
    d = det(rule, first_seen, polarity=polarity, severity=severity)
    return Signal(
        rule=d.rule,
        category=d.category,
        polarity=d.polarity,
        title=d.title,
        detail=d.detail,
        evidence=d.evidence,
        severity=severity,
        first_seen=first_seen,
        last_seen=first_seen,
        consecutive=consecutive,
        confirmed=confirmed,
        confirmed_since=first_seen if confirmed else None,
    )
