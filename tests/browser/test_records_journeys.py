"""Keeping records in Chromium, as a manager does it: a new alliance from nothing to its
first assessment, and a champion who leaves, seen as a signal. Both at 1440 and 390 px."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from radar.portfolio.models import Alliance, Contact, Goal, Interaction, Partner
from tests.browser.conftest import screenshot, sign_in
from tests.web.support import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDE, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def both_widths(page: Page, name: str) -> None:
    """Screenshots at both widths; no sideways scrolling at either."""
    for size, suffix in ((WIDE, ""), (PHONE, "-390")):
        page.set_viewport_size(size)
        page.wait_for_timeout(300)  # charts redraw for the new width on the next frames
        no_sideways_scroll(page)
        screenshot(page, name + suffix)
    page.set_viewport_size(WIDE)


@pytest.fixture
def site(live_server: Any, users: dict[str, Any], page: Page) -> str:
    page.set_viewport_size(WIDE)
    sign_in(page, live_server.url, "manager", PASSWORD)
    return str(live_server.url)


def test_a_manager_creates_an_alliance_from_nothing_to_its_first_assessment(
    page: Page, site: str
) -> None:
    page.get_by_role("link", name="New alliance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New alliance")
    both_widths(page, "alliance-new")
    page.evaluate("window.__sameDocument = true")
    name = page.get_by_label("Alliance name")
    name.fill("Orbit Labs — data sharing")
    expect(page.get_by_label("Web address")).to_have_value("orbit-labs-data-sharing")
    page.get_by_role("button", name="Create the alliance").click()  # no partner yet
    expect(page.locator("#form-errors")).to_contain_text("Nothing was saved")
    partner = page.get_by_label("Partner organisation")
    expect(partner).to_be_focused()  # the first field with an error
    assert page.evaluate("window.__sameDocument") is True  # errors came in place
    both_widths(page, "alliance-new-errors")
    partner.fill("Orbit Labs")
    page.get_by_label("Type of alliance").select_option(label="Technology")
    page.get_by_label("Tier").select_option(value="1")
    page.get_by_label("Partner's main contact").fill("Noor Haddad")
    page.get_by_label("Their title").fill("Head of Partnerships")
    page.get_by_role("button", name="Create the alliance").click()

    expect(page).to_have_url(re.compile(r"/alliances/orbit-labs-data-sharing/$"))
    alliance = Alliance.objects.get(slug="orbit-labs-data-sharing")
    assessed = alliance.assessments.get()
    expect(page.get_by_role("status").first).to_contain_text(
        "Orbit Labs — data sharing created. First assessment"
    )
    assert assessed.score is None  # one contact, no activity yet
    expect(page.locator("#alliance-state")).to_contain_text("not enough data yet")
    steps = page.get_by_role("region", name="Next steps for Orbit Labs — data sharing")
    expect(steps).not_to_contain_text("Add the partner's people")  # Noor is on record
    both_widths(page, "alliance-first-assessment")

    steps.get_by_role("link", name="Set its goals").click()
    page.get_by_label("Title").fill("Shared datasets live")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/goals/\?saved=\d+#goal-\d+$"))
    expect(page.locator("tr.is-saved")).to_contain_text("Shared datasets live")
    expect(page.get_by_role("status").first).to_contain_text("Goal added: Shared datasets live.")
    assert Goal.objects.filter(alliance=alliance).count() == 1
    both_widths(page, "goals-saved")


def champion_alliance() -> Alliance:
    """A year of monthly meetings with a partner champion still in post."""
    alliance = Alliance.objects.create(
        name="Keel Systems — co-sell",
        partner=Partner.objects.create(name="Keel Systems"),
        tier=1,
        started_on=timezone.localdate() - timedelta(days=420),
    )
    Contact.objects.create(
        alliance=alliance,
        side="partner",
        name="Ada Brandt",
        title="VP Alliances",
        role="champion",
        started_on=timezone.localdate() - timedelta(days=400),
    )
    for months in range(1, 13):
        day = timezone.localdate() - timedelta(days=30 * months)
        Interaction.objects.create(
            alliance=alliance,
            kind="meeting",
            occurred_at=timezone.make_aware(datetime.combine(day, time(10))),
            subject="Pipeline review",
            partner_invited=2,
            partner_attended=2,
            ours_invited=2,
            ours_attended=2,
        )
    return alliance


def test_a_manager_records_a_champion_who_left_and_sees_the_signal(page: Page, site: str) -> None:
    alliance = champion_alliance()
    page.goto(f"{site}/alliances/{alliance.slug}/")
    expect(page.locator("#alliance-state")).not_to_contain_text("key partner contact moved on")
    page.get_by_role("navigation", name=f"Records of {alliance.name}").get_by_role(
        "link", name="People"
    ).click()
    page.get_by_role("link", name="Edit Ada Brandt").click()
    left = timezone.localdate() - timedelta(days=5)
    page.get_by_label("Left the role on").fill(left.isoformat())
    page.get_by_label("Why").select_option(label="Left the organisation")
    page.get_by_label("Or a new person who takes over").fill("Jonas Weber")
    both_widths(page, "contact-leaving")
    page.get_by_role("button", name="Save").click()

    saved = page.locator("tr.is-saved")
    expect(saved).to_contain_text("Ada Brandt")
    expect(saved).to_contain_text("Jonas Weber took over")
    expect(page.get_by_role("status").first).to_contain_text("Person saved: Ada Brandt")
    both_widths(page, "contacts-saved")

    page.get_by_role("link", name=alliance.name).first.click()
    signal = page.locator(".signal", has_text="A key partner contact moved on").first
    expect(signal).to_be_visible()
    expect(signal).to_contain_text("Ada Brandt (VP Alliances) left")
    expect(signal).to_contain_text("successor: Jonas Weber")
    both_widths(page, "alliance-champion-left")
