"""The role helpers: groups exist after migrate, abilities per role, view guards."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from radar.accounts.roles import Ability, Role, abilities_of, can, grant_role, requires

pytestmark = pytest.mark.django_db


def _user(name: str, role: Role | None = None) -> User:
    user = User.objects.create_user(name, password="pw-for-tests")
    if role is not None:
        grant_role(user, role)
    return User.objects.get(pk=user.pk)


def test_it_creates_one_group_per_role_on_migrate() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_it_gives_each_role_its_abilities() -> None:
    assert abilities_of(_user("v", Role.VIEWER)) == {Ability.READ}
    assert abilities_of(_user("r", Role.REVIEWER)) == {Ability.READ, Ability.COMMENT}
    manager = _user("m", Role.MANAGER)
    assert can(manager, Ability.EDIT) and not can(manager, Ability.ADMINISTER)
    assert abilities_of(_user("a", Role.ADMIN)) == set(Ability)


def test_it_gives_nothing_to_users_without_a_role_or_inactive_or_anonymous() -> None:
    assert abilities_of(_user("nobody")) == set()
    inactive = _user("gone", Role.MANAGER)
    inactive.is_active = False
    assert abilities_of(inactive) == set()
    assert abilities_of(AnonymousUser()) == set()


def test_it_treats_superusers_as_admins() -> None:
    root = User.objects.create_superuser("root", password="pw-for-tests")
    assert can(root, Ability.ADMINISTER)


def test_it_lets_admins_into_the_django_admin() -> None:
    assert _user("a", Role.ADMIN).is_staff


def test_it_redirects_anonymous_and_forbids_the_wrong_role() -> None:
    @requires(Ability.EDIT)
    def view(request: object) -> HttpResponse:
        return HttpResponse("ok")

    request = RequestFactory().get("/x/")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302 and "/login/" in response["Location"]

    request.user = _user("v", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        view(request)

    request.user = _user("m", Role.MANAGER)
    assert view(request).content == b"ok"


def test_it_grants_a_role_from_the_command_line() -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    user = _user("pat", Role.VIEWER)
    call_command("grant_role", "pat", "manager", "--only", stdout=StringIO())
    assert abilities_of(User.objects.get(pk=user.pk)) == {
        Ability.READ,
        Ability.COMMENT,
        Ability.EDIT,
    }
    assert list(User.objects.get(pk=user.pk).groups.values_list("name", flat=True)) == ["manager"]
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("grant_role", "ghost", "viewer", stdout=StringIO())


def test_it_sends_an_expired_htmx_session_to_the_sign_in_page() -> None:
    @requires(Ability.READ)
    def view(request: object) -> HttpResponse:
        return HttpResponse("ok")

    request = RequestFactory().post("/alliances/x/log/observation/", HTTP_HX_REQUEST="true")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/accounts/login/?next=/alliances/x/")
