"""The alliance page in Chromium: the overview on one screen, tabs, the timeline, no-JS."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from radar.portfolio.models import Alliance, Assessment
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def most_troubled() -> Alliance:
    row = Assessment.objects.filter(as_of=timezone.localdate()).order_by("score").first()
    assert row is not None
    return row.alliance


def test_the_overview_fits_one_screen_and_the_tabs_switch_sections(
    page: Page, signed_in: str
) -> None:
    alliance = most_troubled()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{signed_in}/alliances/{alliance.slug}/")
    for heading in ("Health", "Recommendation", "Next things to do"):
        box = page.get_by_role("heading", name=re.compile(heading)).first.bounding_box()
        assert box is not None and box["y"] + box["height"] < 900
    cards = page.locator(".overview__grid").bounding_box()
    assert cards is not None and cards["y"] + cards["height"] <= 900  # all of it, one screen
    expect(page.get_by_label("Why the score moved")).to_be_in_viewport()
    screenshot(page, "alliance-overview-1440")

    signals, people = page.locator("#signals"), page.locator("#people")
    expect(signals).to_be_visible()
    expect(people).to_be_hidden()
    page.get_by_role("tab", name=re.compile("People")).click()
    expect(people).to_be_visible()
    expect(signals).to_be_hidden()
    expect(page).to_have_url(re.compile(r"#people$"))
    page.reload()  # the address keeps the open tab
    expect(people).to_be_visible()
    page.get_by_role("tab", name=re.compile("People")).press("ArrowRight")
    expect(page.locator("#timeline")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000  # one section at a time, not everything five times


def test_the_timeline_filters_by_kind_and_reaches_older_items(page: Page, signed_in: str) -> None:
    alliance = most_troubled()
    page.goto(f"{signed_in}/alliances/{alliance.slug}/#timeline")
    timeline = page.locator("#timeline-list")
    expect(timeline).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    for kind in ("meeting", "message", "signal", "review", "observation"):
        page.locator(f".timeline-filter input[value={kind}]").uncheck()
    expect(timeline.locator("li:not(.t-decision)")).to_have_count(0)
    titles = timeline.locator(".timeline__what").all_inner_texts()
    assert titles and all(t.startswith(("Decision", "Action done")) for t in titles)
    page.locator(".timeline-filter input[value=message]").check()
    expect(timeline).to_contain_text("E-mail from")
    older = timeline.get_by_role("link", name="Older items")
    expect(older).to_be_visible()
    first = timeline.locator(".timeline__when").first.inner_text()
    older.click()
    expect(timeline.get_by_role("link", name="Newer items")).to_be_visible()
    assert timeline.locator(".timeline__when").first.inner_text() != first
    assert page.evaluate("window.__sameDocument") is True  # swapped in place
    screenshot(page, "alliance-timeline")


def test_without_javascript_every_section_shows_and_the_tabs_are_anchors(
    browser: Browser, demo: dict[str, str]
) -> None:
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page, demo["url"], demo["username"], demo["password"])
        alliance = most_troubled()
        page.goto(f"{demo['url']}/alliances/{alliance.slug}/")
        for section in ("signals", "people", "timeline", "actions", "agreement"):
            expect(page.locator(f"section#{section}")).to_be_visible()
        page.get_by_role("link", name="Agreement and governance").click()
        expect(page).to_have_url(re.compile(r"#agreement$"))
        page.locator(".timeline-filter input[value=meeting]").uncheck()
        page.locator(".timeline-filter").get_by_role("button", name="Filter").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Timeline of")
        expect(page).to_have_url(re.compile(r"kind=message"))
        older = page.get_by_role("link", name="Older items")
        if older.count():
            older.click()
            expect(page).to_have_url(re.compile(r"page=2"))
    finally:
        context.close()


def test_after_saving_the_confirmation_is_beside_the_button(page: Page, signed_in: str) -> None:
    alliance = most_troubled()
    page.goto(f"{signed_in}/alliances/{alliance.slug}/log/interaction/")
    page.get_by_label("Subject").fill("Catch-up call with the partner")
    page.get_by_label("Kind").select_option("call")
    button = page.get_by_role("button", name="Save")
    button.scroll_into_view_if_needed()
    button.click()
    status = page.locator("#form-status")
    expect(status).to_contain_text("Interaction logged.")
    expect(status).to_be_in_viewport()
    expect(status).to_be_focused()
    below = status.bounding_box()
    saved = page.get_by_role("button", name="Save").bounding_box()
    assert below is not None and saved is not None
    assert 0 <= below["y"] - (saved["y"] + saved["height"]) < 80  # right under the button
    screenshot(page, "saved-confirmation")
