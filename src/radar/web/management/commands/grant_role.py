"""`radar manage grant_role USERNAME ROLE [--only]`: give a user a role (admin, manager,
reviewer, viewer)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser

from radar.accounts.roles import ROLE_DESCRIPTIONS, Role, grant_role
from radar.web.management.users import user_named


class Command(BaseCommand):
    help = "Give a user one of the roles: " + "; ".join(
        f"{role.value}: {text}" for role, text in ROLE_DESCRIPTIONS.items()
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=[r.value for r in Role])
        parser.add_argument("--only", action="store_true", help="Remove the user's other roles.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["username"])
        role = Role(options["role"])
        if options["only"]:
            others = [r.value for r in Role if r is not role]
            user.groups.remove(*Group.objects.filter(name__in=others))
        grant_role(user, role)
        self.stdout.write(f"{user.get_username()} is now {role.value}.")
