"""The read-side pages in a real browser: HTMX filters, charts, tablet width, no JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from radar.portfolio.models import Alliance
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_filters_sort_and_charts_work_with_javascript(page: Page, signed_in: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{signed_in}/")
    rows = page.locator("#portfolio-table tbody tr")
    everyone = rows.count()
    tier_one = Alliance.objects.filter(tier=1, active=True).count()
    assert 0 < tier_one < everyone

    page.get_by_label("Tier").select_option("1")  # HTMX swaps the region, no reload
    expect(rows).to_have_count(tier_one)
    expect(page).to_have_url(re.compile(r"[?&]tier=1"))
    assert "owner=" not in page.url  # empty filters are left out of the address

    page.locator("#portfolio-table thead").get_by_role("link", name="Alliance").click()
    expect(page).to_have_url(re.compile(r"sort=name"))
    names = rows.locator("td.alliance-cell a").all_inner_texts()
    assert names == sorted(names, key=str.lower)

    declining = Alliance.objects.order_by("assessments__score").first()
    assert declining is not None
    page.goto(f"{signed_in}/alliances/{declining.slug}/")
    charts = page.locator("canvas[data-chart]")
    expect(page.locator("canvas[data-drawn]")).to_have_count(charts.count())
    expect(page.locator(".chart-fallback[open]")).to_have_count(0)  # folded once drawn
    assert errors == []

    page.set_viewport_size({"width": 820, "height": 1100})  # a tablet
    page.goto(f"{signed_in}/")
    screenshot(page, "dashboard-tablet")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 820  # nothing pushes the page sideways; wide tables scroll inside


def test_pages_work_without_javascript(browser: Browser, demo: dict[str, str]) -> None:
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        sign_in(page, demo["url"], demo["username"], demo["password"])
        page.get_by_label("Phase").select_option("decline")
        page.get_by_role("button", name="Apply").click()  # a plain GET form
        expect(page).to_have_url(re.compile(r"phase=decline"))
        phases = page.locator("#portfolio-table tbody td.phase").all_inner_texts()
        assert phases and {p.strip().lower() for p in phases} == {"decline"}

        alliance = Alliance.objects.order_by("name").first()
        assert alliance is not None
        page.goto(f"{demo['url']}/alliances/{alliance.slug}/")
        expect(page.locator(".chart-fallback[open]").first).to_be_visible()
        expect(page.locator(".chart-box").first).to_be_hidden()
    finally:
        context.close()


# The boxes between an element and the page that scroll on their own (overflow auto or
# scroll, with more content than room).
INNER_SCROLLERS = """(el) => {
  const found = [];
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    const style = getComputedStyle(e);
    const scrolls = ['auto', 'scroll'].includes(style.overflowY);
    if (scrolls && e.scrollHeight > e.clientHeight + 1) found.push(e.className || e.tagName);
  }
  return found;
}"""


def test_the_needs_attention_list_is_not_hidden_in_an_inner_scroll_box(
    page: Page, signed_in: str
) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{signed_in}/")
    queue = page.locator("ul.attention").first
    expect(queue).to_be_visible()
    assert queue.evaluate(INNER_SCROLLERS) == []
    last = queue.locator(":scope > li").last
    last.scroll_into_view_if_needed()  # the page itself scrolls to it
    expect(last).to_be_in_viewport()
