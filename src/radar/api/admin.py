"""API tokens in the Django admin: list and revoke; adding one shows the secret once."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from radar.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "user", "prefix", "created", "last_used")
    list_filter = ("user",)
    fields = ("user", "name", "prefix", "created", "last_used")
    readonly_fields = ("prefix", "created", "last_used")

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        raw = "" if change else obj.set_new_secret()
        super().save_model(request, obj, form, change)
        if raw:
            messages.warning(request, f"New token (copy it now, it will not be shown again): {raw}")
