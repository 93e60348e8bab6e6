"""Text from an imported file, made safe to show in a terminal or a page.

Error messages quote the input ("Content line could not be parsed: …"), and
the input may be anything: escape sequences that recolour or retitle a
terminal, a bell, bidirectional overrides that reorder what a person reads,
megabytes of one line. What is shown keeps printable text, writes control
and direction characters as visible escapes (\\x1b, \\u202e) and is cut at
a length a person reads.
"""

from __future__ import annotations

import re

MAX_SHOWN = 500  # characters of one message
# C0 and C1 controls except the tab, DEL, and the bidirectional embeddings,
# overrides and isolates (Trojan Source).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` with unsafe characters escaped and cut to about `limit` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _UNSAFE.sub(_escape, text)
