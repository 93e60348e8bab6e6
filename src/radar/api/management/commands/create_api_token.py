"""`radar manage create_api_token USERNAME [--name NAME]`: print a new API token once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from radar.api.models import ApiToken
from radar.web.management.users import user_named


class Command(BaseCommand):
    help = "Create an API token for a user and print it (it is shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="API token", help="What the token is for.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["username"])
        _token, raw = ApiToken.issue(user, options["name"])
        self.stdout.write(raw)
        self.stderr.write(
            "Keep this token secret; it is not stored and cannot be shown again. "
            "Use it as: Authorization: Bearer <token>"
        )
