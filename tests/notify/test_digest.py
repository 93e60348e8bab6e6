"""Weekly digests: what each user's digest says, and sending it once a week by SMTP."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User

from radar.accounts.roles import Role
from radar.engine.assessment import CadenceFlag
from radar.notify.digest_send import DigestsSent, build_digests, send_due_digests
from radar.notify.models import AlertState, DigestSent, Notification, Preference
from radar.notify.recipients import Choices
from radar.portfolio.models import (
    ActionItem,
    Agreement,
    Alliance,
    Contact,
    Decision,
    Interaction,
    InteractionParticipant,
)
from tests.notify.conftest import Mailbox, parts
from tests.web.pagedata import TODAY, alliance, assessment, signal, store
from tests.web.support import make_user

pytestmark = pytest.mark.django_db

MONDAY = TODAY - timedelta(days=TODAY.weekday())


@pytest.fixture
def world(settings: Any) -> dict[str, Any]:
    settings.RADAR_SITE_URL = "https://radar.example.com"
    admin, owner = make_user("ada", Role.ADMIN), make_user("bo", Role.MANAGER)
    troubled, calm = alliance("Helix"), alliance("Orchid")
    troubled.owner = owner
    troubled.save()
    store(assessment(troubled, 2.0, as_of=TODAY - timedelta(days=8), history=(3.0, 2.0)))
    overdue = CadenceFlag("review_overdue", "The quarterly health review is overdue.")
    waiting = CadenceFlag("decision_overdue", "A confirmed pattern has waited without a decision.")
    store(
        assessment(
            troubled,
            2.6,
            systemic=True,
            signals=(signal(),),
            cadence=(overdue, waiting),
            history=(3.0, 2.6),
        )
    )
    store(assessment(calm, 4.4, history=(4.4, 4.4)))
    # Tier 2: keep in touch every 60 days, unless a person has their own interval.
    met(partner(troubled, "Ada Partner"), days_ago=70)
    met(partner(troubled, "Recent Person"), days_ago=10)
    met(partner(troubled, "Close Sponsor", keep_in_touch_days=14), days_ago=20)
    partner(troubled, "Never Met")
    partner(troubled, "Long Gone", ended_on=TODAY - timedelta(days=200))
    Contact.objects.create(alliance=troubled, side="ours", name="Our Own Rep")
    decision = Decision.objects.create(
        alliance=troubled, decided_on=TODAY - timedelta(40), kind="reset", rationale="Realign"
    )
    ActionItem.objects.create(
        decision=decision, title="Joint roadmap session", owner="Bo", due_on=TODAY - timedelta(3)
    )
    ActionItem.objects.create(
        decision=decision, title="Later thing", owner="Bo", due_on=TODAY + timedelta(60)
    )
    Agreement.objects.create(
        alliance=troubled, renewal_on=TODAY + timedelta(70), exit_notice_days=30
    )
    AlertState.objects.create(
        alliance=calm, kind="drop", active=False, cleared_on=TODAY - timedelta(2)
    )
    return {"admin": admin, "owner": owner, "troubled": troubled, "calm": calm}


def partner(a: Alliance, name: str, **fields: Any) -> Contact:
    return Contact.objects.create(alliance=a, side="partner", name=name, **fields)


def met(contact: Contact, days_ago: int) -> None:
    """A meeting the contact attended `days_ago` days before TODAY."""
    when = datetime.combine(TODAY, time(12), tzinfo=UTC) - timedelta(days=days_ago)
    meeting = Interaction.objects.create(
        alliance=contact.alliance, kind="meeting", occurred_at=when
    )
    InteractionParticipant.objects.create(interaction=meeting, contact=contact)


def text_of(user: User) -> str:
    from radar.notify.digest import message

    (digest,) = build_digests(TODAY, [(user, Choices())])
    return message(digest).text


def test_an_owners_digest_covers_their_alliances_sections(world: dict[str, Any]) -> None:
    text = text_of(world["owner"])
    assert "Orchid" not in text, "only the alliances they own"
    assert (
        "NEEDS ATTENTION\n- Helix: Systemic: signals cluster across communication, resource."
        in text
    )
    assert (
        "Ada Partner: last direct contact 70 days ago (06 Sep 2026); keep in touch every 60 days."
        in text
    ), "the alliance tier's interval"
    assert "Close Sponsor: last direct contact 20 days ago" in text, "their own interval wins"
    assert "Never Met: no direct contact on record (keep in touch every 60 days)." in text
    for left_out in ("Recent Person", "Long Gone", "Our Own Rep"):
        assert left_out not in text, "in touch, gone, or on our side"
    assert "The quarterly health review is overdue." in text
    assert "A confirmed pattern has waited without a decision." in text
    assert "Overdue since 12 Nov 2026: Joint roadmap session (Bo)." in text
    assert "Due 14 Jan 2027: Later thing (Bo)." in text, "every open action, not only overdue"
    assert text.index("Joint roadmap session") < text.index("Later thing"), "by due date"
    assert "Last day to give exit notice on 25 Dec 2026 (in 40 days)." in text
    assert "Renewal on 24 Jan 2027 (in 70 days)." in text
    assert "Score up from 2.0 to 2.6 since last week." in text
    assert "https://radar.example.com/alliances/helix/" in text


def test_an_admins_digest_covers_everyone_but_the_muted(world: dict[str, Any]) -> None:
    text = text_of(world["admin"])
    assert "Helix" in text and "Orchid: Score recovered." in text
    muted = Choices(muted=frozenset({world["troubled"].pk}))
    (digest,) = build_digests(TODAY, [(world["admin"], muted)])
    assert {row.alliance for row in digest.scores} == {"Orchid"}


def test_nobody_without_alliances_gets_a_digest(world: dict[str, Any]) -> None:
    viewer = make_user("vi", Role.VIEWER)
    assert build_digests(TODAY, [(viewer, Choices())]) == []


def test_digests_go_out_on_each_users_day_once_a_week(world: dict[str, Any], smtp: Mailbox) -> None:
    Preference.objects.create(user=world["owner"], digest_day=TODAY.weekday())
    Preference.objects.create(user=world["admin"], digest_day=(TODAY.weekday() + 1) % 7)
    assert send_due_digests(TODAY) == DigestsSent(1), "today is the owner's day"
    (message,) = smtp.messages
    assert str(message["To"]) == world["owner"].email
    assert (
        str(message["Subject"]).strip() == "[Alliance Radar] Your alliances this week (15 Nov 2026)"
    )
    text, html = parts(message)
    assert "NEEDS ATTENTION" in text and ">Needs attention</h2>" in html
    assert 'href="https://radar.example.com/alliances/helix/"' in html
    assert "<table" in html and "<script" not in html.lower()
    assert Notification.objects.filter(user=world["owner"], kind="digest").count() == 1
    assert send_due_digests(TODAY) == DigestsSent(0), "not twice in a week"
    assert DigestSent.objects.filter(week=MONDAY).count() == 1
    smtp.clear()
    assert send_due_digests(TODAY + timedelta(days=1)) == DigestsSent(1)
    assert [str(m["To"]) for m in smtp.messages] == [world["admin"].email]


def test_the_digests_job_fails_saying_how_many_could_not_be_delivered(
    world: dict[str, Any], settings: Any
) -> None:
    import time_machine

    from radar.worker import jobs
    from radar.worker.models import Job
    from tests.notify.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    Preference.objects.create(user=world["owner"], digest_day=TODAY.weekday())
    with time_machine.travel(datetime.combine(TODAY, time(7), tzinfo=UTC), tick=False):
        assert jobs.scheduled("digests", "digests-today") == Job.Status.FAILED
    job = Job.objects.get(kind="digests")
    assert job.result == {"digests": 1, "undelivered": 1}
    assert job.message.startswith("Sent 1 digest(s), but 1 e-mail(s) or chat post(s)")
    assert Notification.objects.filter(user=world["owner"], kind="digest").count() == 1


def test_an_alliance_without_enough_data_for_a_score_is_listed_not_a_crash(
    world: dict[str, Any],
) -> None:
    from dataclasses import replace

    from radar.notify.digest import message

    newcomer = alliance("Newcomer")
    newcomer.owner = world["owner"]
    newcomer.save()
    store(assessment(newcomer, 3.0, as_of=TODAY - timedelta(days=8)))
    store(replace(assessment(newcomer, 3.0), score=None))  # "not enough data yet"
    (digest,) = build_digests(TODAY, [(world["owner"], Choices())])
    assert [(row.alliance, row.score) for row in digest.scores] == [
        ("Helix", 2.6),
        ("Newcomer", None),
    ], "scored ones lowest first, then those without a score"
    sent = message(digest)
    assert "not enough data yet  Newcomer" in sent.text
    assert "Newcomer</a></td>" in sent.html and "not enough data yet" in sent.html
