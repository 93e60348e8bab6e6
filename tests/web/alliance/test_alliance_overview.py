"""The alliance page's overview (score, why, recommendation, next things to do) and its tabs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from radar.accounts.roles import Role, grant_role
from radar.engine.assessment import CadenceFlag
from radar.portfolio.models import ActionItem, Decision
from radar.web.alliance.data import SECTIONS
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]
TEMPLATES = Path(__file__).resolve().parents[3] / "src" / "radar" / "web" / "templates"


def signed_in(role: Role) -> Client:
    user = pd.user(role.value)
    grant_role(user, role)
    client = Client()
    client.force_login(user)
    return client


def flagged_alliance():
    a = pd.alliance("Northwind Cloud")
    flags = (
        CadenceFlag("review_overdue", "The monthly health review is overdue."),
        CadenceFlag("decision_overdue", "A confirmed pattern has waited since 2026-09-01."),
        CadenceFlag("no_direct_contact", "No direct contact with the partner for 45 days."),
    )
    pd.store(pd.assessment(a, 2.4, signals=(pd.signal(),), cadence=flags))
    return a


def overview(html: str) -> str:
    return html[html.index('id="alliance-state"') : html.index("data-tabs")]


def test_the_next_things_put_overdue_actions_first_then_the_most_urgent_flags() -> None:
    a = flagged_alliance()
    decision = Decision.objects.create(
        alliance=a, decided_on=date(2026, 9, 1), kind="reset", rationale="Reset"
    )
    ActionItem.objects.create(
        decision=decision, title="Book the reset workshop", owner="Dana", due_on=date(2026, 11, 1)
    )
    html = overview(signed_in(Role.MANAGER).get(f"/alliances/{a.slug}/").content.decode())
    steps = re.findall(r"<li[^>]*>\s*<strong>([^<]+)</strong>", html)
    assert steps == ["Book the reset workshop", "Decide how to respond", "Hold the health review"]
    assert 'Dana · <span class="chip chip--confirmed">overdue since 1 Nov 2026' in html
    assert "Mark done" in html  # ticked off from the overview
    assert f'href="/alliances/{a.slug}/decide/"' in html  # straight to the form
    assert "2 more:" in html  # the conversation and the checklist, one click away


def test_readers_see_the_next_things_without_links_to_forms_they_cannot_use() -> None:
    a = flagged_alliance()
    html = overview(signed_in(Role.VIEWER).get(f"/alliances/{a.slug}/").content.decode())
    assert "Decide how to respond" in html and "/decide/" not in html


def test_the_checklists_open_points_are_next_things_too() -> None:
    a = pd.alliance("Calm Waters")
    pd.store(pd.assessment(a, 4.6, history=(4.5, 4.6)))
    html = overview(signed_in(Role.VIEWER).get(f"/alliances/{a.slug}/").content.decode())
    assert "Spoke with the partner in the last 30 days?" in html
    assert "Nothing pressing" not in html


def test_an_alliance_with_nothing_open_says_so() -> None:
    a = pd.alliance("Calm Waters")
    payload = pd.assessment(a, 4.6, history=(4.5, 4.6))
    stored = pd.store(payload)
    stored.payload["recommendation"]["checklist"] = []
    stored.save()
    html = overview(signed_in(Role.VIEWER).get(f"/alliances/{a.slug}/").content.decode())
    assert "Nothing pressing" in html


def test_the_signals_sit_in_their_own_section_once_and_not_in_the_overview() -> None:
    a = flagged_alliance()
    html = signed_in(Role.VIEWER).get(f"/alliances/{a.slug}/").content.decode()
    assert "Partner replies are slower" not in overview(html)
    section = html[html.index('id="signals"') : html.index('id="people"')]
    assert section.count('class="signal signal--confirmed"') == 1
    # The whole page, every tab included: each signal's card (title, detail, evidence) is
    # there once; the overview and the timeline name it in a line, no more.
    cards = re.findall(r'<span class="signal__title">([^<]+)</span>', html)
    assert cards and len(cards) == len(set(cards)), cards


def test_every_section_has_a_tab_that_links_to_its_anchor() -> None:
    a = flagged_alliance()
    html = signed_in(Role.VIEWER).get(f"/alliances/{a.slug}/").content.decode()
    for section in SECTIONS:
        assert f'href="#{section.id}" data-tab="{section.id}"' in html
        assert f'<section class="tab-panel" id="{section.id}"' in html
        assert f'id="{section.id}-title"' in html  # each panel is labelled by its heading
    assert "radar/tabs.js" in html


def test_no_template_sets_inline_styles() -> None:
    # A strict Content-Security-Policy blocks style="…" attributes: classes only.
    templates = list(TEMPLATES.rglob("*.html"))
    assert len(templates) > 20, f"no templates found under {TEMPLATES}"  # a wrong path passes
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in templates
        if re.search(r"\sstyle=", path.read_text())
    ]
    assert offenders == []
