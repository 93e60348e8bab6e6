"""A new alliance, editing it, archiving (the default) and deleting it with care."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.models import Alliance, Assessment, Contact, Partner

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def new(**fields: object) -> dict[str, object]:
    return {"name": "Acme Cloud", "partner_name": "Acme", "kind": "technology", "tier": 2, **fields}


def test_it_creates_an_alliance_with_a_new_partner_and_assesses_it(
    manager_client: Client, users
) -> None:
    data = new(
        owner=users["manager"].pk,
        started_on="2026-01-05",
        partner_contact="Pia Partner",
        partner_contact_title="VP Alliances",
        partner_contact_email="pia@acme.example",
    )
    response = manager_client.post(reverse("new_alliance"), data)
    alliance = Alliance.objects.get(name="Acme Cloud")
    assert response.status_code == 302
    assert response["Location"] == reverse("alliance", args=["acme-cloud"])
    assert alliance.slug == "acme-cloud" and alliance.partner.name == "Acme"
    assert alliance.owner == users["manager"]
    people = {(c.side, c.name, c.role) for c in Contact.objects.filter(alliance=alliance)}
    assert people == {
        ("partner", "Pia Partner", "champion"),
        ("ours", "manager", "alliance_manager"),
    }
    assert Assessment.objects.filter(alliance=alliance, as_of=timezone.localdate()).exists()
    page = manager_client.get(response["Location"]).content.decode()
    # One partner contact and no activity yet: too little to score.
    assert "Acme Cloud created. First assessment: Not enough data to score it yet." in page
    assert "Next steps for Acme Cloud" in page and "Set its goals" in page


def test_the_first_two_people_cannot_share_a_name_without_an_email(
    manager_client: Client, users
) -> None:
    """Without an e-mail a person is known by name within the alliance: the same name on
    both sides is a form error (the store would refuse the second), not a crash."""
    same = new(partner_contact="Sam Lee", our_contact="Sam Lee")
    response = manager_client.post(reverse("new_alliance"), same)
    assert response.status_code == 400
    assert "Sam Lee is also named as our alliance manager" in response.content.decode()
    assert not Alliance.objects.filter(name="Acme Cloud").exists()
    with_email = {**same, "partner_contact_email": "sam@acme.example"}
    assert manager_client.post(reverse("new_alliance"), with_email).status_code == 302
    assert Contact.objects.filter(name="Sam Lee").count() == 2


def test_it_picks_an_existing_partner_whatever_the_case(
    manager_client: Client, alliance: Alliance
) -> None:
    manager_client.post(reverse("new_alliance"), new(partner_name="  northwind   <labs> "))
    assert Partner.objects.count() == 1
    assert Alliance.objects.get(name="Acme Cloud").partner == alliance.partner


def test_it_derives_a_free_slug_and_keeps_a_typed_one(manager_client: Client) -> None:
    Alliance.objects.create(
        name="Other", slug="acme-cloud", partner=Partner.objects.create(name="P")
    )
    manager_client.post(reverse("new_alliance"), new())
    assert Alliance.objects.get(name="Acme Cloud").slug == "acme-cloud-2"
    manager_client.post(reverse("new_alliance"), new(name="Beta", slug="beta-launch"))
    assert Alliance.objects.filter(slug="beta-launch", name="Beta").exists()


def test_it_refuses_a_page_address_a_duplicate_name_and_a_half_given_contact(
    manager_client: Client, alliance: Alliance
) -> None:
    data = new(name=alliance.name, slug="new", partner_contact_email="x@example.com")
    response = manager_client.post(reverse("new_alliance"), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Alliance with this Name already exists." in body
    assert "This address is used by a page; choose another." in body
    assert "Give the contact&#x27;s name." in body
    assert "Nothing was saved" in body
    assert Alliance.objects.count() == 1


def test_htmx_gets_the_form_back_with_errors_then_a_redirect(manager_client: Client) -> None:
    bad = manager_client.post(reverse("new_alliance"), new(name=""), **HTMX)
    body = bad.content.decode()
    assert bad.status_code == 200 and "<html" not in body
    assert 'id="record-form"' in body and "This field is required." in body
    good = manager_client.post(reverse("new_alliance"), new(), **HTMX)
    assert good["HX-Redirect"] == reverse("alliance", args=["acme-cloud"])


def test_the_new_alliance_form_offers_existing_partners_and_fills_the_address(
    manager_client: Client, alliance: Alliance
) -> None:
    body = manager_client.get(reverse("new_alliance")).content.decode()
    assert '<datalist id="partner-names"><option value="Northwind &lt;Labs&gt;">' in body
    assert 'data-fills="id_slug"' in body


def test_it_edits_an_alliance_and_follows_its_new_address(
    manager_client: Client, alliance: Alliance
) -> None:
    data = new(name="Northwind Cloud", partner_name="Northwind Holdings", slug="northwind", tier=1)
    response = manager_client.post(reverse("edit_alliance", args=[alliance.slug]), data)
    assert response["Location"] == reverse("alliance", args=["northwind"])
    alliance.refresh_from_db()
    assert (alliance.slug, alliance.partner.name, alliance.tier) == (
        "northwind",
        "Northwind Holdings",
        1,
    )


def test_a_bad_edit_keeps_the_page_on_the_saved_alliance(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(reverse("edit_alliance", args=[alliance.slug]), new(name=""))
    assert response.status_code == 400
    assert f'href="{reverse("alliance", args=[alliance.slug])}"' in response.content.decode()


def test_archiving_keeps_everything_and_restoring_brings_it_back(
    manager_client: Client, alliance: Alliance
) -> None:
    url = reverse("archive_alliance", args=[alliance.slug])
    assert "Archiving keeps everything" in manager_client.get(url).content.decode()
    response = manager_client.post(url)
    assert response["Location"] == reverse("archived_alliances")
    alliance.refresh_from_db()
    assert not alliance.active and alliance.contacts.count() == 2
    listed = manager_client.get(reverse("archived_alliances")).content.decode()
    assert alliance.name in listed and "archived: it is off the dashboard" in listed
    assert alliance.name not in manager_client.get(reverse("dashboard")).content.decode()
    manager_client.post(reverse("restore_alliance", args=[alliance.slug]))
    alliance.refresh_from_db()
    assert alliance.active


def test_deleting_an_alliance_with_records_needs_its_name_typed(
    manager_client: Client, alliance: Alliance
) -> None:
    url = reverse("delete_alliance", args=[alliance.slug])
    page = manager_client.get(url).content.decode()
    assert "<strong>2</strong> people" in page and "Archive Northwind Cloud instead" in page
    refused = manager_client.post(url, {"confirm_name": "Northwind"})
    assert refused.status_code == 400
    assert "Type “Northwind Cloud” exactly to confirm." in refused.content.decode()
    assert Alliance.objects.filter(pk=alliance.pk).exists()
    done = manager_client.post(url, {"confirm_name": " northwind  cloud "})
    assert done["Location"] == reverse("dashboard")
    assert not Alliance.objects.filter(pk=alliance.pk).exists()
    assert Partner.objects.filter(pk=alliance.partner_id).exists()  # the partner stays


def test_an_empty_alliance_is_deleted_on_confirmation(manager_client: Client) -> None:
    empty = Alliance.objects.create(name="Typo", partner=Partner.objects.create(name="P"))
    response = manager_client.post(reverse("delete_alliance", args=[empty.slug]))
    assert response.status_code == 302
    assert not Alliance.objects.filter(pk=empty.pk).exists()


def test_the_edit_page_leads_to_archiving_and_deleting(
    manager_client: Client, alliance: Alliance
) -> None:
    page = manager_client.get(reverse("edit_alliance", args=[alliance.slug])).content.decode()
    assert reverse("archive_alliance", args=[alliance.slug]) in page
    assert reverse("delete_alliance", args=[alliance.slug]) in page
