"""From alerts to messages in each recipient's channels.

`record` (inside the alerts' transaction) writes the inbox rows and prepares the
e-mails and chat posts; `send` delivers those after the commit. Recipients of an
alliance's alert: its owner, and administrators who asked for every alliance;
each only for the kinds they chose, never for an alliance they muted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from radar.notify import channels
from radar.notify.links import alliance_link, preferences_link
from radar.notify.models import Preference
from radar.notify.recipients import Choices, choices_for, is_admin
from radar.portfolio.models import Alliance

if TYPE_CHECKING:
    from radar.notify.alerts import Alert


@dataclass
class Pending:
    mails: list[EmailMultiAlternatives] = field(default_factory=list)
    chats: list[tuple[list[str], channels.Message]] = field(default_factory=list)


def compose(alert: Alert, alliance: Alliance) -> channels.Message:
    condition = alert.condition
    title = f"{alliance.name} {condition.headline}"
    if alert.reminder:
        title = f"Still true: {title}"
    context = {
        "title": title,
        "alliance": alliance,
        "condition": condition,
        "reminder": alert.reminder,
        "score": alert.payload.get("score"),
        "as_of": alert.payload.get("as_of", ""),
        "link": alliance_link(alliance.slug),
        "preferences": preferences_link(),
    }
    return channels.Message(
        kind=condition.kind,
        title=title,
        text=render_to_string("notify/email/alert.txt", context),
        html=render_to_string("notify/email/alert.html", context),
        link=context["link"],
        alliance_id=alliance.pk,
        summary=" ".join(condition.evidence[:2]),
    )


def _audience(alliances: Sequence[Alliance]) -> tuple[list[User], dict[int, Choices]]:
    users = get_user_model().objects.filter(is_active=True)
    owners = {a.owner_id for a in alliances if a.owner_id}
    wide = Preference.objects.filter(all_alliances=True).values("user_id")
    people = [u for u in users.filter(pk__in=owners) | users.filter(pk__in=wide)]
    return people, choices_for(people)


def record(alerts: Sequence[Alert]) -> Pending:
    pending = Pending()
    if not alerts:
        return pending
    alliances = Alliance.objects.in_bulk({a.alliance_id for a in alerts})
    people, choices = _audience(list(alliances.values()))
    admins_everywhere = [u for u in people if choices[u.pk].all_alliances and is_admin(u)]
    team = channels.team_chat_urls()
    for alert in alerts:
        alliance = alliances[alert.alliance_id]
        message = compose(alert, alliance)
        owner = [u for u in people if u.pk == alliance.owner_id]
        for user in {u.pk: u for u in [*owner, *admins_everywhere]}.values():
            _for_user(user, choices[user.pk], alert, message, pending)
        if team:
            pending.chats.append((team, message))
    return pending


def _for_user(
    user: User, choice: Choices, alert: Alert, message: channels.Message, pending: Pending
) -> None:
    if alert.condition.kind not in choice.kinds or alert.alliance_id in choice.muted:
        return
    if choice.in_app:
        channels.to_inbox(user, message)  # type: ignore[arg-type]
    if choice.by_email:
        mail = channels.email_of(user, message)  # type: ignore[arg-type]
        if mail is not None:
            pending.mails.append(mail)
    if choice.chat_url:
        pending.chats.append(([choice.chat_url], message))


def send(pending: Pending) -> dict[str, int]:
    sent, failed = channels.send_emails(pending.mails)
    posted: defaultdict[str, int] = defaultdict(int)
    for urls, message in pending.chats:
        posted["chat" if channels.to_chat(urls, message) else "chat_failed"] += 1
    return {"email": sent, "email_failed": failed, **posted}
