"""Template tags for the read-side pages: score badges, sparklines, labels.

Everything that draws SVG builds it from numbers only; text goes through
format_html so user data is always escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from radar.web.present import band_label, band_of, humanize_code, parse_date

register = template.Library()


@register.filter
def band(score: float | None) -> int:
    return band_of(score)


@register.filter
def bandlabel(score: float | None, assessed: bool = False) -> str:
    return band_label(score, assessed)


@register.filter
def humanize(code: str) -> str:
    return humanize_code(str(code))


@register.filter
def label(value: str) -> str:
    """'co_selling' -> 'Co selling'."""
    return str(value or "").replace("_", " ").capitalize()


@register.filter
def isodate(value: Any) -> date | None:
    return parse_date(value)


@register.filter
def days_since(value: date | datetime | None, today: date) -> int | None:
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    return (today - day).days


@register.filter
def get(mapping: Mapping[str, Any] | None, key: str) -> Any:
    return None if mapping is None else mapping.get(key)


@register.filter
def pct(score: float | None) -> int:
    """A 1..5 score as a bar width (1 -> 0 %, 5 -> 100 %)."""
    if score is None:
        return 0
    return round(max(0.0, min(4.0, float(score) - 1.0)) * 25)


@register.filter
def pct_step(score: float | None) -> int:
    """The bar width rounded to 5 %: a CSS class (w-0 … w-100) sets it, since the
    Content-Security-Policy allows no style attributes."""
    return round(pct(score) / 5) * 5


@register.simple_tag
def score_badge(score: float | None, size: str = "", assessed: bool = False) -> SafeString:
    """The score in its band's colours; an assessed alliance without a score says that
    there is not enough data yet."""
    b = band_of(score)
    text = "—" if score is None else f"{float(score):.1f}"
    extra = " score--lg" if size == "lg" else ""
    if score is None and assessed:
        text, extra = band_label(None, True).lower(), extra + " score--pending"
    return format_html(
        '<span class="score band-{}{}" title="{}">{}<span class="visually-hidden"> out of 5, {}'
        "</span></span>",
        b,
        extra,
        band_label(score, assessed),
        text,
        band_label(score, assessed),
    )


@register.simple_tag
def trend_arrow(trend: str) -> SafeString:
    arrows = {"up": ("▲", "improving"), "down": ("▼", "declining"), "flat": ("▬", "steady")}
    glyph, words = arrows.get(trend, ("", ""))
    if not glyph:
        return mark_safe("")
    return format_html(
        '<span class="trend trend--{}" aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span>',
        trend,
        glyph,
        words,
    )


@register.simple_tag
def sparkline(
    points: Sequence[float], baseline: float | None = None, trend: str = ""
) -> SafeString:
    """Inline SVG of a 1..5 score history; dashed line at the baseline."""
    if not points:
        return format_html('<span class="muted">{}</span>', "no history")
    width, height, pad = 110.0, 28.0, 3.0
    pts = list(points)[-24:]

    def y(v: float) -> float:
        return round(pad + (5.0 - max(1.0, min(5.0, float(v)))) / 4.0 * (height - 2 * pad), 1)

    step = (width - 2 * pad) / max(1, len(pts) - 1)
    coords = " ".join(f"{round(pad + i * step, 1)},{y(v)}" for i, v in enumerate(pts))
    last_x, last_y = round(pad + (len(pts) - 1) * step, 1), y(pts[-1])
    base = ""
    if baseline is not None:
        by = y(baseline)
        base = f'<line class="spark__base" x1="{pad}" x2="{width - pad}" y1="{by}" y2="{by}"/>'
    words = f"Score history, {len(pts)} months: from {pts[0]:.1f} to {pts[-1]:.1f}"
    if baseline is not None:
        words += f"; baseline {float(baseline):.1f}"
    css_trend = trend if trend in {"up", "down", "flat"} else "flat"
    svg = (
        f'<svg class="spark spark--{css_trend}" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-label="{words}"><title>{words}</title>{base}'
        f'<polyline class="spark__line" points="{coords}"/>'
        f'<circle class="spark__dot" cx="{last_x}" cy="{last_y}" r="2.6" '
        f'fill="var(--b{band_of(pts[-1])})"/></svg>'
    )
    # Only numbers and fixed words went into the markup above.
    return mark_safe(svg)


@register.simple_tag(takes_context=True)
def query(context: template.Context, **changes: str) -> str:
    """The current dashboard listing's query string with some parameters changed."""
    listing = context.get("listing")
    if listing is None:
        return ""
    params = listing.params(**{k: str(v) for k, v in changes.items()})
    as_of = context.get("as_of")
    if as_of:  # the backtest keeps its date while sorting
        params = {"as_of": as_of.isoformat(), **params}
    return "?" + urlencode(params) if params else "?"


