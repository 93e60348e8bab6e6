"""`radar manage create_api_token USERNAME [--name NAME]`: print a new API token once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from radar.api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for a user and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="API token", help="What the token is for.")

    def handle(self, *args: Any, **options: Any) -> None:
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: options["username"]})
        except user_model.DoesNotExist:
            raise CommandError(f"No user named {options['username']!r}.") from None
        _token, raw = ApiToken.issue(user, options["name"])
        self.stdout.write(raw)
        self.stderr.write(
            "Keep this token secret; it is not stored and cannot be shown again. "
            "Use it as: Authorization: Bearer <token>"
        )
