"""Mailboxes as our team exports them: a Google Takeout mbox, an Outlook mailbox as mbox.

Every message between the two sides is in our mailbox: the partner's (with
their out-of-office replies) and ours (our own automatic replies are not kept
in a mailbox, so they are not written). Replies carry In-Reply-To and
References, quote the message they answer (Gmail's "On … wrote:" with "> "
lines, Outlook's "-----Original Message-----" block) and end with a signature.
Each partner's mail system writes its automatic replies its own way: RFC 3834
`Auto-Submitted`, `X-Autoreply`, "Automatic reply:" or "Out of office:" subjects.
"""

from __future__ import annotations

import hashlib
import quopri
import random
import re
from email.utils import format_datetime, formataddr
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.accuracy.e2e import text
from bench.accuracy.world import Message, World

ZONES = ("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Singapore")
AUTO_STYLES = ("exchange", "gmail", "autoreply", "subject")


def _pick(domain: str, options: tuple[str, ...]) -> str:
    """A stable choice per partner (their mail system, their zone)."""
    return options[int(hashlib.sha256(domain.encode()).hexdigest(), 16) % len(options)]


class MailboxWriter:
    def __init__(self, client: str, seed: str):
        self.client = client
        self.rng = random.Random(seed)
        self.written: dict[str, str] = {}  # message id -> the new text it carried
        self.references: dict[str, list[str]] = {}
        self.messages: dict[str, Message] = {}  # the current alliance's, by id
        self.count = 0

    def _zone(self, world: World, sender: str) -> ZoneInfo:
        if world.side_of(sender).value == "ours":
            return ZoneInfo(world.zone)
        return ZoneInfo(_pick(world.domain, ZONES))

    def _headers(self, world: World, m: Message) -> dict[str, str]:
        sender = world.person(m.sender)
        headers = {
            "From": formataddr((sender.name, sender.email)),
            "To": ", ".join(formataddr((world.person(e).name, e)) for e in m.to),
            "Cc": ", ".join(formataddr((world.person(e).name, e)) for e in m.cc),
            "Subject": m.subject,
            "Date": format_datetime(m.sent.astimezone(self._zone(world, m.sender))),
            "Message-ID": f"<{m.id}>",
        }
        if m.parent is not None:
            chain = [*self.references.get(m.parent, []), m.parent]
            self.references[m.id] = chain
            headers["In-Reply-To"] = f"<{m.parent}>"
            headers["References"] = " ".join(f"<{r}>" for r in chain[-8:])
        if self.client == "google":
            headers["X-GM-THRID"] = str(int(hashlib.sha1(m.thread.encode()).hexdigest()[:15], 16))
            ours = world.side_of(m.sender).value == "ours"
            headers["X-Gmail-Labels"] = "Sent" if ours else "Inbox,Important,Opened"
        else:
            headers["Thread-Topic"] = m.subject.removeprefix("Re: ")
            headers["Content-Language"] = "en-US"
        return headers

    def _auto(self, world: World, m: Message, headers: dict[str, str]) -> str:
        style = _pick(world.domain + ":auto", AUTO_STYLES)
        subject = m.subject.removeprefix("Re: ")
        if style == "exchange":
            headers["Subject"] = f"Automatic reply: {subject}"
            headers["Auto-Submitted"] = "auto-generated"
            headers["X-Auto-Response-Suppress"] = "All"
        elif style == "gmail":
            headers["Subject"] = "Out of office"
            headers["Auto-Submitted"] = "auto-replied"
        elif style == "autoreply":
            headers["Subject"] = f"Re: {subject}"
            headers["X-Autoreply"] = "yes"
        else:
            headers["Subject"] = f"Out of office: {subject}"
        back = self.rng.choice(["next Monday", "after the holidays", "in two weeks"])
        return (
            f"Thank you for your message. I am out of the office with limited access to e-mail "
            f"and will be back {back}. For urgent matters please contact our partner desk."
        )

    def _text(self, world: World, m: Message) -> str:
        sender = world.person(m.sender)
        recipient = world.person(m.to[0]).name
        new = text.body(self.rng, m.register, m.words, recipient, m.sent)
        self.written[m.id] = new
        company = "Our company" if world.side_of(sender.email).value == "ours" else world.partner
        signature = text.signature(sender.name, sender.title, company)
        parts = [new, text.closing(self.rng, m.register), signature]
        parent_text = self.written.get(m.parent) if m.parent else None
        if parent_text is not None and m.parent is not None:
            parts.append(self._quote(world, m.parent, parent_text))
        return "\n\n".join(p for p in parts if p)

    def _quote(self, world: World, parent_id: str, parent_text: str) -> str:
        parent = self.messages[parent_id]
        author = world.person(parent.sender)
        if self.client == "google":
            return text.quoted(f"{author.name} <{author.email}>", parent.sent, parent_text)
        return (
            "-----Original Message-----\n"
            f"From: {author.name} <{author.email}>\n"
            f"Sent: {parent.sent:%A, %B %d, %Y %I:%M %p}\n"
            f"Subject: {parent.subject}\n\n{parent_text}"
        )

    def write(self, path: Path, worlds: list[World]) -> int:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for world in worlds:
                self.messages = {m.id: m for m in world.messages}
                for m in world.messages:
                    if m.auto and world.side_of(m.sender).value == "ours":
                        continue  # not kept in our own mailbox
                    out.write(f"From {m.sender} {m.sent:%a %b %d %H:%M:%S %Y}\n")
                    out.write(_escape_from(self._message(world, m)))
                    out.write("\n")
                    self.count += 1
        return self.count

    def _message(self, world: World, m: Message) -> str:
        headers = self._headers(world, m)
        body = self._auto(world, m, headers) if m.auto else self._text(world, m)
        headers["MIME-Version"] = "1.0"
        head = "".join(f"{name}: {value}\n" for name, value in headers.items() if value)
        if self.client == "google":
            plain = 'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: 8bit\n'
            return f"{head}{plain}\n{body}\n"
        boundary = f"_000_{hashlib.md5(m.id.encode()).hexdigest()}_"
        html = "".join(f"<p>{escape(line)}</p>" for line in body.splitlines() if line)
        return (
            f'{head}Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
            f'--{boundary}\nContent-Type: text/plain; charset="utf-8"\n'
            f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(body)}\n"
            f'--{boundary}\nContent-Type: text/html; charset="utf-8"\n'
            f"Content-Transfer-Encoding: quoted-printable\n\n"
            f"{_qp(f'<html><body>{html}</body></html>')}\n--{boundary}--\n"
        )


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _escape_from(message: str) -> str:
    """mboxrd: a body line starting with "From " (or ">From ") gains a ">"."""
    return re.sub(r"^(>*From )", r">\1", message, flags=re.MULTILINE)
