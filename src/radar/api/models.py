"""API tokens: only a hash is stored; the secret is shown once, when it is created."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models

TOKEN_PREFIX = "radar_"
TOUCH_EVERY = timedelta(minutes=1)


def hash_token(raw: str) -> str:
    # Tokens are long random strings, so a fast unsalted hash is enough
    # (no dictionary to attack) and lets us look a token up by its hash.
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'CRM sync'.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the secret, so people can tell their tokens apart.
    prefix = models.CharField(max_length=16, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["user", "-created"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        """Create a token; returns it with the raw secret (never stored)."""
        token = cls(user=user, name=name)
        raw = token.set_new_secret()
        token.save()
        return token, raw

    def set_new_secret(self) -> str:
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.token_hash, self.prefix = hash_token(raw), raw[:12]
        return raw

    @classmethod
    def find(cls, raw: str) -> ApiToken | None:
        return cls.objects.select_related("user").filter(token_hash=hash_token(raw)).first()

    def touch(self, when: datetime) -> None:
        """Note the use; at most once a minute, so reading through the API is not a
        database write per request (which SQLite would serialise)."""
        if self.last_used is not None and when - self.last_used < TOUCH_EVERY:
            return
        self.last_used = when
        type(self).objects.filter(pk=self.pk).update(last_used=when)
