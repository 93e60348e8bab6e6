"""Who hears about an alliance, and how: owners, opted-in administrators, preferences."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from radar.accounts.roles import Role, roles_of
from radar.notify.models import NO_DIGEST, Preference


@dataclass(frozen=True)
class Choices:
    """A user's preferences, or the defaults for a user who never set any."""

    kinds: frozenset[str] = frozenset({"systemic", "drop", "response", "watch"})
    in_app: bool = True
    by_email: bool = True
    chat_url: str = ""  # set only when the user chose chat
    digest_day: int = 0
    all_alliances: bool = False
    muted: frozenset[int] = field(default_factory=frozenset)

    @property
    def wants_digest(self) -> bool:
        return self.digest_day != NO_DIGEST


def choices_of(preference: Preference | None) -> Choices:
    if preference is None:
        return Choices()
    kinds = {k for k in ("systemic", "drop", "response", "watch") if preference.wants(k)}
    return Choices(
        kinds=frozenset(kinds),
        in_app=preference.in_app,
        by_email=preference.by_email,
        chat_url=preference.chat_url if preference.by_chat else "",
        digest_day=preference.digest_day,
        all_alliances=preference.all_alliances,
        muted=frozenset(m.pk for m in preference.muted.all()),
    )


def choices_for(users: Iterable[User]) -> dict[int, Choices]:
    """Each user's choices in two queries (preferences with their muted alliances)."""
    ids = [u.pk for u in users]
    found = Preference.objects.filter(user_id__in=ids).prefetch_related("muted")
    by_user = {p.user_id: choices_of(p) for p in found}
    return {pk: by_user.get(pk, Choices()) for pk in ids}


def is_admin(user: User) -> bool:
    return Role.ADMIN in roles_of(user)


def active_users() -> list[User]:
    return list(User.objects.filter(is_active=True).order_by("pk"))
