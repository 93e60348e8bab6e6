"""Interactions, metric values and survey responses changed by hand are in the history,
signed by who made the change, though the model signals do not track them."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse

from radar.api.models import ApiToken
from radar.portfolio.models import Alliance, Interaction, MetricValue, Survey, SurveyResponse
from tests.api.client import ApiClient
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


def entries(model: type, action: int) -> list[LogEntry]:
    return [
        e for e in LogEntry.objects.filter(action=action) if e.content_type.model_class() is model
    ]


def test_an_interaction_logged_changed_and_deleted_is_in_the_alliances_history(
    users: dict[str, User], alliance: Alliance
) -> None:
    manager = client_for(users["manager"])
    logged = {
        "kind": "meeting",
        "ritual": "qbr",
        "occurred_at": "2026-10-01T10:00",
        "direction": "mutual",
    }
    web = manager.post(reverse("log_interaction", args=[alliance.slug]), logged)
    assert web.status_code == 302
    call = Interaction.objects.get()
    base = f"/api/alliances/{alliance.slug}/interactions/{call.pk}"
    api = ApiClient(ApiToken.issue(users["manager"], "tests")[1])  # over the API as well
    assert api.patch(base, {"subject": "Renewal terms"}).status_code == 200
    assert api.delete(base).status_code == 204

    (added,) = entries(Interaction, LogEntry.Action.CREATE)
    (changed,) = entries(Interaction, LogEntry.Action.UPDATE)
    (deleted,) = entries(Interaction, LogEntry.Action.DELETE)
    assert {added.actor, changed.actor, deleted.actor} == {users["manager"]}
    assert changed.changes_dict == {"subject": ["", "Renewal terms"]}
    assert deleted.object_id == call.pk
    assert {e.additional_data["alliance_id"] for e in (added, changed, deleted)} == {alliance.pk}
    html = client_for(users["viewer"]).get(f"/alliances/{alliance.slug}/timeline/?kind=change")
    text = html.content.decode()
    assert "Interaction changed" in text and "subject — → Renewal terms" in text
    assert "Interaction deleted" in text


def test_a_metric_value_recorded_then_corrected_says_from_what_to_what(
    users: dict[str, User], alliance: Alliance
) -> None:
    metric = alliance.metrics.get()
    manager = client_for(users["manager"])
    for value in ("12", "15", "15"):  # the third changes nothing: nothing logged
        posted = {"metric": metric.pk, "period": "2026-09", "value": value}
        assert (
            manager.post(reverse("record_metric", args=[alliance.slug]), posted).status_code == 302
        )
    assert len(entries(MetricValue, LogEntry.Action.CREATE)) == 1
    (corrected,) = entries(MetricValue, LogEntry.Action.UPDATE)
    assert corrected.changes_dict == {"value": ["12.0", "15.0"]}
    assert corrected.actor == users["manager"]
    admin = client_for(users["admin"]).get("/history/").content.decode()
    assert "Metric value changed" in admin and "value 12.0 → 15.0" in admin


def test_a_survey_response_edited_and_deleted_in_the_app_is_logged(
    users: dict[str, User], alliance: Alliance
) -> None:
    survey = Survey.objects.create(
        alliance=alliance, kind="health", title="H2", sent_on=date(2026, 9, 1), scale_max=10
    )
    manager = client_for(users["manager"])
    answer = {"survey": survey.pk, "side": "partner", "submitted_on": "2026-09-03", "score": "8"}
    assert manager.post(reverse("response_add", args=[alliance.slug]), answer).status_code == 302
    response = SurveyResponse.objects.get()
    edit = reverse("response_edit", args=[alliance.slug, response.pk])
    assert manager.post(edit, {**answer, "score": "6"}).status_code == 302
    delete = reverse("response_delete", args=[alliance.slug, response.pk])
    assert manager.post(delete, {}).status_code == 302
    assert not SurveyResponse.objects.exists()
    (changed,) = entries(SurveyResponse, LogEntry.Action.UPDATE)
    assert changed.changes_dict == {"score": ["8.0", "6.0"]}
    assert len(entries(SurveyResponse, LogEntry.Action.CREATE)) == 1
    assert len(entries(SurveyResponse, LogEntry.Action.DELETE)) == 1
    kinds = client_for(users["admin"]).get("/history/").content.decode()
    assert "Survey response" in kinds  # a kind of record to filter by


def test_bulk_writes_of_these_records_still_log_nothing(alliance: Alliance) -> None:
    Interaction.objects.bulk_create(
        Interaction(alliance=alliance, kind="email", occurred_at=f"2026-10-0{day}T09:00Z")
        for day in range(1, 8)
    )
    Interaction.objects.create(alliance=alliance, kind="call", occurred_at="2026-10-09T09:00Z")
    alliance.delete()
    assert not entries(Interaction, LogEntry.Action.CREATE)
    assert not entries(Interaction, LogEntry.Action.DELETE)
