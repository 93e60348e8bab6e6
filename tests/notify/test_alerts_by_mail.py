"""Nightly runs on the demo portfolio send alerts to a real SMTP server, once per change."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from radar.demo import seed_demo
from radar.notify.models import AlertState, Notification, Preference
from radar.portfolio.models import Alliance
from radar.worker import jobs
from radar.worker.models import Job
from tests.notify.conftest import Mailbox, parts

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 23)


def night(day: date) -> str:
    """Run the nightly job as its schedule would at 02:30 on `day`."""
    instant = timezone.make_aware(datetime.combine(day, time(2, 30)))
    with time_machine.travel(instant, tick=False):
        return jobs.scheduled("nightly", instant.isoformat())


@pytest.fixture
def demo(settings: Any) -> None:
    settings.RADAR_ALERT_REMINDER_DAYS = 7
    seed_demo(42, AS_OF)


def test_two_nights_send_each_alert_once_then_a_reminder(demo: None, smtp: Mailbox) -> None:
    assert night(AS_OF) == Job.Status.DONE
    first = list(smtp.received)
    assert first, "the first night finds the troubled demo alliances"
    active = AlertState.objects.filter(active=True)
    owners = {a.pk: a.owner for a in Alliance.objects.select_related("owner")}
    assert len(first) == active.count(), "one e-mail per alert: each alliance has one owner"

    _sender, recipients, message = first[0]
    subject = str(message["Subject"]).strip()
    assert subject.startswith("[Alliance Radar] ")
    state = next(s for s in active if s.alliance.name in subject)
    owner = owners[state.alliance_id]
    assert recipients == [owner.email] and str(message["To"]) == owner.email
    text, html = parts(message)
    link = f"https://radar.example.com/alliances/{state.alliance.slug}/"
    assert link in text and f'href="{link}"' in html
    assert "The evidence" in text and "<script" not in html.lower()
    assert Notification.objects.filter(user=owner, alliance=state.alliance).exists()

    smtp.clear()
    assert night(AS_OF + timedelta(days=1)) == Job.Status.DONE
    assert smtp.received == [], "the second night says nothing new"

    assert night(AS_OF + timedelta(days=7)) == Job.Status.DONE
    reminders = [str(m["Subject"]).strip() for m in smtp.messages]
    assert reminders and all("Still true:" in s for s in reminders)


def test_owners_choices_and_admins_who_opt_in_are_respected(demo: None, smtp: Mailbox) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    maya, demo_admin = users.get(username="maya"), users.get(username="demo")
    # Maya wants no e-mail, only the inbox; the admin wants every alliance by e-mail,
    # except one muted.
    Preference.objects.create(user=maya, by_email=False)
    muted = Alliance.objects.exclude(owner=demo_admin).order_by("name").first()
    assert muted is not None
    choice = Preference.objects.create(user=demo_admin, all_alliances=True)
    choice.muted.add(muted)
    night(AS_OF)
    to = [address for _, rcpt, _ in smtp.received for address in rcpt]
    assert maya.email not in to
    assert (
        Notification.objects.filter(user=maya).exists()
        or not Alliance.objects.filter(
            owner=maya, pk__in=AlertState.objects.filter(active=True).values("alliance")
        ).exists()
    )
    alerted = AlertState.objects.filter(active=True).exclude(alliance=muted).count()
    assert to.count(demo_admin.email) == alerted, "the admin hears of every alert but the muted"
    assert not Notification.objects.filter(user=demo_admin, alliance=muted).exists()


def test_a_night_whose_mail_is_refused_fails_its_job_saying_so(demo: None, settings: Any) -> None:
    from tests.notify.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    assert night(AS_OF) == Job.Status.FAILED
    job = Job.objects.get(kind="nightly")
    alerted = AlertState.objects.filter(active=True).count()
    assert job.result is not None and job.result["alerts"] == alerted > 0
    assert job.result["undelivered"] == alerted, "each alert's e-mail to its owner failed"
    assert job.message.startswith(f"Assessed {job.result['alliances']} alliances, but ")
    assert "could not be delivered" in job.message and "worker's log" in job.message
    assert Notification.objects.count() == alerted, "the inbox has every alert"
