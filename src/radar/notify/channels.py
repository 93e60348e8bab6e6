"""Delivering one message to one user: the in-app inbox, e-mail, a chat webhook.

The inbox row is written first (inside the caller's transaction when there is
one): it is the record of what was said. E-mail and chat go out afterwards; a
failure there is logged and counted, never raised, so one unreachable mail
server does not stop the alerts of everyone else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives, get_connection

from radar.notify.models import Notification

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """What is said, in every form a channel may need."""

    kind: str
    title: str
    text: str  # plain text body
    html: str  # HTML body for e-mail (inline styles, no script)
    link: str = ""  # absolute URL to the page it is about
    alliance_id: int | None = None
    summary: str = ""  # one or two lines for the inbox and chat


@dataclass
class Outcome:
    sent: dict[str, int] = field(default_factory=lambda: {"inbox": 0, "email": 0, "chat": 0})
    failed: dict[str, int] = field(default_factory=lambda: {"email": 0, "chat": 0})


def to_inbox(user: User, message: Message) -> Notification:
    return Notification.objects.create(
        user=user,
        alliance_id=message.alliance_id,
        kind=message.kind,
        title=message.title[:300],
        body=message.summary or message.text,
        link=message.link.removeprefix(settings.RADAR_SITE_URL)[:500] or "/",
    )


def email_of(user: User, message: Message) -> EmailMultiAlternatives | None:
    address = getattr(user, "email", "")
    return email_to(address, message) if address else None


def email_to(address: str, message: Message) -> EmailMultiAlternatives:
    mail = EmailMultiAlternatives(
        subject=f"[Alliance Radar] {message.title}",
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
    )
    mail.attach_alternative(message.html, "text/html")
    return mail


def send_emails(mails: list[EmailMultiAlternatives]) -> tuple[int, int]:
    """Send over one connection; returns (sent, failed)."""
    if not mails:
        return 0, 0
    try:
        with get_connection() as connection:
            sent = connection.send_messages(mails) or 0
    except Exception:
        log.exception("Could not send %d e-mail(s)", len(mails))
        return 0, len(mails)
    return sent, len(mails) - sent


def to_chat(urls: list[str], message: Message) -> bool:
    """Post to chat webhooks (Slack, Microsoft Teams, … as apprise URLs)."""
    if not urls:
        return False
    import apprise  # ~0.2 s to import: only when a chat message goes out

    notifier = apprise.Apprise()
    for url in urls:
        if not notifier.add(url):
            log.warning("Not a chat address apprise understands: %s", url.split("/")[0])
    body = message.summary or message.text
    if message.link:
        body = f"{body}\n{message.link}"
    try:
        return bool(len(notifier) and notifier.notify(title=message.title, body=body))
    except Exception:
        log.exception("Could not post to chat")
        return False


def team_chat_urls() -> list[str]:
    return list(settings.RADAR_CHAT_URLS)
