"""Browser tests: Playwright (sync API) driving Debian's Chromium against live_server.

Chromium comes from the system (scripts/system-deps.sh installs it on CI);
`playwright install` cannot download browsers here. Screenshots of the main
pages go to test-artifacts/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise
# refuse ORM calls from the test body ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("RADAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run scripts/system-deps.sh")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Every JavaScript dialog the page tries to open (there should be none)."""
    seen: list[str] = []

    def record(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


@pytest.fixture
def demo(live_server: Any) -> dict[str, str]:
    """The demo portfolio (radar.demo), scored as of today, behind a live server."""
    from django.utils import timezone

    from radar.demo import DEMO_PASSWORD, DEMO_USERNAME, seed_demo
    from radar.portfolio.assessments import evaluate_portfolio

    today = timezone.localdate()
    seed_demo(42, today)
    evaluate_portfolio(today)
    return {"url": live_server.url, "username": DEMO_USERNAME, "password": DEMO_PASSWORD}


@pytest.fixture
def signed_in(page: Page, demo: dict[str, str]) -> str:
    """Signed in as the documented demo login; returns the site's base URL."""
    sign_in(page, demo["url"], demo["username"], demo["password"])
    return demo["url"]