@register.filter
def sort_param(listing: Any, key: str) -> str:
    return str(listing.sort_param(key))


@register.filter
def aria_sort(listing: Any, key: str) -> str:
    return str(listing.aria_sort(key))


def _number(value: float) -> str:
    """92308.7 -> '92,309'; 2.126 -> '2.13'; 3.0 -> '3'."""
    number = float(value)
    return f"{number:,.0f}" if abs(number) >= 100 else f"{number:.2f}".rstrip("0").rstrip(".")


# A unit that is a scale ("1-5", "0-10", also with an en dash) reads better as "out of 5".
_SCALE = re.compile(r"^\s*\d+\s*[-\u2013]\s*(\d+)\s*$")


@register.filter
def withunit(value: float | None, unit: str = "") -> str:
    """12.5 + 'h' -> '12.5 h'; 2.1 + '1-5' -> '2.1 out of 5'; 92308.7 + 'EUR' -> '92,309 EUR'."""
    if value is None:
        return "—"
    if unit in _SHARES:
        return f"{float(value) * 100:.0f}%{_SHARES[unit]}"
    text = _number(value)
    scale = _SCALE.match(unit or "")
    if scale:
        return f"{text} out of {scale.group(1)}"
    return f"{text} {_for_one(unit) if text == '1' else unit}".strip() if unit else text


# The engine's shares (0..1) read as percentages: "0.16 share" was its evidence's wording.
_SHARES = {"share": "", "share of scale": " of the scale"}


@register.filter
def evidence_value(value: Any, unit: str = "") -> str:
    """One data point of a signal's evidence: a share in %, other numbers as `number`
    (the unit is said once, in the baseline and threshold, not in every cell)."""
    if unit in _SHARES and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{float(value) * 100:.0f}%"
    return number(value)


# Units that are counted things read in the singular for one: "1 item", "1 person".
_IRREGULAR_SINGULAR = {"people": "person"}


def _for_one(unit: str) -> str:
    if unit in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[unit]
    # A plain lower-case plural word ("items", "customers"); not "NPS", "EUR" or "hours/week".
    if re.fullmatch(r"[a-z]+s", unit) and not unit.endswith("ss"):
        return unit[:-1]
    return unit


@register.filter
def unit_label(unit: str) -> str:
    """How a metric's unit reads in a heading: '1-5' -> 'scale of 1 to 5'."""
    scale = _SCALE.match(unit or "")
    if scale:
        low = re.match(r"\s*(\d+)", unit)
        return f"scale of {low.group(1) if low else 1} to {scale.group(1)}"
    return unit or ""


@register.filter
def number(value: Any) -> str:
    """A number as people write it (see withunit); anything else as it is."""
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, int | float):
        return _number(value)
    return str(value)


@register.filter
def ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


EXCERPT = 90  # characters of context on each side of the first match


@register.filter
def excerpt(text: str, terms: Sequence[str]) -> SafeString:
    """The part of `text` around the first search term, terms marked; all of it escaped."""
    text = " ".join(str(text or "").split())
    lowered = text.lower()
    hits = [i for i in (lowered.find(t) for t in terms) if i >= 0]
    start = max(0, min(hits) - EXCERPT) if hits else 0
    end = min(len(text), start + 2 * EXCERPT + 40)
    shown = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return highlight(shown, terms)


@register.filter
def highlight(text: str, terms: Sequence[str]) -> SafeString:
    """`text` escaped, with every occurrence of a search term in <mark>."""
    safe = str(escape(text))
    words = sorted({str(escape(t)) for t in terms if t}, key=len, reverse=True)
    if not words:
        return mark_safe(safe)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    # Only our own <mark> tags go into the escaped text, never inside an entity (&amp;).
    parts = _ENTITY.split(safe)
    marked = [
        part if _ENTITY.fullmatch(part) else pattern.sub(r"<mark>\g<0></mark>", part)
        for part in parts
    ]
    return mark_safe("".join(marked))


_ENTITY = re.compile(r"(&#?[a-zA-Z0-9]+;)")
