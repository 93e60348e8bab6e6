"""Walk-through: search from the header box, narrow it down as you type, open a hit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from radar.portfolio.models import Contact
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search(page: Page, signed_in: str) -> None:
    person = Contact.objects.filter(side="partner", ended_on__isnull=True).order_by("name").first()
    assert person is not None
    first_name, last_name = person.name.split()[0], person.name.split()[-1]
    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill(first_name)
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/search/\?q={first_name}$"))
    people = page.get_by_role("region", name="People")
    expect(people.get_by_role("link", name=person.name)).to_be_visible()
    expect(people.locator("mark").first).to_have_text(first_name)
    screenshot(page, "search")

    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Words to find").fill(f"{first_name} {last_name.lower()}")  # as you type
    expect(page).to_have_url(re.compile(rf"q={first_name}(%20|\+){last_name.lower()}"))
    hits = page.locator("#search-results .hit__title")
    expect(hits.first).to_contain_text(first_name)
    assert page.evaluate("window.__sameDocument") is True

    page.get_by_role("region", name="People").get_by_role("link", name=person.name).click()
    expect(page).to_have_url(re.compile(rf"/alliances/{person.alliance.slug}/#people$"))
    expect(page.locator("#people")).to_contain_text(person.name)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{signed_in}/search/?q=data")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "search-phone")
