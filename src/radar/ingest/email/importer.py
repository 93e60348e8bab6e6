"""`radar import mailbox.mbox|Maildir/|message.eml|imap://…`: mail to interactions.

Reads every message (streamed), keeps small metadata per message, rebuilds
threads, then writes interactions and contacts in one transaction. Nothing is
written when the source cannot be read; a message with a broken date or no
partner on it is skipped and counted in the summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction

from radar.ingest.base import ImportFailed, ImportOptions, ImportSummary, Problem
from radar.ingest.common import load_directory
from radar.ingest.email import archive, readers
from radar.ingest.email.facts import Mail, Sides
from radar.ingest.email.imap import ImapSource, ImapUrl, is_imap_url
from radar.ingest.email.parallel import read_messages
from radar.ingest.email.plan import MailPlan
from radar.ingest.email.threads import SOURCE
from radar.ingest.interactions import InteractionSync
from radar.ingest.mapping import Directory
from radar.portfolio.models import Interaction
from radar.progress import Progress


class EmailImporter:
    kind = "email"
    description = "E-mail: mbox file, Maildir folder, .eml files or an IMAP mailbox (read-only)"

    def detect(self, path: Path) -> bool:
        return (
            is_imap_url(str(path))
            or readers.is_mail_folder(path)
            or archive.is_mail_zip(path)
            or readers.is_mbox(path)
            or readers.is_eml(path)
        )

    def run(self, path: Path, options: ImportOptions, progress: Progress) -> ImportSummary:
        directory = _directory(path, options)
        store_bodies = options.store_bodies or bool(getattr(settings, "RADAR_STORE_BODIES", False))
        plan = MailPlan(directory, store_bodies)
        name, messages = _source(path, progress)

        def take(mail: Mail) -> None:
            plan.add(mail)
            progress(1, None)

        read_messages(messages, Sides(directory), store_bodies, take)
        if plan.read == 0:
            raise ImportFailed([Problem(name, "file", "there are no messages in it")])
        if plan.read == plan.skipped["unreadable"]:
            raise _nothing_readable(name, plan)
        plan.build()
        summary = ImportSummary(kind=self.kind, source=name, dry_run=options.dry_run)
        summary.warnings.append(f"{plan.read:,} messages read from {name}")
        plan.explain(summary, options)
        with transaction.atomic():
            plan.contacts.plan(summary)
            alliances = {row.alliance_id for row in plan.rows} | _alliances_of(plan)
            sync = InteractionSync(SOURCE, alliances)
            sync.plan(plan.rows, summary)
            # An out-of-office note an earlier import took for a reply goes.
            sync.remove([k for k in sync.stored if k[1] in plan.automatic_keys], summary)
            if not options.dry_run:
                sync.apply(plan.contacts.write())
        return summary


def _nothing_readable(name: str, plan: MailPlan) -> ImportFailed:
    """Not one message could be read: say why, for each of the first few files."""
    if plan.read == 1:
        ((_, why),) = plan.unreadable
        return ImportFailed([Problem(name, "file", why)])
    problems = [Problem(name, where, why) for where, why in plan.unreadable]
    return ImportFailed(problems, omitted=plan.read - len(problems))


def _alliances_of(plan: MailPlan) -> set[int]:
    """The alliances that hold any of the automatic messages (from an earlier import)."""
    if not plan.automatic_keys:
        return set()
    keys = sorted(plan.automatic_keys)
    found: set[int] = set()
    for start in range(0, len(keys), 500):
        rows = Interaction.objects.filter(source=SOURCE, external_id__in=keys[start : start + 500])
        found.update(rows.values_list("alliance_id", flat=True))
    return found


def _directory(path: Path, options: ImportOptions) -> Directory:
    directory = load_directory(path, options)
    extra = getattr(options, "our_domains", ())
    if extra:
        given = {d.strip().lower().lstrip("@") for d in extra if d.strip()}
        directory.our_domains = directory.our_domains | given
    return directory


def _source(path: Path, progress: Progress) -> tuple[str, Iterator[readers.Raw]]:
    """The source's name for messages, and its raw messages (read lazily)."""
    if is_imap_url(str(path)):
        source = ImapSource(ImapUrl.parse(str(path)))
        total = source.open()
        progress(0, total)
        return source.url.label, source.messages()
    if not path.exists():
        raise ImportFailed([Problem(path.name, "file", "there is no such file or folder")])
    if path.is_dir():
        files = readers.maildir_files(path)
        progress(0, len(files))
        return path.name, readers.file_messages(path, files)
    if path.suffix.lower() == ".zip":
        members = archive.members_or_fail(path)
        progress(0, len(members))
        return path.name, archive.zip_messages(path, members)
    if readers.is_mbox(path):
        return path.name, readers.mbox_messages(path)
    progress(0, 1)
    return path.name, readers.file_messages(path, [path])
