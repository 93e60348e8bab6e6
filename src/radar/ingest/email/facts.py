"""One raw message in, the few facts the import needs out.

This is the expensive step (MIME parsing, charset decoding, quote stripping,
tone scoring), so it runs in worker processes for large mailboxes and keeps
only small metadata: bodies are dropped here unless the user opted in.
Messages with no partner on them keep just what threading needs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes
from email.message import Message

from radar.engine.tone import score_text
from radar.ingest.email import headers
from radar.ingest.email.automatic import automatic
from radar.ingest.email.garbage import not_a_message
from radar.ingest.email.text import body_text, count_words, strip_reply
from radar.ingest.mapping import Directory

OURS, OTHER = 0, -1  # side codes; a partner is its (positive) id
# Tone is read from the start of a long message: VADER's cost grows with length.
TONE_CHARS = 4_000
MAX_BODY_CHARS = 100_000  # stored bodies (opt-in) are cut here
MAX_PARENTS = 6

Person = tuple[str, str, int, str]  # address, display name, side code, "from"/"to"/"cc"


@dataclass(slots=True)
class Mail:
    where: str  # where it is in the source, for warnings: "message 12", "cur/1354…"
    key: str  # natural key: the Message-ID, else a hash of date, sender and subject
    parents: tuple[str, ...]  # In-Reply-To, then References newest first
    root: str  # the first References entry: the thread's first message
    when: datetime | None
    date_note: str  # why the date is missing or was taken from elsewhere
    sender: int  # side code of the sender
    people: tuple[Person, ...] = ()
    subject: str = ""
    words: int = 0
    tone: float | None = None
    blaming: bool = False
    defensive: bool = False
    body: str = ""
    error: str = ""
    automatic: str = ""  # why a machine wrote it (radar.ingest.email.automatic), else ""
    formality: float = 0.0  # the register of the text (radar.engine.tone)
    stance: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.where} (Message-ID <{self.key}>)" if "@" in self.key else self.where

    @property
    def touches_partner(self) -> bool:
        return any(p[2] > 0 for p in self.people)


class Sides:
    """Which side an address is on, cached (a mailbox repeats the same people)."""

    def __init__(self, directory: Directory):
        self.directory = directory
        self._cache: dict[str, int] = {}

    def code(self, address: str) -> int:
        found = self._cache.get(address)
        if found is None:
            partner = self.directory.partner_of(address)
            if partner is not None:
                found = partner
            elif not self.directory.knows_our_domains or self.directory.is_ours(address):
                # Without RADAR_OUR_DOMAINS everyone who is not a partner counts as ours.
                found = OURS
            else:
                found = OTHER
            self._cache[address] = found
        return found


def read_mail(raw: bytes, where: str, sides: Sides, store_bodies: bool) -> Mail:
    reason = not_a_message(raw)
    if reason:
        return Mail(where, "", (), "", None, "", OTHER, error=reason)
    try:
        return _read(message_from_bytes(raw), where, sides, store_bodies)
    except Exception as exc:  # a message the parser cannot take apart at all
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        return Mail(where, "", (), "", None, "", OTHER, error=f"cannot read it ({reason})")


def _read(msg: Message, where: str, sides: Sides, store_bodies: bool) -> Mail:
    date_raw = headers.text(msg.get("Date"))
    when = headers.parse_date(date_raw)
    note = ""
    if when is None:
        when = headers.received_date(msg)
        shown = repr(date_raw[:60]) if date_raw else "missing"
        note = f"the Date header is {'unreadable: ' if date_raw else ''}{shown}"
        note += "; used the time a mail server received it" if when else ""
    senders = headers.addresses(msg, "From") or headers.addresses(msg, "Sender")
    sender_address, sender_name = (senders[0][1], senders[0][0]) if senders else ("", "")
    sender = sides.code(sender_address) if sender_address else OTHER
    subject = headers.text(msg.get("Subject"))[:500]
    ids = headers.message_ids(msg.get("Message-ID"))
    key = ids[0] if ids else _hash_key(date_raw, sender_address, subject)
    replied = headers.message_ids(msg.get("In-Reply-To"))[:1]
    references = headers.message_ids(msg.get("References"))
    parents = tuple(dict.fromkeys([*replied, *reversed(references)]))[:MAX_PARENTS]
    parents = tuple(p for p in parents if p != key)
    root = references[0] if references and references[0] != key else ""
    mail = Mail(where, key, parents, root, when, note, sender)
    mail.automatic = automatic(msg, subject) or ""
    people: list[Person] = []
    if sender_address:
        people.append((sender_address, sender_name, sender, "from"))
    for role, names in (("to", ("To",)), ("cc", ("Cc", "Bcc"))):
        for name, address in headers.addresses(msg, *names):
            people.append((address, name, sides.code(address), role))
    if not any(p[2] > 0 for p in people):
        return mail  # no partner on it: only its place in threads matters
    mail.people = tuple(p for p in people if p[2] != OTHER)
    mail.subject = subject
    if mail.automatic:
        return mail  # left out of the import: its text is not read
    written = strip_reply(body_text(msg))
    score = score_text(written[:TONE_CHARS])
    mail.words = score.words if len(written) <= TONE_CHARS else count_words(written)
    mail.tone = score.tone if written.strip() else None
    mail.blaming, mail.defensive = score.blaming, score.defensive
    mail.formality, mail.stance = score.formality, score.stance
    if store_bodies:
        mail.body = written[:MAX_BODY_CHARS]
    return mail


def _hash_key(date_raw: str, sender: str, subject: str) -> str:
    # Deterministic, so re-importing a message without a Message-ID finds it again.
    digest = hashlib.sha256(f"{date_raw}\0{sender}\0{subject}".encode()).hexdigest()
    return f"sha256:{digest[:40]}"
