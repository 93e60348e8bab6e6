"""E-mail importer: mbox, Maildir, .eml and read-only IMAP to interactions and contacts."""

from radar.ingest import registry
from radar.ingest.email.importer import EmailImporter

registry.register(EmailImporter())

__all__ = ["EmailImporter"]
