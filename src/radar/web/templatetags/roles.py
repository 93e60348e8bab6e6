"""`{% load roles %}` then `{% if user|can:"edit" %}` — role checks in templates."""

from __future__ import annotations

from django import template

from radar.accounts.roles import Ability, AnyUser
from radar.accounts.roles import can as user_can

register = template.Library()


@register.filter
def can(user: AnyUser | None, ability: str) -> bool:
    return user_can(user, Ability(ability))
