"""The alliance page: header, evidence, people warnings, timeline, agreement, decisions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from django.test import Client

from radar.accounts.roles import Role, grant_role
from radar.engine.assessment import Evidence, EvidencePoint
from radar.engine.vocab import Category
from radar.portfolio.models import (
    ActionItem,
    Agreement,
    Assessment,
    CheckIn,
    Contact,
    Decision,
    Deliverable,
    GovernanceBody,
    Interaction,
    InteractionParticipant,
    MetricDefinition,
    MetricValue,
    Observation,
)
from tests.web import pagedata as pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_pagedata_day")]


@pytest.fixture
def northwind():
    a = pd.alliance("Northwind Cloud")
    signals = (
        pd.signal(),
        pd.signal(Category.RESOURCE, title="Partner team shrank", confirmed=False, external=True),
    )
    pd.store(pd.assessment(a, 2.4, signals=signals, systemic=True))
    return a


def test_it_shows_score_phase_recommendation_and_evidence(client_in, northwind) -> None:
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "<h1>Northwind Cloud</h1>" in html
    assert "score--lg" in html and "2.4" in html
    assert "Reset the relationship with a joint review" in html
    assert "Communication fell from 4.0 to 2.1: replies slower." in html  # why it moved
    assert "Partner replies are slower" in html and "confirmed · 3 periods" in html
    assert "watching · 1 of 3" in html and "possibly external" in html
    assert "baseline <strong>9 h</strong>" in html and "threshold <strong>18 h</strong>" in html
    assert "<td>2026-09</td>" in html and "<td>31</td>" in html  # evidence data points
    assert "Spoke with the partner in the last 30 days?" in html  # checklist
    assert 'id="score-data"' in html  # chart data for Chart.js
    assert "vendor/chart.umd.min.js" in html  # loaded by charts.js when a chart is on the page


def test_the_evidence_table_names_what_its_labels_are(client_in) -> None:
    a = pd.alliance("Northwind Cloud")
    by_goal = dataclasses.replace(
        pd.signal(title="Goals are drifting"),
        evidence=Evidence(
            summary="goals against their targets",
            points=(EvidencePoint("Joint revenue", "40,800 of 110,000 (at risk)"),),
            points_of="goal",
        ),
    )
    pd.store(pd.assessment(a, 3.1, signals=(by_goal,)))
    html = client_in.get(f"/alliances/{a.slug}/").content.decode()
    assert '<th scope="row">Goal</th><td>Joint revenue</td>' in html
    assert '<th scope="row">Period</th>' not in html


def test_an_assessment_stored_before_points_of_existed_reads_periods(client_in, northwind) -> None:
    stored = Assessment.objects.get(alliance=northwind)
    for s in stored.payload["signals"]:
        del s["evidence"]["points_of"]
    stored.save()
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert '<th scope="row">Period</th><td>2026-08</td>' in html


def test_it_warns_about_a_single_point_of_contact_and_a_champion_who_left(
    client_in, northwind
) -> None:
    Contact.objects.create(
        alliance=northwind, side="partner", name="Priya Raman", role="alliance_manager"
    )
    Contact.objects.create(
        alliance=northwind,
        side="partner",
        name="Tom Ellis",
        role="champion",
        started_on=date(2023, 1, 1),
        ended_on=date(2026, 9, 30),
        end_reason="left",
    )
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "Single point of contact: Priya Raman" in html
    assert "Champion change: Tom Ellis (partner side) left the organisation on 30 Sep 2026" in html
    assert "no successor named" in html
    assert "3 yr 9 mo" in html  # tenure


def test_it_draws_cross_organisation_connections(client_in, northwind) -> None:
    ours = Contact.objects.create(alliance=northwind, side="ours", name="Ana Ours")
    theirs = Contact.objects.create(alliance=northwind, side="partner", name="Ben Theirs")
    for day in (3, 10):
        meeting = Interaction.objects.create(
            alliance=northwind, kind="meeting", occurred_at=datetime(2026, 10, day, tzinfo=UTC)
        )
        InteractionParticipant.objects.create(interaction=meeting, contact=ours)
        InteractionParticipant.objects.create(interaction=meeting, contact=theirs)
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "Ana Ours — Ben Theirs: 2 shared meetings" in html


def test_the_timeline_merges_interactions_reviews_decisions_and_signals(
    client_in, northwind
) -> None:
    Interaction.objects.create(
        alliance=northwind,
        kind="meeting",
        ritual="qbr",
        subject="Q3 business review",
        occurred_at=datetime(2026, 10, 2, tzinfo=UTC),
    )
    CheckIn.objects.create(alliance=northwind, held_on=date(2026, 10, 20), manual_score=3)
    Decision.objects.create(
        alliance=northwind,
        decided_on=date(2026, 11, 1),
        kind="reset",
        rationale="Joint reset workshop",
    )
    Observation.objects.create(
        alliance=northwind,
        observed_on=date(2026, 10, 5),
        title="Partner launched a rival connector",
        source="external",
    )
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    timeline = html[html.index('id="timeline"') :]
    order = [
        "Decision: Reset",
        ">Health review<",  # not "Health review added" (the record's history, newer)
        "External signal: Partner launched a rival connector",
        "QBR (meeting)",
        "Signal confirmed: Partner replies are slower",
    ]
    positions = [timeline.index(t) for t in order]
    assert positions == sorted(positions)


def test_it_shows_agreement_governance_deliverables_metrics_and_actions(
    client_in, northwind
) -> None:
    Agreement.objects.create(
        alliance=northwind,
        renegotiation_on=date(2027, 1, 31),
        next_review_on=date(2026, 10, 1),
        exit_notice_days=90,
    )
    GovernanceBody.objects.create(
        alliance=northwind,
        tier="steering",
        name="Steering committee",
        ritual="steering_committee",
        cadence_days=90,
    )
    Interaction.objects.create(
        alliance=northwind,
        kind="meeting",
        ritual="steering_committee",
        occurred_at=datetime(2026, 6, 1, tzinfo=UTC),
    )
    Deliverable.objects.create(
        alliance=northwind,
        title="Joint reference architecture",
        side="partner",
        due_on=date(2026, 10, 1),
    )
    metric = MetricDefinition.objects.create(
        alliance=northwind, key="leads", name="Joint leads", target=20
    )
    for month in range(1, 11):
        MetricValue.objects.create(metric=metric, period=date(2026, month, 1), value=30 - month * 2)
    decision = Decision.objects.create(
        alliance=northwind, decided_on=date(2026, 9, 1), kind="reset", rationale="Reset"
    )
    ActionItem.objects.create(
        decision=decision, title="Book the reset workshop", owner="Dana", due_on=date(2026, 10, 1)
    )
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "31 Jan 2027" in html and "90 days" in html
    assert "Steering committee" in html and "30 Aug 2026 (overdue)" in html
    assert "Joint reference architecture" in html and "overdue" in html
    assert "Joint leads" in html and "off target" in html and 'id="metric-data-0"' in html
    assert "Book the reset workshop" in html and "— Dana" in html
    assert "overdue since 1 Oct 2026" in html


def test_the_state_partial_renders_alone_for_htmx_swaps(client_in, northwind) -> None:
    html = client_in.get(f"/alliances/{northwind.slug}/state/").content.decode()
    assert html.lstrip().startswith('<div id="alliance-state"')
    assert "Reset the relationship with a joint review" in html and "<html" not in html
    assert "Partner replies are slower" not in html  # signals live in their own section


def test_notes_and_names_are_escaped(client_in, northwind) -> None:
    Observation.objects.create(
        alliance=northwind, observed_on=date(2026, 11, 1), title="<script>alert('x')</script>"
    )
    Contact.objects.create(alliance=northwind, side="partner", name="<img src=x onerror=alert(1)>")
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "<script>alert(" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html


def test_editors_see_the_action_slot_and_viewers_do_not(northwind) -> None:
    viewer, manager = Client(), Client()
    viewer.force_login(pd.user("viewer"))
    boss = pd.user("boss")
    grant_role(boss, Role.MANAGER)
    manager.force_login(boss)
    assert "Monthly review" not in viewer.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "Monthly review" in manager.get(f"/alliances/{northwind.slug}/").content.decode()


def test_an_unknown_alliance_is_a_404(client_in) -> None:
    assert client_in.get("/alliances/nope/").status_code == 404


def test_it_says_when_the_assessment_is_old(client_in) -> None:
    a = pd.alliance("Stale Data")
    pd.store(pd.assessment(a, as_of=date(2026, 9, 1)))
    html = client_in.get(f"/alliances/{a.slug}/").content.decode()
    assert "This assessment is from 1 Sep 2026." in html


def test_a_fresh_assessment_has_no_age_note(client_in, northwind) -> None:
    html = client_in.get(f"/alliances/{northwind.slug}/").content.decode()
    assert "This assessment is from" not in html


def test_an_alliance_the_engine_cannot_assess_still_renders(
    client_in, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise NotImplementedError

    monkeypatch.setattr("radar.web.alliance.data.evaluate_portfolio", unavailable)  # the page
    # and the dashboard
    monkeypatch.setattr("radar.web.dashboard.portfolio.evaluate_portfolio", unavailable)
    a = pd.alliance("Brand New")
    page = client_in.get(f"/alliances/{a.slug}/")
    assert page.status_code == 200
    assert "Not assessed yet" in page.content.decode()
    dashboard = client_in.get("/").content.decode()
    assert "not assessed" in dashboard
