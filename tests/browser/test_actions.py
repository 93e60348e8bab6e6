"""Walk-through: find my overdue actions and tick one off, with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from radar.portfolio.models import ActionItem
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_complete_an_action(page: Page, signed_in: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Actions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My actions")
    rows = page.locator("#actions-table tbody tr")
    expect(rows.first).to_be_visible()
    first = rows.first
    title = first.locator("strong").first.inner_text()
    expect(first).to_contain_text("overdue since")  # the demo's owner has overdue work
    screenshot(page, "actions-mine")
    page.evaluate("window.__sameDocument = true")
    first.get_by_role("button", name=re.compile("Mark done")).click()
    row = page.locator("#actions-table tbody tr", has_text=title)
    expect(row.get_by_role("status")).to_have_text(f"“{title}” done.")
    expect(row).to_contain_text(f"done {timezone.localdate():%-d %b %Y}")
    assert page.evaluate("window.__sameDocument") is True
    assert ActionItem.objects.get(title=title).done_on == timezone.localdate()

    row.get_by_role("button", name=re.compile("Open again")).click()
    expect(row.get_by_role("status")).to_have_text(f"“{title}” open again.")
    assert ActionItem.objects.get(title=title).done_on is None

    # The same action is among the alliance's next things to do, ticked off there too.
    alliance = ActionItem.objects.get(title=title).decision.alliance
    page.goto(f"{signed_in}/alliances/{alliance.slug}/")
    step = page.locator(".next-steps__list li", has_text=title)
    expect(step).to_be_visible()
    step.get_by_role("button", name=re.compile("Mark done")).click()
    expect(step.get_by_role("status")).to_contain_text("done.")
    screenshot(page, "action-done-in-overview")


def test_complete_an_action_without_javascript(browser: Browser, demo: dict[str, str]) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, demo["url"], demo["username"], demo["password"])
        page.goto(f"{demo['url']}/actions/?owner=all")
        first = page.locator("#actions-table tbody tr").first
        title = first.locator("strong").first.inner_text()
        first.get_by_role("button", name=re.compile("Mark done")).click()  # a plain form post
        expect(page).to_have_url(re.compile(r"/actions/\?owner=all$"))
        expect(page.get_by_role("status").first).to_contain_text(f"“{title}” done.")
        assert ActionItem.objects.get(title=title).done_on == timezone.localdate()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
