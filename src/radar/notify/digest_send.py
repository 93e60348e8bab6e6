"""Send the weekly digests that are due, once per user and week."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from radar.notify import channels, digest
from radar.notify.digest_data import read_facts
from radar.notify.models import DigestSent
from radar.notify.recipients import Choices, active_users, choices_for
from radar.progress import Progress, no_progress


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def due_users(today: date) -> list[tuple[User, Choices]]:
    """Users whose digest day is today and who have not had this week's digest."""
    users = active_users()
    choices = choices_for(users)
    had = set(DigestSent.objects.filter(week=week_of(today)).values_list("user_id", flat=True))
    return [
        (u, choices[u.pk])
        for u in users
        if choices[u.pk].digest_day == today.weekday() and u.pk not in had
    ]


def build_digests(today: date, people: Sequence[tuple[User, Choices]]) -> list[digest.Digest]:
    facts = read_facts(today)
    found = [digest.build(user, choice, facts) for user, choice in people]
    return [d for d in found if d is not None]


@dataclass(frozen=True)
class DigestsSent:
    digests: int  # users whose digest went out this run
    undelivered: int = 0  # e-mails and chat posts that failed (logged; the job says so)


def send_due_digests(today: date, progress: Progress = no_progress) -> DigestsSent:
    """Send today's digests; says how many users got one and how many of their
    e-mails and chat posts could not be delivered."""
    people = due_users(today)
    progress(0, len(people))
    choices = dict((u.pk, c) for u, c in people)
    sent = undelivered = 0
    for built in build_digests(today, people):
        failed = deliver(built, choices[built.user.pk])
        if failed is not None:
            sent += 1
            undelivered += failed
        progress(1, len(people))
    return DigestsSent(sent, undelivered)


def deliver(built: digest.Digest, choice: Choices) -> int | None:
    """Send one digest through the user's channels. Returns how many of its e-mails
    and chat posts failed, or None when it was already sent this week."""
    message = digest.message(built)
    try:
        with transaction.atomic():
            DigestSent.objects.create(user=built.user, week=week_of(built.today))
            if choice.in_app:
                channels.to_inbox(built.user, message)
    except IntegrityError:
        return None  # another worker sent it first
    failed = 0
    if choice.by_email:
        mail = channels.email_of(built.user, message)
        if mail is not None:
            failed += channels.send_emails([mail])[1]
    if choice.chat_url and not channels.to_chat([choice.chat_url], message):
        failed += 1
    return failed
