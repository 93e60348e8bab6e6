"""People, goals, metrics, governance, surveys and action items: add, edit, delete, validate."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radar.portfolio.models import (
    ActionItem,
    Alliance,
    Assessment,
    Contact,
    Decision,
    Goal,
    GovernanceBody,
    Interaction,
    InteractionParticipant,
    MetricDefinition,
    MetricValue,
    Partner,
    Survey,
    SurveyResponse,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, alliance: Alliance, *args: object) -> str:
    return reverse(name, args=[alliance.slug, *args])


def errors(response) -> str:
    assert response.status_code == 400, response.status_code
    return response.content.decode()


def person(**fields: object) -> dict[str, object]:
    return {"name": "Cy New", "side": "partner", "role": "champion", **fields}


def test_it_adds_a_person_and_lands_on_the_list_with_the_row_marked(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(url("contact_add", alliance), person(title="CTO"))
    added = Contact.objects.get(name="Cy New")
    assert (
        response["Location"] == f"{url('contacts', alliance)}?saved={added.pk}#contact-{added.pk}"
    )
    page = manager_client.get(response["Location"]).content.decode()
    assert "Person added: Cy New." in page
    assert f'id="contact-{added.pk}" class=" is-saved"' in page and "Cy New — CTO" in page
    assert Assessment.objects.filter(alliance=alliance).exists()  # re-assessed


def test_a_champion_who_leaves_is_recorded_with_a_new_successor(
    manager_client: Client, alliance: Alliance
) -> None:
    ada = alliance.contacts.get(name="Ada Partner")
    data = person(
        name="Ada Partner",
        started_on="2024-01-01",
        ended_on="2026-10-15",
        end_reason="left",
        new_successor="Ben Next",
    )
    response = manager_client.post(url("contact_edit", alliance, ada.pk), data)
    assert response.status_code == 302
    ada.refresh_from_db()
    ben = Contact.objects.get(name="Ben Next")
    assert (ada.ended_on, ada.end_reason, ada.successor) == (date(2026, 10, 15), "left", ben)
    assert (ben.side, ben.role, ben.started_on) == ("partner", "champion", date(2026, 10, 15))
    listed = manager_client.get(url("contacts", alliance)).content.decode()
    assert "left the organisation 15 Oct 2026; Ben Next took over" in listed


@pytest.mark.parametrize("typed", ["Bo Ours", "bo ours", "Ada Partner"])
def test_a_new_successor_typed_by_name_is_not_someone_already_on_record(
    manager_client: Client, alliance: Alliance, typed: str
) -> None:
    """Typing the name of someone on record (or the leaver's own) is a form error that
    says to pick them from the list, not a person created twice (the store refuses)."""
    ada = alliance.contacts.get(name="Ada Partner")
    data = person(name="Ada Partner", ended_on="2026-10-15", end_reason="left", new_successor=typed)
    body = errors(manager_client.post(url("contact_edit", alliance, ada.pk), data))
    assert "is already on record: pick them from the list" in body
    ada.refresh_from_db()
    assert ada.ended_on is None and alliance.contacts.count() == 2


@pytest.mark.parametrize(
    ("fields", "field_error"),
    [
        (
            {"started_on": "2026-05-01", "ended_on": "2026-04-01", "end_reason": "left"},
            "They cannot leave before they started.",
        ),
        ({"end_reason": "left"}, "Say when they left the role."),
        ({"ended_on": "2026-04-01"}, "Say why they left the role."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
    ],
)
def test_it_explains_what_is_wrong_with_a_person(
    manager_client: Client, alliance: Alliance, fields: dict[str, str], field_error: str
) -> None:
    assert field_error in errors(
        manager_client.post(url("contact_add", alliance), person(**fields))
    )
    assert not Contact.objects.filter(name="Cy New").exists()


def test_a_successor_is_on_the_same_side_and_one_way_of_naming_them(
    manager_client: Client, alliance: Alliance
) -> None:
    ours = alliance.contacts.get(side="ours")
    data = person(ended_on="2026-04-01", end_reason="left", successor=ours.pk, new_successor="Z")
    body = errors(manager_client.post(url("contact_add", alliance), data))
    assert "The successor should be on the same side." in body
    assert "Pick someone from the list or type a new name, not both." in body


def test_an_email_is_unique_within_the_alliance(manager_client: Client, alliance: Alliance) -> None:
    Contact.objects.filter(name="Ada Partner").update(email="ada@northwind.example")
    body = errors(
        manager_client.post(url("contact_add", alliance), person(email="ADA@northwind.example"))
    )
    assert "Someone on this alliance already has this e-mail." in body


def test_deleting_a_person_who_took_part_in_meetings_needs_their_name(
    manager_client: Client, alliance: Alliance
) -> None:
    ada = alliance.contacts.get(name="Ada Partner")
    met = Interaction.objects.create(alliance=alliance, kind="meeting", occurred_at=timezone.now())
    InteractionParticipant.objects.create(interaction=met, contact=ada)
    delete = url("contact_delete", alliance, ada.pk)
    page = manager_client.get(delete).content.decode()
    assert "<strong>1</strong> interactions they took part in" in page
    assert "record that they left the role instead" in page
    assert errors(manager_client.post(delete, {"confirm_name": "Ada"}))
    assert manager_client.post(delete, {"confirm_name": "ada partner"}).status_code == 302
    assert not Contact.objects.filter(pk=ada.pk).exists()


def test_a_person_with_no_history_is_deleted_on_confirmation(
    manager_client: Client, alliance: Alliance
) -> None:
    bo = alliance.contacts.get(name="Bo Ours")
    response = manager_client.post(url("contact_delete", alliance, bo.pk))
    assert response["Location"] == url("contacts", alliance)
    assert not Contact.objects.filter(pk=bo.pk).exists()


def test_records_of_another_alliance_are_not_found(
    manager_client: Client, alliance: Alliance
) -> None:
    other = Alliance.objects.create(name="Other", partner=Partner.objects.create(name="P2"))
    stranger = Contact.objects.create(alliance=other, side="partner", name="Stranger")
    assert manager_client.get(url("contact_edit", alliance, stranger.pk)).status_code == 404
    assert manager_client.post(url("contact_delete", alliance, stranger.pk)).status_code == 404
    assert Contact.objects.filter(pk=stranger.pk).exists()


def test_a_goal_is_linked_to_a_metric_of_the_alliance_with_a_target(
    manager_client: Client, alliance: Alliance
) -> None:
    leads = alliance.metrics.get()
    data = {
        "title": "More leads",
        "metric": leads.pk,
        "target_value": "40",
        "target_date": "2027-06-30",
    }
    assert manager_client.post(url("goal_add", alliance), data).status_code == 302
    goal = Goal.objects.get()
    assert (goal.metric, goal.target_value) == (leads, 40.0)
    body = errors(manager_client.post(url("goal_add", alliance), {**data, "title": "MORE LEADS"}))
    assert "This alliance already has a goal with this title." in body
    body = errors(
        manager_client.post(url("goal_add", alliance), {"title": "X", "target_value": "3"})
    )
    assert "A target needs a metric to be measured against." in body


def test_a_goal_cannot_use_another_alliances_metric(
    manager_client: Client, alliance: Alliance
) -> None:
    other = Alliance.objects.create(name="Other", partner=Partner.objects.create(name="P2"))
    foreign = MetricDefinition.objects.create(alliance=other, key="x", name="X")
    body = errors(
        manager_client.post(url("goal_add", alliance), {"title": "G", "metric": foreign.pk})
    )
    assert "Select a valid choice." in body


def test_a_metric_key_is_derived_from_its_name_and_unique(
    manager_client: Client, alliance: Alliance
) -> None:
    data = {"name": "Joint revenue", "kind": "lagging", "higher_is_better": "on", "unit": "EUR"}
    assert manager_client.post(url("metricdef_add", alliance), data).status_code == 302
    assert MetricDefinition.objects.get(name="Joint revenue").key == "joint_revenue"
    body = errors(
        manager_client.post(
            url("metricdef_add", alliance), {**data, "name": "Other", "key": "LEADS"}
        )
    )
    assert "This alliance already has a metric with this key." in body


def test_deleting_a_metric_with_values_needs_its_name(
    manager_client: Client, alliance: Alliance
) -> None:
    leads = alliance.metrics.get()
    MetricValue.objects.create(metric=leads, period=date(2026, 9, 1), value=4)
    delete = url("metricdef_delete", alliance, leads.pk)
    assert "<strong>1</strong> monthly values" in manager_client.get(delete).content.decode()
    assert errors(manager_client.post(delete))
    manager_client.post(delete, {"confirm_name": "Qualified leads"})
    assert not MetricDefinition.objects.filter(pk=leads.pk).exists()


def test_a_governance_body_meets_at_least_every_day(
    manager_client: Client, alliance: Alliance
) -> None:
    data = {"name": "Steering committee", "tier": "steering", "ritual": "steering_committee"}
    body = errors(
        manager_client.post(url("governance_add", alliance), {**data, "cadence_days": "0"})
    )
    assert "Give a number of days, 1 or more." in body
    assert (
        manager_client.post(
            url("governance_add", alliance), {**data, "cadence_days": "91"}
        ).status_code
        == 302
    )
    assert GovernanceBody.objects.get().cadence_days == 91
    listed = manager_client.get(url("governance_bodies", alliance)).content.decode()
    assert "Steering" in listed and "91 days" in listed


def test_a_survey_gets_its_scale_from_its_kind_and_responses_stay_on_it(
    manager_client: Client, alliance: Alliance
) -> None:
    data = {"kind": "health", "title": "H2 health", "sent_on": "2026-09-01"}
    assert manager_client.post(url("survey_add", alliance), data).status_code == 302
    survey = Survey.objects.get()
    assert survey.scale_max == 10
    form = manager_client.get(
        url("response_add", alliance) + f"?survey={survey.pk}"
    ).content.decode()
    assert f'<option value="{survey.pk}" selected>' in form
    answer = {"survey": survey.pk, "side": "partner", "submitted_on": "2026-09-03", "score": "11"}
    assert "Scores on this survey run from 0 to 10." in errors(
        manager_client.post(url("response_add", alliance), answer)
    )
    early = {**answer, "score": "8", "submitted_on": "2026-08-01"}
    assert "This is before the survey was sent." in errors(
        manager_client.post(url("response_add", alliance), early)
    )
    response = manager_client.post(url("response_add", alliance), {**answer, "score": "8"})
    assert response["Location"].startswith(url("surveys", alliance))
    assert SurveyResponse.objects.get().score == 8


def test_an_action_item_is_changed_and_marked_done(
    manager_client: Client, alliance: Alliance
) -> None:
    decision = Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 9, 1), kind="reset", rationale="r"
    )
    item = ActionItem.objects.create(
        decision=decision, title="Call", owner="Ann", due_on=date(2026, 9, 30)
    )
    data = {
        "decision": decision.pk,
        "title": "Call their VP",
        "owner_user": User.objects.get(username="manager").pk,
        "due_on": "2026-10-15",
    }
    too_early = {**data, "done_on": "2026-08-01"}
    assert "This is before the decision was taken." in errors(
        manager_client.post(url("actionitem_edit", alliance, item.pk), too_early)
    )
    manager_client.post(
        url("actionitem_edit", alliance, item.pk), {**data, "done_on": "2026-10-01"}
    )
    item.refresh_from_db()
    assert (item.title, item.done_on) == ("Call their VP", date(2026, 10, 1))
    assert (item.owner_user.username, item.owner) == ("manager", "manager")  # owners are users


def test_record_forms_answer_htmx_in_place(manager_client: Client, alliance: Alliance) -> None:
    bad = manager_client.post(url("goal_add", alliance), {"title": ""}, **HTMX)
    assert bad.status_code == 200 and 'id="record-form"' in bad.content.decode()
    good = manager_client.post(url("goal_add", alliance), {"title": "Grow"}, **HTMX)
    assert good["HX-Redirect"].startswith(url("goals", alliance))


def test_readers_see_the_lists_without_the_edit_links(users, alliance: Alliance) -> None:
    viewer = Client()
    viewer.force_login(users["viewer"])
    page = viewer.get(url("contacts", alliance)).content.decode()
    assert "Ada Partner" in page
    assert "Add a person" not in page and "/edit/" not in page and "/delete/" not in page
