"""Goals on the alliance page: metric, target, current value, trend and status."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.models import Alliance, Goal, MetricDefinition, MetricValue
from radar.web.alliance.goals import goal_rows

pytestmark = pytest.mark.django_db


def series(metric: MetricDefinition, values: list[float]) -> None:
    today = timezone.localdate()
    for back, value in enumerate(reversed(values)):
        month = (today.year * 12 + today.month - 1) - back - 1
        MetricValue.objects.create(
            metric=metric, period=date(month // 12, month % 12 + 1, 1), value=value
        )


def test_each_goal_shows_its_metric_target_now_trend_and_status(
    manager_client: Client, alliance: Alliance
) -> None:
    leads = alliance.metrics.get()
    series(leads, [30, 28, 25, 22, 20, 18])
    cost = MetricDefinition.objects.create(
        alliance=alliance, key="cost", name="Support cost", unit="EUR", higher_is_better=False
    )
    series(cost, [900, 850, 800, 780, 760, 700])
    Goal.objects.create(alliance=alliance, title="More leads", metric=leads, target_value=40)
    Goal.objects.create(alliance=alliance, title="Cheaper support", metric=cost, target_value=750)
    Goal.objects.create(alliance=alliance, title="Be known", reviewed_on=date(2026, 2, 1))
    page = manager_client.get(reverse("alliance", args=[alliance.slug])).content.decode()
    card = page.split('id="goals-title"')[1].split("</section>")[0]
    assert "1 of 3 off target" in card and "last reviewed 1 Feb 2026" in card
    rows = {r.goal.title: r for r in goal_rows(alliance, list(alliance.goals.all()))}
    assert (rows["More leads"].status, rows["More leads"].trend) == ("at risk", "↓ falling")
    assert rows["Cheaper support"].status == "met"
    assert rows["Be known"].status == "not measured"
    assert "700 EUR" in card and "↓ falling" in card and 'chip--positive">met' in card
    assert "Add a goal" in card


def test_goals_are_judged_on_the_backtest_day(manager_client: Client, alliance: Alliance) -> None:
    leads = alliance.metrics.get()
    MetricValue.objects.create(metric=leads, period=date(2025, 1, 1), value=50)
    MetricValue.objects.create(metric=leads, period=date(2025, 6, 1), value=10)
    goal = Goal.objects.create(alliance=alliance, title="Leads", metric=leads, target_value=40)
    (then,) = goal_rows(alliance, [goal], date(2025, 3, 1))
    (now,) = goal_rows(alliance, [goal], date(2025, 7, 1))
    assert (then.status, now.status) == ("met", "at risk")


def test_a_goal_review_marks_every_goal_and_ends_the_drift(
    manager_client: Client, alliance: Alliance
) -> None:
    Goal.objects.create(alliance=alliance, title="A", reviewed_on=date(2024, 1, 1))
    Goal.objects.create(alliance=alliance, title="B")
    response = manager_client.post(reverse("goals_reviewed", args=[alliance.slug]))
    assert response["Location"] == reverse("goals", args=[alliance.slug])
    assert set(alliance.goals.values_list("reviewed_on", flat=True)) == {timezone.localdate()}
    page = manager_client.get(response["Location"]).content.decode()
    assert "2 goals marked as reviewed today." in page


def test_the_card_counts_the_agreement_review_as_the_goals_review(
    manager_client: Client, alliance: Alliance
) -> None:
    from radar.portfolio.models import Agreement

    Goal.objects.create(alliance=alliance, title="A", reviewed_on=date(2026, 1, 5))
    Agreement.objects.create(alliance=alliance, last_reviewed_on=date(2026, 3, 1))
    page = manager_client.get(reverse("alliance", args=[alliance.slug])).content.decode()
    assert "last reviewed 1 Mar 2026 (with the agreement)" in page
