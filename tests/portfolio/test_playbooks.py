"""Playbooks: a reset or an exit turns into actions, from templates admins edit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from radar.portfolio.models import Alliance, Decision, Partner, Playbook, PlaybookStep
from radar.portfolio.playbooks import apply_playbook, owner_for
from tests.portfolio.playbook_defaults import DEFAULT_PLAYBOOKS, add_defaults
from tests.web.support import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def defaults() -> None:
    # Transactional tests elsewhere flush what the migration made: make sure they exist.
    add_defaults(Playbook, PlaybookStep)


def decision(kind: str, owner: User | None = None) -> Decision:
    partner, _ = Partner.objects.get_or_create(name="Northwind Labs")
    alliance, _ = Alliance.objects.get_or_create(
        name="Northwind", defaults={"partner": partner, "owner": owner}
    )
    return Decision.objects.create(
        alliance=alliance, decided_on=date(2026, 9, 1), kind=kind, rationale="Why"
    )


def test_a_new_install_has_a_reset_and_an_exit_playbook() -> None:
    assert set(Playbook.objects.values_list("response", flat=True)) >= {"reset", "exit"}
    for kind, (_name, _intro, steps) in DEFAULT_PLAYBOOKS.items():
        playbook = Playbook.objects.get(response=kind)
        assert [s.title for s in playbook.steps.all()] == [title for title, _days in steps]
    assert add_defaults(Playbook, PlaybookStep) == 0  # never twice


def test_an_exit_becomes_its_playbooks_actions_owned_by_the_alliance_owner() -> None:
    owner = User.objects.create_user("dana", first_name="Dana", last_name="Ortiz")
    exit_ = decision("exit", owner)
    made = apply_playbook(exit_, owner_for(exit_, fallback=None))
    steps = list(Playbook.objects.get(response="exit").steps.all())
    assert [a.title for a in made] == [s.title for s in steps]
    assert {a.owner_user for a in made} == {owner} and {a.owner for a in made} == {"Dana Ortiz"}
    assert [a.due_on for a in made] == [
        date(2026, 9, 1) + timedelta(days=s.due_after_days) for s in steps
    ]


def test_without_an_owning_user_the_person_deciding_owns_them() -> None:
    me = User.objects.create_user("me")
    reset = decision("reset")
    assert owner_for(reset, fallback=me) == me


def test_an_edited_or_switched_off_playbook_is_what_applies() -> None:
    reset = Playbook.objects.get(response="reset")
    reset.steps.all().delete()
    PlaybookStep.objects.create(playbook=reset, title="Our own first step", due_after_days=3)
    assert [a.title for a in apply_playbook(decision("reset"))] == ["Our own first step"]
    reset.active = False
    reset.save()
    assert apply_playbook(Decision.objects.first()) == []
    assert apply_playbook(decision("monitor")) == []  # no playbook for monitoring


def test_an_admin_edits_a_playbook_in_the_admin_and_the_next_exit_follows_it(
    users: dict[str, User],
) -> None:
    exit_playbook = Playbook.objects.get(response="exit")
    steps = list(exit_playbook.steps.all())
    admin = client_for(users["admin"])
    change = reverse("admin:portfolio_playbook_change", args=[exit_playbook.pk])
    assert admin.get(change).status_code == 200
    form = {
        "response": "exit",
        "name": exit_playbook.name,
        "intro": exit_playbook.intro,
        "active": "on",
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": str(len(steps)),
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for i, step in enumerate(steps):
        form |= {
            f"steps-{i}-id": str(step.pk),
            f"steps-{i}-playbook": str(exit_playbook.pk),
            f"steps-{i}-order": str(step.order),
            f"steps-{i}-title": "Tell the partner's sponsor in person" if i == 0 else step.title,
            f"steps-{i}-due_after_days": "2" if i == 0 else str(step.due_after_days),
        }
    assert admin.post(change, form).status_code == 302
    made = apply_playbook(decision("exit"))
    assert (made[0].title, made[0].due_on) == (
        "Tell the partner's sponsor in person",
        date(2026, 9, 1) + timedelta(days=2),
    )
    assert client_for(users["manager"]).get(change).status_code in (302, 403)  # admins only
