"""Reading dates the way people and office software write them.

Spreadsheets and CRM exports carry dates as ISO strings, as 31/12/2025 or
12/31/2025 (which one is ambiguous: `dayfirst` decides when both parts are
12 or less), as Excel serial numbers, or as "Mar 3, 2025". Anything else is
an error with a message a user can act on; we never guess a date out of
noise (dateutil's fuzzy parsing would turn "3" into the 3rd of this month).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

EXAMPLES = "e.g. 2025-03-31, 31/03/2025, 03/31/2025 or Mar 31, 2025"

# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in).
_EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers between 1982-03-18 and 2064-05-14: a wider range would read
# ordinary numbers ("12") as dates.
_EXCEL_MIN, _EXCEL_MAX = 30_000, 60_000

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_NAMED_FORMATS = (
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d %b, %Y",
    "%a, %b %d, %Y",
    "%A, %B %d, %Y",
    # A month alone ("March 2025", "Mar-25") is its first day: sheets kept per month.
    "%B %Y",
    "%b %Y",
    "%b-%y",
)
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p", "%I %p")


class DateError(ValueError):
    """A value could not be read as a date; the message says what was expected."""


def parse_date(value: object, *, dayfirst: bool = False) -> date:
    """One date from a cell: date/datetime objects, Excel serials or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise DateError(f"cannot read {value!r} as a date ({EXAMPLES})")
    if isinstance(value, int | float):
        return _from_serial(float(value))
    text = " ".join(str(value).split())
    if not text:
        raise DateError("the date is empty")
    try:
        return _from_text(text, dayfirst)
    except ValueError as exc:  # out-of-range day or month
        raise DateError(f"cannot read {text!r} as a date ({EXAMPLES})") from exc


def parse_datetime(value: object, *, dayfirst: bool = False, tz: tzinfo = UTC) -> datetime:
    """A moment from a cell; text without a zone is read in `tz`, date-only at midnight."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if not isinstance(value, str):
        return datetime.combine(parse_date(value, dayfirst=dayfirst), time(), tz)
    text = " ".join(value.split())
    iso = _iso_datetime(text)
    if iso is not None:
        return iso if iso.tzinfo else iso.replace(tzinfo=tz)
    day_part, _, time_part = text.replace(", ", " ", 1).partition(" ")
    if _NUMERIC.match(day_part) and time_part:
        day = parse_date(day_part, dayfirst=dayfirst)
        return datetime.combine(day, _parse_time(text, time_part), tz)
    return datetime.combine(parse_date(text, dayfirst=dayfirst), time(), tz)


def month_start(day: date) -> date:
    """The first day of the month `day` falls in (metric periods are months)."""
    return day.replace(day=1)


def _from_serial(serial: float) -> date:
    if not _EXCEL_MIN <= serial <= _EXCEL_MAX:
        raise DateError(f"{serial:g} is not a date ({EXAMPLES})")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _from_text(text: str, dayfirst: bool) -> date:
    if m := _ISO.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH.match(text):
        return date(int(m[1]), int(m[2]), 1)
    if m := _COMPACT.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(text):
        return _numeric(int(m[1]), int(m[2]), m[3], dayfirst)
    if _SERIAL.match(text):
        return _from_serial(float(text))
    for fmt in _NAMED_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DateError(f"cannot read {text!r} as a date ({EXAMPLES})")


def _numeric(first: int, second: int, year_text: str, dayfirst: bool) -> date:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000
    # An unambiguous value wins over the switch: 31/12 is always day-first.
    if first > 12:
        return date(year, second, first)
    if second > 12:
        return date(year, first, second)
    return date(year, second, first) if dayfirst else date(year, first, second)


def _iso_datetime(text: str) -> datetime | None:
    if not _ISO.match(text) or len(text) <= 10:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_time(whole: str, text: str) -> time:
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text.upper(), fmt).time()
        except ValueError:
            continue
    raise DateError(f"cannot read the time in {whole!r} (e.g. 14:30 or 2:30 PM)")
