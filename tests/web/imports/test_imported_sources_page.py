"""Issue 4's promise end to end: a real mailbox and a Google calendar export,
imported, show up on the alliance page and feed the engine."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from radar.ingest.base import ImportOptions
from radar.ingest.registry import by_kind
from radar.portfolio.loader import load_histories
from radar.portfolio.models import Alliance, Contact, Interaction, Partner
from radar.progress import no_progress

pytestmark = pytest.mark.django_db

# In the public LKML corpus Joe Perches (perches.com) plays "us" and David
# Miller's davemloft.net the partner.
GOOGLE_EXPORT = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:joe@perches.com
X-WR-TIMEZONE:America/Los_Angeles
BEGIN:VEVENT
UID:netdev-sync@google.com
DTSTAMP:20101101T000000Z
DTSTART:20101102T090000
DTEND:20101102T093000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE:20101116T090000
SUMMARY:Netdev check-in
ORGANIZER;CN=Joe Perches:mailto:joe@perches.com
ATTENDEE;CN=Joe Perches;PARTSTAT=ACCEPTED:mailto:joe@perches.com
ATTENDEE;CN=David Miller;PARTSTAT=ACCEPTED:mailto:davem@davemloft.net
END:VEVENT
BEGIN:VEVENT
UID:netdev-qbr@google.com
DTSTAMP:20101101T000000Z
DTSTART:20101118T170000Z
DTEND:20101118T180000Z
SUMMARY:Quarterly business review
ATTENDEE;CN=Joe Perches;PARTSTAT=ACCEPTED:mailto:joe@perches.com
ATTENDEE;CN=David Miller;PARTSTAT=DECLINED:mailto:davem@davemloft.net
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def netdev(settings: object) -> Alliance:
    settings.RADAR_OUR_DOMAINS = ["perches.com"]  # type: ignore[attr-defined]
    partner = Partner.objects.create(name="Davemloft", email_domains="davemloft.net")
    return Alliance.objects.create(name="Netdev", partner=partner, started_on=date(2009, 1, 1))


def _import(kind: str, path: Path) -> None:
    options = ImportOptions(
        since=date(2010, 1, 1), until=date(2011, 12, 31), today=date(2011, 6, 1)
    )
    by_kind(kind).run(path, options, no_progress)


def test_it_shows_imported_mail_and_meetings_on_the_alliance_page(
    netdev: Alliance, shared_dir: Path, tmp_path: Path, manager_client: Client
) -> None:
    _import("email", shared_dir / "realdata" / "email" / "lkml")
    calendar = tmp_path / "google.ics"
    calendar.write_text(GOOGLE_EXPORT, encoding="utf-8")
    _import("ics", calendar)

    meetings = Interaction.objects.filter(alliance=netdev, kind="meeting")
    # Four weekly occurrences (the one an EXDATE removed is called off) + the QBR.
    assert meetings.count() == 5 and meetings.filter(cancelled=True).count() == 1
    qbr = meetings.get(ritual="qbr")
    assert (qbr.partner_invited, qbr.partner_attended) == (1, 0)  # DECLINED
    replies = Interaction.objects.filter(alliance=netdev, kind="email", reply_hours__isnull=False)
    assert replies.exists() and all(r.reply_hours > 0 for r in replies)
    david = Contact.objects.get(alliance=netdev, email="davem@davemloft.net")
    assert david.side == "partner" and david.first_seen is not None

    page = manager_client.get(f"/alliances/{netdev.slug}/?as_of=2011-06-01").content.decode()
    assert david.name in page  # the contact created on first sight
    assert "E-mail from " in page  # mail in the timeline
    mail = manager_client.get(f"/alliances/{netdev.slug}/timeline/?as_of=2011-06-01&kind=message")
    inbound = 'E-mail from the partner</strong> — <span class="muted">Re: [PATCH'
    assert inbound in mail.content.decode()
    assert "Netdev check-in" in page
    assert "Quarterly business review" in page

    history = load_histories(date(2011, 6, 1), [netdev.pk])[netdev.pk]
    november = next(p for p in history.periods if p.period == date(2010, 11, 1))
    assert (november.meetings_held, november.meetings_cancelled) == (4, 1)
    assert november.partner_invited == 4 and november.partner_attended == 3
    assert november.emails_inbound > 0 and november.partner_reply_hours is not None
