"""The entry forms: each save writes, re-evaluates and answers HTMX or a plain post."""

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
    ContextFactor,
    Decision,
    Deliverable,
    Interaction,
    MetricValue,
    Observation,
    Partner,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, alliance: Alliance, **kwargs: object) -> str:
    return reverse(name, kwargs={"slug": alliance.slug, **kwargs})


def test_it_logs_an_interaction_with_participants_and_reassesses(
    manager_client: Client, alliance: Alliance
) -> None:
    people = list(alliance.contacts.values_list("pk", flat=True))
    response = manager_client.post(
        url("log_interaction", alliance),
        {
            "kind": "meeting",
            "ritual": "qbr",
            "occurred_at": "2026-10-01T10:00",
            "direction": "mutual",
            "subject": "Quarterly review",
            "participants": people,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("alliance", args=[alliance.slug])
    meeting = Interaction.objects.get(alliance=alliance)
    assert (meeting.partner_invited, meeting.partner_attended, meeting.ours_attended) == (1, 1, 1)
    assert meeting.attendance.count() == 2
    assert Assessment.objects.filter(alliance=alliance, as_of=timezone.localdate()).exists()


def test_it_answers_htmx_with_the_alliance_state_and_a_blank_form(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(
        url("add_observation", alliance),
        {
            "observed_on": "2026-10-02",
            "title": "Partner announced a rival programme",
            "category": "priority",
            "polarity": "negative",
            "kind": "competing_initiative",
            "source": "external",
        },
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert 'id="alliance-state"' in body
    assert "Observation recorded." in body
    assert 'id="entry-form"' in body and 'hx-swap-oob="true"' in body
    assert "Partner announced" not in body.split('id="entry-form"')[1]  # the form is blank
    assert Observation.objects.get(alliance=alliance).source == "external"


def test_it_puts_errors_back_into_the_form_for_htmx(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(url("add_observation", alliance), {"title": ""}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#entry-form"
    assert "This field is required." in response.content.decode()
    assert not Observation.objects.exists()


def test_it_shows_errors_with_a_400_without_htmx_and_writes_nothing(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(url("log_interaction", alliance), {"kind": "fax"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Interaction.objects.exists()


def test_it_adds_then_updates_a_deliverable(manager_client: Client, alliance: Alliance) -> None:
    data = {"title": "Joint demo", "side": "partner", "due_on": "2026-09-30", "status": "open"}
    assert manager_client.post(url("add_deliverable", alliance), data).status_code == 302
    item = Deliverable.objects.get()
    edit = url("edit_deliverable", alliance, pk=item.pk)
    missing_date = manager_client.post(edit, {**data, "status": "done"})
    assert missing_date.status_code == 400
    assert "Say when it was done." in missing_date.content.decode()
    done = manager_client.post(edit, {**data, "status": "done", "done_on": "2026-10-03"})
    assert done.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.done_on) == ("done", date(2026, 10, 3))


def test_it_refuses_a_deliverable_of_another_alliance(
    manager_client: Client, alliance: Alliance
) -> None:
    other = Alliance.objects.create(name="Other", partner=Partner.objects.create(name="P2"))
    item = Deliverable.objects.create(alliance=other, title="X", side="ours", due_on=date.today())
    assert manager_client.get(url("edit_deliverable", alliance, pk=item.pk)).status_code == 404


def test_it_keeps_one_metric_value_per_month(manager_client: Client, alliance: Alliance) -> None:
    metric = alliance.metrics.get()
    for value in ("12", "15"):
        response = manager_client.post(
            url("record_metric", alliance),
            {"metric": metric.pk, "period": "2026-09", "value": value},
        )
        assert response.status_code == 302
    stored = MetricValue.objects.get(metric=metric)
    assert (stored.period, stored.value) == (date(2026, 9, 1), 15.0)


def test_it_adds_a_portfolio_wide_context_factor(
    manager_client: Client, alliance: Alliance
) -> None:
    base = {"kind": "downturn", "starts_on": "2026-03-01", "note": "Sector slowdown"}
    backwards = manager_client.post(
        url("add_context_factor", alliance), {**base, "ends_on": "2026-01-01"}
    )
    assert backwards.status_code == 400
    manager_client.post(url("add_context_factor", alliance), {**base, "whole_portfolio": "on"})
    assert ContextFactor.objects.get().alliance is None


def _decision(kind: str, actions: list[tuple[str, str, str]]) -> dict[str, str]:
    data = {
        "decided_on": "2026-10-05",
        "kind": kind,
        "rationale": "Three quiet months and a champion who left.",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    for i, (title, owner, due) in enumerate(actions):
        user = User.objects.filter(username=owner).first()
        data |= {
            f"actions-{i}-title": title,
            f"actions-{i}-owner_user": str(user.pk) if user else "",
            f"actions-{i}-due_on": due,
        }
    return data


def test_it_records_a_decision_with_its_action_items(
    manager_client: Client, alliance: Alliance, users: dict
) -> None:
    users["admin"].first_name, users["admin"].last_name = "Ada", "Lovelace"
    users["admin"].save()
    data = _decision(
        "reset",
        [("Meet the new sponsor", "manager", "2026-10-20"), ("Replan", "admin", "2026-11-01")],
    )
    assert manager_client.post(url("record_decision", alliance), data).status_code == 302
    decision = Decision.objects.get()
    assert decision.decided_by == users["manager"]
    owners = ActionItem.objects.order_by("due_on").values_list("owner_user__username", "owner")
    assert list(owners) == [("manager", "manager"), ("admin", "Ada Lovelace")]


def test_it_asks_a_reset_for_at_least_one_action(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(url("record_decision", alliance), _decision("exit", []))
    assert response.status_code == 400
    assert "needs at least one action item" in response.content.decode()
    assert not Decision.objects.exists()


def test_it_wants_an_owner_and_due_date_on_each_action(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(
        url("record_decision", alliance), _decision("monitor", [("Call them", "", "")])
    )
    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_it_needs_the_csrf_token(users: dict, alliance: Alliance) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["manager"])
    response = strict.post(url("add_observation", alliance), {"title": "x"})
    assert response.status_code == 403
    page = strict.get(url("add_observation", alliance)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_it_ignores_a_next_url_on_another_site(manager_client: Client, alliance: Alliance) -> None:
    response = manager_client.post(
        url("add_observation", alliance) + "?next=https://evil.example/",
        {
            "observed_on": "2026-10-02",
            "title": "t",
            "polarity": "neutral",
            "kind": "other",
            "source": "internal",
        },
    )
    assert response["Location"] == reverse("alliance", args=[alliance.slug])


def test_it_renders_every_form_page_for_a_manager(
    manager_client: Client, alliance: Alliance
) -> None:
    for name in (
        "log_interaction",
        "add_deliverable",
        "record_metric",
        "add_observation",
        "add_context_factor",
        "record_decision",
        "monthly_review",
    ):
        response = manager_client.get(url(name, alliance))
        assert response.status_code == 200, name
        assert b"<label" in response.content
        assert b'name="csrfmiddlewaretoken"' in response.content, name


def test_it_says_how_the_score_moved() -> None:
    from radar.web.refresh import score_change

    before, after = Assessment(score=3.14), Assessment(score=2.0)
    assert score_change(before, after) == "Score now 2.0 (was 3.1)."
    assert score_change(Assessment(score=2.04), after) == "Score 2.0."
    assert score_change(None, after) == "Score 2.0."
    assert "could not be recalculated" in score_change(before, None)


def test_it_answers_a_decision_over_htmx_with_a_blank_form(
    manager_client: Client, alliance: Alliance
) -> None:
    data = _decision("reset", [("Meet the new sponsor", "manager", "2026-10-20")])
    response = manager_client.post(url("record_decision", alliance), data, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Decision recorded: Reset." in body
    fresh = body.split('id="entry-form"')[1]
    assert 'hx-swap-oob="true"' in fresh and "Meet the new sponsor" not in fresh
    assert 'name="actions-TOTAL_FORMS"' in fresh


def test_it_puts_decision_errors_back_in_place_for_htmx(
    manager_client: Client, alliance: Alliance
) -> None:
    response = manager_client.post(url("record_decision", alliance), _decision("exit", []), **HTMX)
    assert response["HX-Retarget"] == "#entry-form"
    assert "needs at least one action item" in response.content.decode()


def test_it_lists_open_deliverables_to_update(manager_client: Client, alliance: Alliance) -> None:
    today = timezone.localdate()
    late = Deliverable.objects.create(
        alliance=alliance, title="API spec", side="partner", due_on=today
    )
    Deliverable.objects.create(
        alliance=alliance,
        title="Old launch",
        side="ours",
        due_on=today,
        status="done",
        done_on=today,
    )
    page = manager_client.get(url("add_deliverable", alliance)).content.decode()
    assert url("edit_deliverable", alliance, pk=late.pk) in page
    assert "Old launch" not in page


def test_it_keeps_the_data_when_the_engine_fails(
    manager_client: Client, alliance: Alliance, monkeypatch: pytest.MonkeyPatch
) -> None:
    from radar.portfolio.assessments import EvaluationFailed

    def broken(alliance_id: int, as_of: date) -> None:
        raise EvaluationFailed("Northwind Cloud", as_of)

    monkeypatch.setattr("radar.web.refresh.reassess_alliance", broken)
    data = {
        "observed_on": "2026-10-02",
        "title": "t",
        "polarity": "neutral",
        "kind": "other",
        "source": "internal",
    }
    response = manager_client.post(url("add_observation", alliance), data, **HTMX)
    assert response.status_code == 200
    assert "could not be recalculated" in response.content.decode()
    assert Observation.objects.filter(alliance=alliance).count() == 1


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("add_observation", "observed_on"),
        ("add_context_factor", "starts_on"),
        ("record_decision", "decided_on"),
    ],
)
def test_it_dates_a_new_entry_today_unless_told_otherwise(
    manager_client: Client, alliance: Alliance, name: str, field: str
) -> None:
    today = timezone.localdate().isoformat()
    page = manager_client.get(url(name, alliance)).content.decode()
    assert f'name="{field}" value="{today}"' in page
