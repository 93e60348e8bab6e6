"""The agreement: recorded and edited in the app, reviews roll the next date forward,
hygiene flags on its page and on the alliance page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.agreement_reviews import months_after, record_review
from radar.portfolio.models import Agreement, Alliance, Assessment

pytestmark = pytest.mark.django_db


def url(name: str, alliance: Alliance) -> str:
    return reverse(name, args=[alliance.slug])


def test_months_after_keeps_the_day_or_the_months_end() -> None:
    assert months_after(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert months_after(date(2026, 11, 15), 6) == date(2027, 5, 15)


def test_it_records_the_agreement_and_works_out_the_next_review(
    manager_client: Client, alliance: Alliance
) -> None:
    data = {
        "signed_on": "2025-01-10",
        "renewal_on": "2027-01-10",
        "review_clause": "Joint review every six months",
        "review_interval_months": "6",
        "last_reviewed_on": "2026-07-01",
        "exit_clause": "90 days' notice",
        "exit_notice_days": "90",
        "document_url": "intranet.example/deal",
    }
    response = manager_client.post(url("edit_agreement", alliance), data)
    assert response["Location"] == url("agreement", alliance)
    agreement = Agreement.objects.get(alliance=alliance)
    assert agreement.next_review_on == date(2027, 1, 1)
    assert agreement.document_url == "https://intranet.example/deal"
    assert Assessment.objects.filter(alliance=alliance).exists()


def test_it_refuses_dates_that_contradict_each_other(
    manager_client: Client, alliance: Alliance
) -> None:
    data = {
        "signed_on": "2025-01-10",
        "renewal_on": "2024-12-31",
        "last_reviewed_on": "2026-07-01",
        "next_review_on": "2026-06-01",
    }
    response = manager_client.post(url("edit_agreement", alliance), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "This is before the agreement was signed." in body
    assert "The next review comes after the last one." in body
    assert not Agreement.objects.exists()


def test_recording_a_review_rolls_the_next_review_forward(
    manager_client: Client, alliance: Alliance
) -> None:
    Agreement.objects.create(
        alliance=alliance, review_interval_months=6, next_review_on=date(2026, 6, 1)
    )
    day = timezone.localdate() - timedelta(days=3)
    response = manager_client.post(url("review_agreement", alliance), {"reviewed_on": day})
    agreement = Agreement.objects.get()
    assert (agreement.last_reviewed_on, agreement.next_review_on) == (day, months_after(day, 6))
    page = manager_client.get(response["Location"]).content.decode()
    assert f"Next review due {months_after(day, 6):%-d %b %Y}." in page


def test_a_review_without_an_interval_asks_for_the_next_date(
    manager_client: Client, alliance: Alliance
) -> None:
    Agreement.objects.create(alliance=alliance, next_review_on=date(2026, 6, 1))
    day = timezone.localdate()
    response = manager_client.post(url("review_agreement", alliance), {"reviewed_on": day})
    assert response.status_code == 400
    assert "say when the next review is due" in response.content.decode()
    later = day + timedelta(days=100)
    manager_client.post(
        url("review_agreement", alliance), {"reviewed_on": day, "next_review_on": later}
    )
    assert Agreement.objects.get().next_review_on == later


def test_a_review_cannot_be_in_the_future_and_an_older_one_does_not_go_back(
    alliance: Alliance, manager_client: Client
) -> None:
    agreement = Agreement.objects.create(alliance=alliance, review_interval_months=12)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = manager_client.post(url("review_agreement", alliance), {"reviewed_on": tomorrow})
    assert "A review is recorded once it has happened." in response.content.decode()
    record_review(agreement, date(2026, 5, 1))
    record_review(agreement, date(2026, 3, 1), next_on=date(2027, 1, 1))
    assert agreement.last_reviewed_on == date(2026, 5, 1)  # the later review stays the last


def test_the_agreement_page_and_the_alliance_page_show_its_hygiene(
    users, alliance: Alliance
) -> None:
    today = timezone.localdate()
    Agreement.objects.create(
        alliance=alliance,
        review_clause="Yearly",
        renewal_on=today + timedelta(days=80),
        exit_notice_days=30,
    )
    viewer = Client()
    viewer.force_login(users["viewer"])
    page = viewer.get(url("agreement", alliance)).content.decode()
    assert "has no exit clause" not in page  # a notice period is an exit clause
    assert "The renewal is due in 80 days" in page
    assert "The last day to give exit notice is due in 50 days" in page
    assert "Record a review" not in page  # viewers read
    alliance_page = viewer.get(reverse("alliance", args=[alliance.slug])).content.decode()
    assert 'id="agreement-hygiene"' in alliance_page
    assert "The renewal is due in 80 days" in alliance_page


def test_missing_clauses_are_flagged_and_deleting_the_agreement_asks_first(
    manager_client: Client, alliance: Alliance
) -> None:
    Agreement.objects.create(alliance=alliance)
    page = manager_client.get(url("agreement", alliance)).content.decode()
    assert "has no periodic review clause" in page and "has no exit clause" in page
    assert (
        "This cannot be undone"
        in manager_client.get(url("delete_agreement", alliance)).content.decode()
    )
    manager_client.post(url("delete_agreement", alliance))
    assert not Agreement.objects.exists()


def test_the_hygiene_flags_have_human_names() -> None:
    from radar.web.present import humanize_code

    assert humanize_code("agreement_exit_notice_due") == "Exit notice deadline coming up"
    assert humanize_code("agreement_no_review_clause") == "No review clause in the agreement"
