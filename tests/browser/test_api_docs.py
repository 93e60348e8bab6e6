"""The API docs page works with no network beyond our own server (no CDN)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import screenshot, sign_in
from tests.web.support import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_renders_the_swagger_docs_offline(page: Page, live_server: Any) -> None:
    from radar.accounts.roles import Role

    make_user("reader", Role.VIEWER)
    ours = urlparse(live_server.url).netloc
    outside: list[str] = []

    def only_ours(route: Route) -> None:
        if urlparse(route.request.url).netloc == ours:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    sign_in(page, live_server.url, "reader", PASSWORD)
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Alliance Radar API")
    expect(page.get_by_text("/api/alliances/{slug}/decisions").first).to_be_visible()
    assert outside == []
    screenshot(page, "api-docs")
