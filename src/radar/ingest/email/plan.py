"""Turn the facts of a mailbox into interactions, contacts and a readable summary."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from radar.engine.vocab import Direction, InteractionKind, Side
from radar.ingest.base import ImportOptions, ImportSummary
from radar.ingest.contacts import ContactBook
from radar.ingest.email.facts import OURS, Mail
from radar.ingest.email.register import mark_formality_jumps
from radar.ingest.email.threads import ThreadIndex, reply_hours
from radar.ingest.interactions import Attendance, IncomingInteraction, dedupe_attendance
from radar.ingest.mapping import Directory
from radar.portfolio.models import Alliance

# Warnings naming single messages stop here; the rest are counted.
NAMED_WARNINGS = 20


class MailPlan:
    def __init__(self, directory: Directory, store_bodies: bool):
        self.directory = directory
        self.store_bodies = store_bodies
        self.index = ThreadIndex()
        self.mails: list[Mail] = []  # only the messages with a partner on them
        self.contacts = ContactBook()
        self.rows: list[IncomingInteraction] = []
        self.skipped: Counter[str] = Counter()
        self.read = 0
        self.notes: list[str] = []  # warnings naming a message
        self.unreadable: list[tuple[str, str]] = []  # (where, why) of the first few
        self.chosen: dict[int, Alliance] = {}  # partner -> alliance picked among several
        self.no_alliance: Counter[int] = Counter()
        # Automatic messages: an import made before they were recognised stored them.
        self.automatic_keys: set[str] = set()
        self._shared: dict[Any, Any] = {}  # one copy of recurring people and contact keys

    def add(self, mail: Mail) -> None:
        self.read += 1
        if mail.error:
            self._note(f"{mail.where}: {mail.error}; skipped")
            self.skipped["unreadable"] += 1
            if len(self.unreadable) < NAMED_WARNINGS:
                self.unreadable.append((mail.where, mail.error))
            return
        if mail.key in self.index.entries:
            self.skipped["duplicate"] += 1  # the same message delivered or exported twice
            return
        self.index.add(mail)
        if mail.automatic and mail.touches_partner:
            self.skipped[mail.automatic] += 1  # an out-of-office note is nobody's reply
            self.automatic_keys.add(mail.key)
        elif mail.touches_partner:
            # The same correspondents recur in thousands of messages: keep one copy.
            mail.people = self._shared.setdefault(mail.people, mail.people)
            self.mails.append(mail)
        else:
            self.skipped["no_partner"] += 1

    def build(self) -> None:
        self.index.load_stored({p for mail in self.mails for p in mail.parents})
        mark_formality_jumps(self.mails, lambda mail: self.index.root(mail.key))
        mails, self.mails = self.mails, []
        subjects: dict[str, str] = {}  # a thread repeats its subject: keep one copy
        for number, mail in enumerate(mails):
            mails[number] = None  # type: ignore[call-overload]  # memory: facts become rows
            mail.subject = subjects.setdefault(mail.subject, mail.subject)
            if mail.when is None:
                self._note(f"{mail.label}: {mail.date_note}; skipped")
                self.skipped["no_date"] += 1
                continue
            if mail.date_note:
                self._note(f"{mail.label}: {mail.date_note}")
            partners = self._partners(mail)
            if not partners:
                continue
            thread = self.index.root(mail.key)[:500]
            parent = self.index.parent(mail)
            for partner in partners:  # distinct, and keys were de-duplicated on reading
                alliance = self._alliance(partner)
                if alliance is not None:
                    self.rows.append(self._row(mail, alliance.pk, partner, thread, parent))
        self.index = ThreadIndex()  # threads are resolved: free the per-message index
        self._shared.clear()

    def _partners(self, mail: Mail) -> list[int]:
        """The partners this message is between us and (inbound: one, outbound: any)."""
        recipients = {p[2] for p in mail.people if p[3] != "from"}
        parent = self.index.parent(mail)
        answered = parent.sender if parent is not None else None
        if mail.sender > 0:
            if OURS in recipients or answered == OURS:
                return [mail.sender]
            self.skipped["partner_without_us"] += 1
            return []
        if mail.sender == OURS:
            found = {c for c in recipients if c > 0}
            if answered is not None and answered > 0:
                found.add(answered)
            if found:
                return sorted(found)
        self.skipped["third_party_sender" if mail.sender != OURS else "no_partner"] += 1
        return []

    def _alliance(self, partner: int) -> Alliance | None:
        target = self.directory.alliance_for_partner(partner)
        if isinstance(target, Alliance):
            return target
        if not target:
            self.no_alliance[partner] += 1
            return None
        # Several active alliances: the most recently started one (documented).
        chosen = max(target, key=lambda a: (a.started_on or date.min, a.pk))
        self.chosen[partner] = chosen
        return chosen

    def _row(
        self, mail: Mail, alliance_id: int, partner: int, thread: str, parent: Any
    ) -> IncomingInteraction:
        assert mail.when is not None
        inbound = mail.sender == partner
        values: dict[str, Any] = {
            "kind": InteractionKind.EMAIL.value,
            "occurred_at": mail.when,
            "direction": (Direction.INBOUND if inbound else Direction.OUTBOUND).value,
            "subject": mail.subject,
            "word_count": mail.words,
            "reply_hours": reply_hours(mail, parent, partner),
            "tone": mail.tone,
            "blaming": mail.blaming,
            "defensive": mail.defensive,
            "thread_id": thread,
        }
        if self.store_bodies:
            values["body"] = mail.body
        links: list[Attendance] = []
        for address, name, code, role in mail.people:
            if code not in (OURS, partner):
                continue  # another partner copied in belongs to that partner's alliance
            side = (Side.PARTNER if code == partner else Side.OURS).value
            key = self.contacts.see(alliance_id, address, name, side, mail.when)
            links.append(self._shared.setdefault((key, role), Attendance(key, True, True, role)))
        return IncomingInteraction(alliance_id, mail.key, values, dedupe_attendance(links))

    def _note(self, text: str) -> None:
        if len(self.notes) < NAMED_WARNINGS:
            self.notes.append(text)
        self.skipped["_notes"] += 1

    def explain(self, summary: ImportSummary, options: ImportOptions) -> None:
        summary.warnings.extend(self.notes)
        hidden = self.skipped["_notes"] - len(self.notes)
        if hidden > 0:
            summary.warnings.append(f"… and {hidden:,} more messages with a problem like these")
        for reason, why in SKIPPED.items():
            summary.skip("messages", why, self.skipped[reason])
        for partner, count in self.no_alliance.items():
            name = self.directory.partner_names.get(partner, "?")
            summary.skip("messages", f"with {name}, which has no alliance", count)
        for partner, alliance in self.chosen.items():
            name = self.directory.partner_names.get(partner, "?")
            choose = options.say(
                "import with --alliance NAME to choose", "choose the alliance on the upload form"
            )
            summary.warnings.append(
                f"{name} has several active alliances: its mail went to {alliance.name} "
                f"(the most recently started); {choose}"
            )
        if not self.directory.knows_our_domains:
            summary.warnings.append(
                options.say(
                    "RADAR_OUR_DOMAINS is not set (nor --our-domain): everyone who is not a "
                    "partner counts as our side",
                    "Our own organisation's e-mail domains are not configured, so everyone "
                    "who is not at a partner counts as our side (your administrator can set "
                    "them)",
                )
            )


# Why messages were left out, in the words the summary uses.
SKIPPED = {
    "auto_reply": "automatic replies (out of office, auto-responders): nobody's reply, so "
    "they count neither as contact nor in reply times",
    "delivery_report": "delivery or read reports written by a mail server",
    "bulk": "sent in bulk (newsletters, notifications), not to us as a person",
    "no_partner": "no partner among sender and recipients (internal or other mail)",
    "partner_without_us": "from a partner to others, without us",
    "third_party_sender": "sent by someone outside both sides",
    "duplicate": "second copies of a message already read (each message counts once)",
    "no_date": "no readable date",
    "unreadable": "could not be read at all",
}
