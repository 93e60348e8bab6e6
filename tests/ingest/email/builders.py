"""Raw test messages, written the way mail clients write them."""

from __future__ import annotations

from pathlib import Path

PARTNER = "acme.example"
OURS = "ours.example"


def message(
    msgid: str | None = "m1@acme.example",
    sender: str = f"Ann Partner <ann@{PARTNER}>",
    to: str = f"Olivia Ours <olivia@{OURS}>",
    date: str | None = "Mon, 3 Mar 2025 10:00:00 +0100",
    subject: str = "Plan",
    body: str = "Thanks for the draft, we are happy with it.",
    reply_to: str | None = None,
    extra: str = "",
) -> bytes:
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if date is not None:
        lines.append(f"Date: {date}")
    if msgid is not None:
        lines.append(f"Message-ID: <{msgid}>")
    if reply_to:
        lines += [f"In-Reply-To: <{reply_to}>", f"References: <{reply_to}>"]
    if extra:
        lines.append(extra)
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body, ""]
    return "\n".join(lines).encode("utf-8")


def mbox(path: Path, *messages: bytes) -> Path:
    parts = []
    for raw in messages:
        escaped = b"\n".join(
            b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n")
        )
        parts.append(b"From MAILER-DAEMON Mon Mar  3 10:00:00 2025\n" + escaped + b"\n")
    path.write_bytes(b"".join(parts))
    return path
