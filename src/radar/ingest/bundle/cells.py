"""Reading and writing single cells of a bundle.

Each column gets one small parser (made once per file, called once per
cell) that turns the cell's text into a Python value or raises CellError
with a message meant for the person who typed the cell. `format_cell` is
the inverse used by the exporter; it always writes the canonical form.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from radar.exports.safe_cells import restore_cell
from radar.ingest.bundle import spec
from radar.security.links import check_link

Parser = Callable[[str], Any]

_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the user."""


def _quote(raw: str) -> str:
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    return json.dumps(shown, ensure_ascii=False)


def parse_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CellError(f"{_quote(raw)} is not a date (expected YYYY-MM-DD)") from None


def make_datetime_parser(zone: tzinfo) -> Parser:
    def parse_datetime(raw: str) -> datetime:
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise CellError(
                f"{_quote(raw)} is not a date (expected YYYY-MM-DD or ISO 8601 date-time)"
            ) from None
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return value.astimezone(UTC)

    return parse_datetime


def parse_month(raw: str) -> date:
    match = _MONTH.match(raw)
    if match:
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return date(year, month, 1)
    else:
        try:
            return date.fromisoformat(raw).replace(day=1)
        except ValueError:
            pass
    raise CellError(f"{_quote(raw)} is not a month (expected YYYY-MM or YYYY-MM-DD)")


def parse_bool(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise CellError(f"{_quote(raw)} is not a yes/no value (expected true or false)")


def parse_int(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise CellError(f"{_quote(raw)} is not a whole number") from None


def parse_number(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise CellError(f"{_quote(raw)} is not a number (use a . for decimals)") from None
    if not math.isfinite(value):
        raise CellError(f"{_quote(raw)} is not a finite number")
    return value


def parse_json(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CellError(f"{_quote(raw)} is not valid JSON ({exc.msg})") from None
    if not isinstance(value, dict):
        raise CellError(f"{_quote(raw)} is not a JSON object ({{...}})")
    return value


def _enum_parser(choices: tuple[str, ...]) -> Parser:
    allowed = frozenset(choices)
    listed = ", ".join(choices)

    def parse_enum(raw: str) -> str:
        if raw in allowed:
            return raw
        lowered = raw.lower().replace(" ", "_").replace("-", "_")
        if lowered in allowed:
            return lowered
        raise CellError(f"{_quote(raw)} is not allowed (expected one of: {listed})")

    return parse_enum


def number_text(value: float | None) -> str:
    """A bound as a person reads it: 2,147,483,647 or 0.5."""
    return f"{value:,.0f}" if value is not None and float(value).is_integer() else f"{value:g}"


def _ranged(parse: Parser, column: spec.Column) -> Parser:
    low, high = column.minimum, column.maximum
    if low is None and high is None:
        return parse

    def parse_in_range(raw: str) -> Any:
        value = parse(raw)
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = (
                f"between {number_text(low)} and {number_text(high)}"
                if low is not None and high is not None
                else (
                    f"at least {number_text(low)}"
                    if low is not None
                    else f"at most {number_text(high)}"
                )
            )
            raise CellError(f"{_quote(raw)} is out of range (expected {bounds})")
        return value

    return parse_in_range


def _text_parser(column: spec.Column) -> Parser:
    limit = column.max_length
    if limit is None:
        return restore_cell

    def parse_text(raw: str) -> str:
        raw = restore_cell(raw)
        if len(raw) > limit:
            raise CellError(f"text is {len(raw)} characters long (at most {limit} allowed)")
        return raw

    return parse_text


def _link_parser(column: spec.Column) -> Parser:
    text = _text_parser(column)

    def parse_link(raw: str) -> str:
        try:
            return check_link(text(raw))
        except ValueError as exc:
            raise CellError(f"{_quote(raw)}: {exc}") from None

    return parse_link


def parser_for(column: spec.Column, zone: tzinfo) -> Parser:
    """The parser of one column; blank cells never reach it."""
    kind = column.type
    if kind == spec.TEXT:
        return _text_parser(column)
    if kind == spec.URL:
        return _link_parser(column)
    if kind == spec.ENUM:
        return _enum_parser(column.choices)
    simple: dict[str, Parser] = {
        spec.DATE: parse_date,
        spec.DATETIME: make_datetime_parser(zone),
        spec.MONTH: parse_month,
        spec.BOOL: parse_bool,
        spec.INT: parse_int,
        spec.NUMBER: parse_number,
        spec.JSON: parse_json,
    }
    return _ranged(simple[kind], column)


def trims(column: spec.Column) -> bool:
    """Free text keeps its spaces; everything else is trimmed."""
    return not (column.type == spec.TEXT and column.max_length is None)


def format_cell(value: Any) -> str:
    """The canonical cell text of a stored value (the exporter's side)."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
