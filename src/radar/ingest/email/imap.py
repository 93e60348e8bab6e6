"""Read-only IMAP: `radar import imap://user@host/INBOX --kind email`.

The mailbox is opened with EXAMINE (`select(readonly=True)`) and messages are
fetched with BODY.PEEK[], so nothing on the server changes: not even the
\\Seen flag. The password comes from RADAR_IMAP_PASSWORD, else a prompt.
`imap://` and `imaps://` use TLS (port 993); `imap+plain://` talks in clear
and is only allowed to this machine (a local bridge or a test server).
"""

from __future__ import annotations

import getpass
import imaplib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from radar.ingest.base import ImportFailed, Problem
from radar.ingest.email import readers
from radar.ingest.email.readers import Raw

PASSWORD_ENV = "RADAR_IMAP_PASSWORD"
FETCH_BATCH = 200  # messages per FETCH command …
FETCH_BYTES = 16 * 1024 * 1024  # … and bytes: imaplib holds a whole response in memory
TIMEOUT_SECONDS = 60
_URL = re.compile(r"^(imaps?|imap\+plain):/+", re.IGNORECASE)
_LOCAL = {"localhost", "127.0.0.1", "::1"}
_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


def is_imap_url(text: str) -> bool:
    return bool(_URL.match(text))


@dataclass(frozen=True)
class ImapUrl:
    scheme: str
    user: str
    host: str
    port: int
    mailbox: str

    @classmethod
    def parse(cls, text: str) -> ImapUrl:
        # A Path turns "imap://h" into "imap:/h": put the second slash back.
        fixed = _URL.sub(lambda m: f"{m.group(1).lower()}://", text.strip())
        parts = urlsplit(fixed)
        if not parts.hostname:
            raise ImportFailed([_problem(text, "the address has no server name")])
        plain = parts.scheme == "imap+plain"
        try:
            port = parts.port or (143 if plain else 993)
        except ValueError as exc:
            raise ImportFailed([_problem(text, "the port is not a number")]) from exc
        mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
        return cls(parts.scheme, unquote(parts.username or ""), parts.hostname, port, mailbox)

    @property
    def label(self) -> str:
        return f"{self.scheme}://{self.user + '@' if self.user else ''}{self.host}/{self.mailbox}"


def _problem(where: str, message: str) -> Problem:
    return Problem(where, "IMAP", message)


def password_for(url: ImapUrl) -> str:
    secret = os.environ.get(PASSWORD_ENV)
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise ImportFailed([_problem(url.label, f"set {PASSWORD_ENV} to the password")])
    return getpass.getpass(f"IMAP password for {url.user}@{url.host}: ")


class ImapSource:
    """Messages of one IMAP mailbox, fetched in batches; the server is never changed."""

    def __init__(self, url: ImapUrl):
        self.url = url
        self.uids: list[bytes] = []
        self._conn: imaplib.IMAP4 | None = None

    def open(self) -> int:
        url = self.url
        if url.scheme == "imap+plain" and url.host not in _LOCAL:
            raise ImportFailed([_problem(url.label, "imap+plain:// is only for this machine")])
        try:
            if url.scheme == "imap+plain":
                conn = imaplib.IMAP4(url.host, url.port, timeout=TIMEOUT_SECONDS)
            else:
                conn = imaplib.IMAP4_SSL(url.host, url.port, timeout=TIMEOUT_SECONDS)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise ImportFailed(
                [_problem(url.label, f"cannot connect to {url.host}: {exc}")]
            ) from exc
        self._conn = conn
        try:
            if url.user:
                conn.login(url.user, password_for(url))
            status, _ = conn.select(_quoted(url.mailbox), readonly=True)
            if status != "OK":
                raise ImportFailed([_problem(url.label, f"there is no mailbox {url.mailbox!r}")])
            status, data = conn.uid("SEARCH", "ALL")
            if status != "OK":
                raise ImportFailed([_problem(url.label, "the server would not list the messages")])
        except (imaplib.IMAP4.error, OSError) as exc:
            self.close()
            raise ImportFailed([_problem(url.label, _plain(exc))]) from exc
        except ImportFailed:
            self.close()
            raise
        self.uids = b" ".join(d for d in data if d).split()
        return len(self.uids)

    def messages(self) -> Iterator[Raw]:
        assert self._conn is not None, "open() first"
        try:
            for batch, part in self._batches(self._sizes()):
                status, data = self._conn.uid("FETCH", b",".join(batch).decode(), part)
                if status != "OK":
                    raise ImportFailed([_problem(self.url.label, "the server refused a fetch")])
                for item in data:
                    if isinstance(item, tuple) and len(item) == 2:
                        uid = _UID.search(item[0])
                        where = f"message UID {uid.group(1).decode()}" if uid else "message"
                        yield where, item[1]
        except (imaplib.IMAP4.error, OSError) as exc:  # TimeoutError is an OSError
            raise ImportFailed([_problem(self.url.label, _plain(exc))]) from exc
        finally:
            self.close()

    def _sizes(self) -> dict[bytes, int]:
        """Each message's size, so that one fetch never holds too much in memory."""
        assert self._conn is not None
        if not self.uids:
            return {}
        status, data = self._conn.uid("FETCH", "1:*", "(RFC822.SIZE)")
        sizes: dict[bytes, int] = {}
        for item in data if status == "OK" else []:
            line = item[0] if isinstance(item, tuple) else item
            if not isinstance(line, bytes):
                continue
            uid, size = _UID.search(line), _SIZE.search(line)
            if uid and size:
                sizes[uid.group(1)] = int(size.group(1))
        return sizes

    def _batches(self, sizes: dict[bytes, int]) -> Iterator[tuple[list[bytes], str]]:
        """UIDs in batches of at most FETCH_BATCH messages and FETCH_BYTES bytes; a
        message larger than readers.MAX_MESSAGE_BYTES is fetched alone, cut at that size."""
        limit = readers.MAX_MESSAGE_BYTES
        batch: list[bytes] = []
        total = 0
        for uid in self.uids:
            size = sizes.get(uid, 0)
            if size > limit:
                yield [uid], f"(BODY.PEEK[]<0.{limit}>)"
                continue
            if batch and (len(batch) >= FETCH_BATCH or total + size > FETCH_BYTES):
                yield batch, "(BODY.PEEK[])"
                batch, total = [], 0
            batch.append(uid)
            total += size
        if batch:
            yield batch, "(BODY.PEEK[])"

    def close(self) -> None:
        if self._conn is None:
            return
        conn, self._conn = self._conn, None
        try:
            if conn.state == "SELECTED":
                conn.close()  # EXAMINE'd: closing expunges nothing
            conn.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


def _quoted(mailbox: str) -> str:
    return (
        mailbox if re.fullmatch(r"[\w.\-/]+", mailbox) else '"' + mailbox.replace('"', r"\"") + '"'
    )


def _plain(exc: BaseException) -> str:
    text = exc.args[0] if exc.args else exc
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "the server said: " + " ".join(str(text).split())[:200]
