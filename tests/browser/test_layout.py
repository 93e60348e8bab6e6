"""Every page of the app at phone width (390 px): nothing scrolls sideways.

The URLs come from the URL map, so a page someone adds is checked without being
listed here; only its parameters need a value below (the test says which are
missing). Wide tables may scroll inside their own box; the page itself may not.
Screenshots land in test-artifacts/screenshots/phone-*.png.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from radar.portfolio.models import (
    ActionItem,
    Assessment,
    CheckIn,
    Contact,
    Deliverable,
    Goal,
    GovernanceBody,
    MetricDefinition,
    Survey,
    SurveyResponse,
)
from radar.worker.models import Job
from tests.browser.conftest import screenshot
from tests.urlmap import named_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# The record pages' kinds (radar.web.records.kinds) and the model of each.
RECORD_KINDS = {
    "contact": Contact,
    "goal": Goal,
    "metricdef": MetricDefinition,
    "governance": GovernanceBody,
    "survey": Survey,
    "response": SurveyResponse,
    "actionitem": ActionItem,
}
# Not pages: the admin is Django's own, the API answers JSON, these only take a POST.
SKIPPED_PREFIXES = ("admin:", "api:")
# Files to download, not pages.
DOWNLOADS = {"export_assessments", "export_bundle"}
POST_ONLY = {
    "logout",
    "import_run",
    "import_cancel",
    "restore_alliance",
    "keep_in_touch",
    "toggle_action",
    "goals_reviewed",
    "notify_read",
    "jobs_evaluate",
    "notify_read_all",
}
# Which record a URL's `pk` names, for URLs that take one.
PK_OF = {
    "checkin": "checkin",
    "edit_deliverable": "deliverable",
    "job": "job",
    **{f"{kind}_{action}": kind for kind in RECORD_KINDS for action in ("edit", "delete")},
}

WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def world() -> dict[str, Any]:
    row = Assessment.objects.filter(as_of=timezone.localdate()).order_by("score").first()
    assert row is not None
    alliance = row.alliance
    return {
        "alliance": alliance,
        "checkin": CheckIn.objects.filter(alliance=alliance).latest("held_on"),
        "deliverable": Deliverable.objects.filter(alliance=alliance).latest("due_on"),
        "job": Job.objects.create(
            kind=Job.Kind.IMPORT,
            label="Import of a long calendar",
            done=40,
            total=120,
            status=Job.Status.RUNNING,
        ),
        **{key: _first_of(model, alliance) for key, model in RECORD_KINDS.items()},
    }


def _first_of(model: Any, alliance: Any) -> Any:
    """A record of this kind of the alliance (the demo's weakest one has one of each)."""
    scope = {SurveyResponse: "survey__alliance", ActionItem: "decision__alliance"}
    found = model.objects.filter(**{scope.get(model, "alliance"): alliance}).first()
    assert found is not None, f"the demo alliance has no {model.__name__}"
    return found


def pages(found: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, URL) of every page, and the URL parameters nobody gave a value for."""
    urls, missing = [], []
    for name, params in sorted(named_urls().items()):
        if name.startswith(SKIPPED_PREFIXES) or name in POST_ONLY | DOWNLOADS:
            continue
        kwargs: dict[str, Any] = {}
        for param in params:
            if param == "slug":
                kwargs[param] = found["alliance"].slug
            elif param == "pk" and name in PK_OF:
                kwargs[param] = found[PK_OF[name]].pk
            elif param == "uidb64":
                kwargs[param] = "MQ"
            elif param == "token":
                kwargs[param] = "set-password"
            else:
                missing.append(f"{name}: {param}")
        if not any(m.startswith(f"{name}:") for m in missing):
            urls.append((name, reverse(name, kwargs=kwargs)))
    return urls, missing


def overflow(page: Page) -> int:
    return int(page.evaluate(WIDTH)) - PHONE["width"]


def test_no_page_scrolls_sideways_on_a_phone(page: Page, signed_in: str) -> None:
    urls, missing = pages(world())
    assert missing == [], f"give these URL parameters a value in PK_OF: {missing}"
    assert len(urls) >= 15
    page.set_viewport_size(PHONE)
    wide: list[str] = []
    for name, url in urls:
        page.goto(signed_in + url)
        if overflow(page) > 0:
            wide.append(f"{url} ({overflow(page)} px too wide)")
        for summary in page.locator("details.menu > summary").all():
            summary.click()  # an open menu must fit too
            if overflow(page) > 0:
                wide.append(f"{url} with its menu open ({overflow(page)} px)")
        for tab in page.get_by_role("tab").all():
            tab.click()
            if overflow(page) > 0:
                wide.append(f"{url} tab {tab.inner_text()!r} ({overflow(page)} px too wide)")
        screenshot(page, f"phone-{name}")
    assert wide == [], "\n".join(wide)


def test_a_decisions_actions_are_one_card_each_on_a_phone(page: Page, signed_in: str) -> None:
    """Three columns of inputs in 390 px left a title box too narrow to type in and an
    owner list cut to two letters: on a phone each action's fields take the full width."""
    page.set_viewport_size(PHONE)
    page.goto(signed_in + reverse("record_decision", args=[world()["alliance"].slug]))
    form_width = page.locator("#entry-form").bounding_box()["width"]
    for label in ("Action 1", "Owner 1", "Due 1"):
        box = page.get_by_label(label, exact=True).bounding_box()
        assert box is not None and box["width"] >= form_width * 0.7, (label, box, form_width)
    assert overflow(page) <= 0
    screenshot(page, "phone-decision-actions")


@pytest.mark.parametrize("list_name", ["contacts", "goals", "metric_definitions", "action_items"])
def test_a_records_edit_links_are_in_sight_on_a_phone(
    page: Page, signed_in: str, list_name: str
) -> None:
    """The record lists are one card per row on a phone (table.stacked-sm): no row's Edit
    link is hidden past the right edge of a box that scrolls sideways."""
    page.set_viewport_size(PHONE)
    page.goto(signed_in + reverse(list_name, args=[world()["alliance"].slug]))
    links = page.locator("td.row-actions a", has_text="Edit").all()
    assert links, list_name
    for link in links:
        box = link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"], (list_name, box)


def test_every_main_menu_entry_is_in_sight_on_a_phone(page: Page, signed_in: str) -> None:
    """The menu wraps on a phone: a strip scrolling sideways cut "Import" to "Im" and hid
    Jobs, History and Admin past the edge of the screen."""
    page.set_viewport_size(PHONE)
    page.goto(signed_in + "/")
    links = page.get_by_role("navigation", name="Main").get_by_role("link").all()
    assert len(links) >= 6
    for link in links:
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            link.inner_text(),
            box,
        )
    assert overflow(page) <= 0
