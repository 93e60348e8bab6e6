from __future__ import annotations

import pytest

from radar.portfolio.models import Alliance, Contact, Partner

pytestmark = pytest.mark.django_db


def test_it_slugifies_the_alliance_name_on_first_save():
    partner = Partner.objects.create(name="Globex", email_domains="globex.com, GLOBEX.io")
    alliance = Alliance.objects.create(name="Globex Cloud Co-sell", partner=partner)
    assert alliance.slug == "globex-cloud-co-sell"
    assert partner.domains == ["globex.com", "globex.io"]


def test_it_allows_many_contacts_without_email_but_not_duplicate_emails():
    from django.db import IntegrityError, transaction

    partner = Partner.objects.create(name="Initech")
    alliance = Alliance.objects.create(name="Initech", partner=partner)
    Contact.objects.create(alliance=alliance, side="partner", name="A")
    Contact.objects.create(alliance=alliance, side="partner", name="B")
    Contact.objects.create(alliance=alliance, side="partner", name="C", email="c@initech.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(alliance=alliance, side="ours", name="D", email="c@initech.com")
