"""Absolute links for messages read outside the site (e-mail, chat)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return f"{settings.RADAR_SITE_URL}{path}"


def alliance_link(slug: str) -> str:
    return absolute(reverse("alliance", args=[slug]))


def preferences_link() -> str:
    return absolute(reverse("notify_preferences"))
