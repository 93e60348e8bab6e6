"""What a file that holds no e-mail message is, said plainly.

The mail parser takes any bytes as a message (with no headers and the bytes
as its body), so an empty file, an image saved as .eml or random bytes would
read as one message with no partner on it and be skipped quietly. Such a
file holds no message: it is reported as unreadable, and an import of
nothing else fails with this reason.
"""

from __future__ import annotations

import re

# The first bytes of files that are often saved or attached under a mail name.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an Outlook .msg or old Office file"),
    (b"\x1f\x8b", "a gzip archive"),
)
# A header line: a field name of printable ASCII (no colon or space), a colon.
_HEADER = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)
HEAD = 8192  # bytes looked at


def not_a_message(raw: bytes) -> str | None:
    """Why `raw` is not an e-mail message, or None when it may be one."""
    head = raw[:HEAD]
    if not head.strip():
        return "the file is empty" if not head else "it holds only blank space"
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return f"this is {what}, not an e-mail message"
    if b"\x00" in head:
        return "it holds binary data (NUL bytes), not an e-mail message"
    header = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    if not _HEADER.search(header):
        return "it has no e-mail headers (From:, Date:, Subject: …)"
    return None
