"""Who may do what: four roles kept as Django groups, and the checks every view uses.

Roles are cumulative abilities rather than a ladder, so a reviewer can comment on
reviews without being able to edit portfolio data:

| role     | read | comment on reviews | edit portfolio data | Django admin |
| -------- | ---- | ------------------ | ------------------- | ------------ |
| viewer   | yes  |                    |                     |              |
| reviewer | yes  | yes                |                     |              |
| manager  | yes  | yes                | yes                 |              |
| admin    | yes  | yes                | yes                 | yes          |

Views declare the ability they need (`@requires(Ability.EDIT)` or
`RequiresMixin.ability = Ability.EDIT`); anonymous visitors are sent to the login
page and signed-in users without the ability get a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


class Ability(StrEnum):
    READ = "read"
    COMMENT = "comment"
    EDIT = "edit"
    ADMINISTER = "administer"


ABILITIES: dict[Role, frozenset[Ability]] = {
    Role.VIEWER: frozenset({Ability.READ}),
    Role.REVIEWER: frozenset({Ability.READ, Ability.COMMENT}),
    Role.MANAGER: frozenset({Ability.READ, Ability.COMMENT, Ability.EDIT}),
    Role.ADMIN: frozenset(Ability),
}

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.ADMIN: "Everything, including users and the Django admin.",
    Role.MANAGER: "Edits portfolio data, records reviews and decisions.",
    Role.REVIEWER: "Neutral reviewer: reads everything, challenges and comments on reviews.",
    Role.VIEWER: "Reads everything, changes nothing.",
}

AnyUser = User | AnonymousUser
_CACHE_ATTR = "_radar_roles"


def roles_of(user: AnyUser | None) -> frozenset[Role]:
    """The roles a user holds; superusers hold the admin role. Cached per request user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    names = set(user.groups.values_list("name", flat=True))
    roles = {role for role in Role if role.value in names}
    if getattr(user, "is_superuser", False):
        roles.add(Role.ADMIN)
    result = frozenset(roles)
    setattr(user, _CACHE_ATTR, result)
    return result


def abilities_of(user: AnyUser | None) -> frozenset[Ability]:
    found: set[Ability] = set()
    for role in roles_of(user):
        found |= ABILITIES[role]
    return frozenset(found)


def can(user: AnyUser | None, ability: Ability) -> bool:
    return ability in abilities_of(user)


def check(request: HttpRequest, ability: Ability) -> HttpResponse | None:
    """None when allowed; otherwise the login redirect (anonymous) — raises 403 for the rest."""
    if not request.user.is_authenticated:
        response = redirect_to_login(request.get_full_path())
        if request.headers.get("HX-Request") == "true":
            # htmx would follow a 302 and paint the login page inside a fragment;
            # HX-Redirect makes it load the sign-in page as a whole page instead.
            signin = HttpResponse(status=200)
            signin["HX-Redirect"] = response["Location"]
            return signin
        return response
    if not can(request.user, ability):
        raise PermissionDenied(f"Your role does not allow this ({ability.value}).")
    return None


View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def requires(ability: Ability) -> Callable[[View], View]:
    """Decorator for function views: `@requires(Ability.EDIT)`."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            denied = check(request, ability)
            if denied is not None:
                return denied
            return view(request, *args, **kwargs)

        wrapper.required_ability = ability  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


class RequiresMixin:
    """Mixin for class-based views: set `ability = Ability.EDIT` (default: READ)."""

    ability: Ability = Ability.READ

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        denied = check(request, self.ability)
        if denied is not None:
            return denied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc, no-any-return]


def grant_role(user: User, role: Role) -> None:
    """Put a user in a role's group; admins also get into the Django admin."""
    ensure_role_groups()
    user.groups.add(Group.objects.get(name=role.value))
    if role is Role.ADMIN and not user.is_staff:  # type: ignore[attr-defined]
        user.is_staff = True  # type: ignore[attr-defined]
        user.save(update_fields=["is_staff"])
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# Django model permissions given to each group, so the admin site (admins only)
# shows the right things; the web app itself checks abilities, not these.
_ADMIN_APPS = ("portfolio", "radar_api", "auth", "axes", "worker", "notify", "django_q")


def ensure_role_groups(**_: object) -> None:
    """Create the four role groups (idempotent); connected to post_migrate."""
    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        if role is Role.ADMIN:
            perms = Permission.objects.filter(content_type__app_label__in=_ADMIN_APPS)
            group.permissions.set(perms)
