"""Reading mail headers the way real mailboxes write them.

Headers arrive RFC 2047-encoded in any charset (some unknown to Python), as
raw 8-bit bytes, folded over several lines, or missing. Dates come in every
time zone, with two-digit years, or as noise. Everything here returns plain
text or None and never raises: a bad header is a fact about the message, to
be reported by the caller, not a crash.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.header import Header, decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_tz

# Message-IDs, In-Reply-To and References: anything between angle brackets.
_MSGID = re.compile(r"<([^<>\s]+)>")
# The date at the end of a Received header, after its last semicolon.
_RECEIVED_DATE = re.compile(r";\s*([^;]+)$")
_SURROGATE = re.compile("[\udc80-\udcff]")
_OLDEST, _NEWEST = datetime(1970, 1, 2, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)


def text(value: object) -> str:
    """A header as one line of readable text (RFC 2047 words decoded, any charset)."""
    if value is None:
        return ""
    if isinstance(value, Header):
        # compat32 wraps raw 8-bit header bytes in a Header (charset unknown-8bit).
        value = "".join(
            _decode(chunk, charset) if isinstance(chunk, bytes) else chunk
            for chunk, charset in decode_header(value)
        )
    raw = str(value)
    if not raw.isascii() and _SURROGATE.search(raw):
        # compat32 hands raw 8-bit header bytes over as surrogates.
        raw = _bytes_to_text(raw.encode("utf-8", "surrogateescape"))
    if "=?" not in raw:
        return " ".join(raw.split())
    try:
        parts = decode_header(raw)
    except Exception:  # a malformed encoded word: keep the header as written
        return " ".join(raw.split())
    words = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            words.append(_decode(chunk, charset))
        else:
            words.append(chunk)
    # decode_header keeps the spaces between plain words; encoded words join directly.
    return " ".join("".join(words).split())


def _decode(data: bytes, charset: str | None) -> str:
    if charset and charset.lower() not in {"unknown-8bit", "x-unknown"}:
        try:
            return data.decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            pass
    return _bytes_to_text(data)


def _bytes_to_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def addresses(msg: Message, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) for every valid address in these headers."""
    values = []
    for name in names:
        for value in msg.get_all(name, []) or []:
            values.append(text(value))
    key = tuple(values)
    found = _ADDRESS_CACHE.get(key)
    if found is None:
        found = _parse_addresses(values)
        if len(_ADDRESS_CACHE) >= _ADDRESS_CACHE_SIZE:
            _ADDRESS_CACHE.clear()
        _ADDRESS_CACHE[key] = found
    return list(found)


# The same From/To lines recur thousands of times in a mailbox; parsing them is slow.
_ADDRESS_CACHE: dict[tuple[str, ...], list[tuple[str, str]]] = {}
_ADDRESS_CACHE_SIZE = 20_000


def _parse_addresses(values: list[str]) -> list[tuple[str, str]]:
    found = []
    try:
        pairs = getaddresses(values)
    except Exception:
        return []
    for display, address in pairs:
        address = address.strip().strip("<>").lower()
        local, at, domain = address.rpartition("@")
        if at and local and "." in domain and " " not in address and len(address) <= 254:
            found.append((display.strip(), address))
    return found


def message_ids(value: object) -> list[str]:
    """The Message-IDs in a header, in order ("<a@x> <b@y>" -> ["a@x", "b@y"])."""
    raw = text(value)
    found = _MSGID.findall(raw)
    if not found and raw and "@" in raw and " " not in raw:
        found = [raw.strip("<>")]  # an ID written without its brackets
    return [f[:490] for f in found]


def parse_date(value: object) -> datetime | None:
    """An RFC 2822 date in UTC; None when it cannot be read or is out of range."""
    raw = text(value)
    if not raw:
        return None
    try:
        parts = parsedate_tz(raw)
    except Exception:
        return None
    if parts is None:
        return None
    try:
        local = datetime(*parts[:6])
    except (ValueError, TypeError, OverflowError):
        return None
    offset = parts[9] or 0
    if abs(offset) > 18 * 3600:
        offset = 0  # a nonsensical zone: read the time as UTC rather than drop it
    moment = local.replace(tzinfo=UTC) - timedelta(seconds=offset)
    if not _OLDEST <= moment < _NEWEST:
        return None
    return moment


def received_date(msg: Message) -> datetime | None:
    """When the newest mail server received the message (the fallback for a bad Date)."""
    for value in msg.get_all("Received", []) or []:
        match = _RECEIVED_DATE.search(" ".join(str(value).split()))
        if match and (moment := parse_date(match.group(1))):
            return moment
    return None
