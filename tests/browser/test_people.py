"""Walk-through: find the people nobody has spoken with for too long, and act on it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from radar.portfolio.models import Contact
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_find_overdue_people(page: Page, signed_in: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    rows = page.locator("#people-table tbody tr")
    everyone = rows.count()
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Overdue only").check()  # HTMX swaps the list, no reload
    expect(page).to_have_url(re.compile(r"overdue=1"))
    expect(rows.first.locator(".chip", has_text="overdue")).to_be_visible()
    overdue = rows.count()
    assert 0 < overdue < everyone
    days = [int(t.split()[0]) for t in rows.locator(".chip", has_text="overdue").all_inner_texts()]
    assert days == sorted(days, reverse=True)  # longest overdue first
    assert page.evaluate("window.__sameDocument") is True
    screenshot(page, "people-overdue")

    first = rows.first
    name = first.locator("strong").first.inner_text()
    alliance = first.get_by_role("link").first.inner_text()
    # Wait for HTMX to replace the list: typing into the old row just before the swap
    # would lose the value and save an empty rhythm instead.
    old_table = page.locator("#people-table").element_handle()
    page.get_by_label("Alliance", exact=True).select_option(label=alliance)
    page.wait_for_function("table => !table.isConnected", arg=old_table)
    expect(rows.first.locator("strong").first).to_have_text(name)
    first = rows.first
    first.get_by_label(re.compile(f"Keep in touch with {re.escape(name)}")).fill("14")
    first.get_by_role("button", name="Set").click()
    expect(page.locator("#people-table tr", has_text=name).get_by_role("status")).to_contain_text(
        f"Keep in touch with {name} every 14 days."
    )
    assert set(Contact.objects.filter(name=name).values_list("keep_in_touch_days", flat=True)) == {
        14
    }

    first.get_by_role("link", name=alliance).click()  # the alliance page opens on its People tab
    expect(page).to_have_url(re.compile(r"#people$"))
    expect(page.locator("#people")).to_be_visible()
    expect(page.locator("#people")).to_contain_text(name)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{signed_in}/people/?overdue=1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "people-phone")
