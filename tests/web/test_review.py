"""The guided monthly review and the neutral reviewer's comments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.engine.vocab import Category
from radar.portfolio.models import (
    Alliance,
    CheckIn,
    ContextFactor,
    Interaction,
    Observation,
    ReviewComment,
)
from radar.web.refresh import refresh
from tests.web.support import client_for

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def review_url(alliance: Alliance) -> str:
    return reverse("monthly_review", args=[alliance.slug])


def answers(score: int, **extra: str) -> dict[str, str]:
    data = {
        "held_on": timezone.localdate().isoformat(),
        "spoke_with_partner": "yes",
        "priorities_shifted": "no",
        "we_are_delivering": "",
        "agreement_reviewed": "no",
        "team_changes": "Their champion moved to another unit.",
        "manual_score": str(score),
        "note_communication": "Replies are slower since the summer.",
    }
    return data | extra


@pytest.fixture(autouse=True)
def enough_data(alliance: Alliance) -> None:
    """Besides its contacts (resource), a call (communication) and an observation
    (priority): data in three categories, enough for a score."""
    last_month = timezone.now().replace(day=1) - timedelta(days=10)
    Interaction.objects.create(
        alliance=alliance, kind="call", occurred_at=last_month, partner_invited=1
    )
    Observation.objects.create(
        alliance=alliance,
        observed_on=last_month.date(),
        polarity="positive",
        title="Roadmap agreed",
    )


def computed(alliance: Alliance) -> float:
    found = refresh(alliance, timezone.localdate())
    assert found is not None and found.score is not None
    return found.score


def test_without_enough_data_it_says_so_instead_of_a_score(
    manager_client: Client, alliance: Alliance
) -> None:
    Interaction.objects.filter(alliance=alliance).delete()
    Observation.objects.filter(alliance=alliance).delete()
    found = refresh(alliance, timezone.localdate())
    assert found is not None and found.score is None
    page = manager_client.get(review_url(alliance)).content.decode()
    assert "not enough data yet for a computed score" in page


def test_it_walks_the_six_categories_and_the_checklist(
    manager_client: Client, alliance: Alliance
) -> None:
    score = computed(alliance)
    page = manager_client.get(review_url(alliance)).content.decode()
    for category in Category:
        assert f'name="note_{category.value}"' in page
    for question in (
        "spoken directly with the partner",
        "priorities shifted",
        "WE delivering",
        "agreement been reviewed",
        "Team changes",
    ):
        assert question in page
    assert f"The computed score is <strong>{score:.1f}</strong>" in page


def test_it_records_a_checkin_and_reassesses(
    manager_client: Client, alliance: Alliance, users: dict[str, User]
) -> None:
    score = computed(alliance)
    response = manager_client.post(review_url(alliance), answers(round(score)))
    assert response.status_code == 302
    checkin = CheckIn.objects.get(alliance=alliance)
    assert checkin.reviewer == users["manager"]
    assert checkin.computed_score == pytest.approx(score)
    assert (checkin.spoke_with_partner, checkin.priorities_shifted) == (True, False)
    assert checkin.we_are_delivering is None
    assert checkin.category_notes == {"communication": "Replies are slower since the summer."}
    assert alliance.assessments.filter(as_of=timezone.localdate()).exists()


def test_it_asks_for_a_neutral_reviewer_when_scores_diverge(
    manager_client: Client, alliance: Alliance
) -> None:
    score = computed(alliance)
    far = 1 if score >= 3 else 5
    data = answers(far, score_comment="Their CTO told me the programme is being cut.")
    response = manager_client.post(review_url(alliance), data, **HTMX)
    body = response.content.decode()
    assert 'data-testid="neutral-reviewer"' in body
    assert "ask a neutral reviewer" in body
    assert 'id="alliance-state"' in body
    checkin = CheckIn.objects.get()
    detail = manager_client.get(reverse("checkin", args=[alliance.slug, checkin.pk]))
    assert b"ask a neutral reviewer" in detail.content


def test_it_does_not_ask_when_the_scores_agree(manager_client: Client, alliance: Alliance) -> None:
    score = computed(alliance)
    response = manager_client.post(review_url(alliance), answers(round(score)), **HTMX)
    assert 'data-testid="neutral-reviewer"' not in response.content.decode()


def test_it_records_a_new_outside_factor_from_the_review(
    manager_client: Client, alliance: Alliance
) -> None:
    data = answers(3, context_kind="merger_acquisition", context_note="Partner is being acquired")
    manager_client.post(review_url(alliance), data)
    factor = ContextFactor.objects.get()
    assert (factor.alliance, factor.kind, factor.starts_on) == (
        alliance,
        "merger_acquisition",
        timezone.localdate(),
    )


def test_it_wants_a_score(manager_client: Client, alliance: Alliance) -> None:
    data = answers(3)
    del data["manual_score"]
    response = manager_client.post(review_url(alliance), data)
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def _checkin(alliance: Alliance) -> CheckIn:
    return CheckIn.objects.create(
        alliance=alliance,
        held_on=timezone.localdate(),
        manual_score=5,
        computed_score=2.1,
        notes="<script>alert('x')</script>",
    )


def test_it_lets_a_reviewer_challenge_a_review(users: dict[str, User], alliance: Alliance) -> None:
    checkin = _checkin(alliance)
    url = reverse("checkin", args=[alliance.slug, checkin.pk])
    reviewer = client_for(users["reviewer"])
    response = reviewer.post(
        url, {"stance": "challenge", "suggested_score": "2", "body": "Data says <b>otherwise</b>."}
    )
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.neutral_reviewer
    comment = ReviewComment.objects.get()
    assert (comment.author, comment.stance, comment.suggested_score) == (
        users["reviewer"],
        "challenge",
        2,
    )
    page = reviewer.get(url).content.decode()
    assert "Data says &lt;b&gt;otherwise&lt;/b&gt;." in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>alert" not in page


def test_it_lets_viewers_read_but_not_comment(users: dict[str, User], alliance: Alliance) -> None:
    checkin = _checkin(alliance)
    url = reverse("checkin", args=[alliance.slug, checkin.pk])
    viewer = client_for(users["viewer"])
    page = viewer.get(url)
    assert page.status_code == 200 and b"Add comment" not in page.content
    assert viewer.post(url, {"stance": "comment", "body": "hi"}).status_code == 403
    assert not ReviewComment.objects.exists()


def test_it_keeps_reviewers_out_of_the_review_form(
    users: dict[str, User], alliance: Alliance
) -> None:
    assert client_for(users["reviewer"]).post(review_url(alliance), answers(3)).status_code == 403
    assert not CheckIn.objects.exists()


def test_a_score_a_point_away_from_the_radar_needs_a_reason(
    manager_client: Client, alliance: Alliance
) -> None:
    score = computed(alliance)
    far = 1 if score >= 3 else 5
    response = manager_client.post(review_url(alliance), answers(far))
    assert response.status_code == 400 and not CheckIn.objects.exists()
    assert f"from the radar&#x27;s {score:.1f}: say why" in response.content.decode()
    close = manager_client.post(review_url(alliance), answers(round(score)))
    assert close.status_code == 302  # agreeing needs no reason
    assert CheckIn.objects.get().score_comment == ""


def test_the_one_who_scored_cannot_be_the_neutral_reviewer(
    users: dict[str, User], alliance: Alliance
) -> None:
    checkin = _checkin(alliance)
    checkin.reviewer = users["manager"]
    checkin.save()
    url = reverse("checkin", args=[alliance.slug, checkin.pk])
    author = client_for(users["manager"])
    page = author.get(url).content.decode()
    assert "your comment does not count as the neutral review" in page
    assert 'value="endorse"' not in page and 'value="challenge"' not in page
    refused = author.post(url, {"stance": "endorse", "body": "I stand by it."})
    assert refused.status_code == 400 and not ReviewComment.objects.exists()
    author.post(url, {"stance": "comment", "body": "Context: their reorg."})
    checkin.refresh_from_db()
    assert not checkin.neutral_reviewer  # still waiting for someone else
    client_for(users["reviewer"]).post(url, {"stance": "endorse", "body": "Agreed."})
    checkin.refresh_from_db()
    assert checkin.neutral_reviewer
