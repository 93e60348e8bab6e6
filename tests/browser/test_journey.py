"""End to end in Chromium: sign in, read the demo portfolio, record a review, stay safe."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from radar.portfolio.models import Alliance, Assessment, CheckIn, Observation
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def declining() -> Alliance:
    row = (
        Assessment.objects.filter(as_of=timezone.localdate(), phase="decline")
        .order_by("score")
        .select_related("alliance")
        .first()
    )
    assert row is not None, "the demo should have a declining alliance"
    return row.alliance


def test_it_signs_in_and_shows_the_demo_dashboard(page: Page, demo: dict[str, str]) -> None:
    page.goto(demo["url"] + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    screenshot(page, "login")
    page.get_by_label("Password").fill("wrong")
    page.get_by_label("Username").fill(demo["username"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("correct username and password")
    sign_in(page, demo["url"], demo["username"], demo["password"])
    main = page.get_by_role("main")
    for alliance in Alliance.objects.all():
        expect(main.get_by_role("link", name=alliance.name).first).to_be_visible()
    screenshot(page, "dashboard")
    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet, portrait
    expect(main.get_by_role("link", name=declining().name).first).to_be_visible()
    screenshot(page, "dashboard-tablet")


def test_it_opens_a_declining_alliance_and_reads_its_evidence(page: Page, signed_in: str) -> None:
    alliance = declining()
    page.get_by_role("main").get_by_role("link", name=alliance.name).first.click()
    expect(page).to_have_url(re.compile(rf"/alliances/{alliance.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(alliance.name)
    stored = alliance.assessments.get(as_of=timezone.localdate())
    expect(page.locator("#alliance-state")).to_contain_text(f"{stored.score:.1f}")
    confirmed = [s for s in stored.payload["signals"] if s["confirmed"]]
    assert confirmed, "a declining demo alliance has confirmed signals"
    first = page.locator(".signal", has_text=confirmed[0]["title"]).first
    expect(first).to_be_visible()
    expect(first.locator(".evidence")).to_contain_text(confirmed[0]["evidence"]["summary"])
    expect(page.locator(".recommendation")).to_contain_text(stored.recommendation, ignore_case=True)
    screenshot(page, "alliance-declining")


def test_it_records_a_monthly_review_and_updates_score_and_timeline(
    page: Page, signed_in: str
) -> None:
    alliance = declining()
    page.goto(f"{signed_in}/alliances/{alliance.slug}/")
    page.get_by_role("link", name="Monthly review").click()
    expect(page.get_by_role("heading", name="Monthly review")).to_be_visible()
    page.evaluate("window.__sameDocument = true")  # survives only if nothing reloads
    page.get_by_label("Notes on communication").fill("Replies slowed after their reorg.")
    page.locator("input[name=spoke_with_partner][value=no]").check()
    page.locator("input[name=we_are_delivering][value=yes]").check()
    hint = page.locator("#divergence-hint")
    page.locator("input[name=manual_score][value='2']").check()
    expect(hint).to_be_hidden()
    page.locator("input[name=manual_score][value='5']").check()  # far above a declining score
    expect(hint).to_be_visible()
    page.get_by_label("Why this score").fill("Their new CTO doubled the joint budget.")
    screenshot(page, "review-form")
    page.get_by_role("button", name="Save the review").click()
    status = page.locator("#form-status")
    expect(status).to_contain_text("Monthly review saved (your score 5).")
    expect(status.get_by_test_id("neutral-reviewer")).to_contain_text("neutral reviewer")
    assert page.evaluate("window.__sameDocument") is True
    checkin = CheckIn.objects.filter(alliance=alliance).latest("pk")
    assert checkin.manual_score == 5 and checkin.spoke_with_partner is False
    fresh = alliance.assessments.get(as_of=timezone.localdate())
    expect(page.locator("#alliance-state")).to_contain_text(f"{fresh.score:.1f}")
    screenshot(page, "review-saved")
    page.goto(f"{signed_in}/alliances/{alliance.slug}/")
    page.get_by_role("tab", name="Timeline").click()
    entry = page.locator("#timeline li", has_text="Health review").first
    expect(entry).to_contain_text("manager's score 5")
    entry.get_by_role("link").click()
    expect(page.get_by_role("main")).to_contain_text("Replies slowed after their reorg.")
    screenshot(page, "checkin")
    # The divergence now waits in the dashboard's needs-attention queue.
    page.goto(f"{signed_in}/")
    flagged = page.locator(".attention li", has_text="Score divergence").filter(
        has_text=f"check-in on {timezone.localdate().isoformat()}"
    )
    expect(flagged.first).to_contain_text("scored 5")


def test_it_renders_a_stored_script_inert(page: Page, signed_in: str, dialogs: list[str]) -> None:
    alliance = declining()
    payload = '<script>window.__owned = 1; alert("xss")</script><img src=x onerror="alert(2)">'
    page.goto(f"{signed_in}/alliances/{alliance.slug}/log/observation/")
    page.get_by_label("Title").fill(payload)
    page.get_by_label("Detail").fill(payload)
    page.get_by_label("Noticed on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#form-status")).to_contain_text("Observation recorded.")
    expect(page.get_by_label("Title")).to_have_value("")  # a blank form for the next one
    assert Observation.objects.filter(title=payload).exists()
    page.goto(f"{signed_in}/alliances/{alliance.slug}/")
    expect(page.locator("#timeline")).to_contain_text('<script>window.__owned = 1; alert("xss")')
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("typeof window.__owned") == "undefined"
    screenshot(page, "alliance-escaped-note")
