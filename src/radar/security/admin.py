"""Unlock locked-out accounts from the admin (django-axes' access attempts).

Deleting an account's failed attempts lifts its lockout; the action says so in
words an administrator looks for. Listed after "axes" in INSTALLED_APPS, so
axes has registered its own admin by the time this one replaces it.
"""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class UnlockingAccessAttemptAdmin(AccessAttemptAdmin):
    actions = ["unlock", *AccessAttemptAdmin.actions]

    @admin.action(description="Unlock: forget these failed sign-ins")
    def unlock(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        names = sorted({attempt.username or attempt.ip_address or "?" for attempt in queryset})
        count, _ = queryset.delete()
        self.message_user(request, f"Unlocked {', '.join(names)} ({count} record(s) removed).")
